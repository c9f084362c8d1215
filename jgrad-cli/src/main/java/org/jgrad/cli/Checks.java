package org.jgrad.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of option values made before any work starts, so that a bad value is a usage error
 * (exit code 2) named after its option, not a failure after minutes of training.
 */
final class Checks {

    private Checks() {
    }

    /** Fails with {@code message} as a usage error unless {@code ok}. */
    static void require(CommandSpec spec, boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    /** Fails unless {@code value} is a fraction in {@code [0, 1)}. */
    static void fraction(CommandSpec spec, String option, double value) {
        require(spec, value >= 0 && value < 1, option + ": must be in [0, 1), got " + value);
    }

    /** Fails unless {@code value} is finite and not negative. */
    static void nonNegative(CommandSpec spec, String option, double value) {
        require(spec, value >= 0 && Double.isFinite(value), option + ": must be 0 or more, got " + value);
    }

    /** Fails unless a file can be written at {@code path}: its directory exists and it is not itself a directory. */
    static void writableFile(CommandSpec spec, String option, Path path) {
        Path directory = path.toAbsolutePath().getParent();
        require(spec, directory != null && Files.isDirectory(directory),
                option + ": the directory " + directory + " does not exist");
        require(spec, !Files.isDirectory(path), option + ": " + path + " is a directory; give a file name");
    }
}
