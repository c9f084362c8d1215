package org.jgrad.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be read as what it claims to be: truncated, corrupted, hostile, or written
 * for another program. The message names the file, then the problem and where it is, e.g.
 * {@code model.safetensors: tensor '0.weight': unsupported dtype 'F16' (jgrad reads F32, F64
 * and I64)}.
 */
public final class FileFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    /** {@code problem}, found in {@code file}. */
    public FileFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** The file that was being read. */
    public Path file() {
        return file;
    }

    /** What is wrong and where, without the file's name. */
    public String problem() {
        return problem;
    }
}
