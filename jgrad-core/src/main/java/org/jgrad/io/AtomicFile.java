package org.jgrad.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file all or nothing: the content goes to a temporary file in the same directory,
 * which is synced to disk ({@link FileChannel#force(boolean)}) and then renamed over the target
 * in one atomic step. Readers see the old file or the complete new one, never a part; a write
 * that fails (an exception from the content, a full disk, a crash) leaves the old file as it
 * was and removes the temporary one.
 */
public final class AtomicFile {

    /** Numbers the temporary files of this process, so that concurrent writes never share one. */
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFile() {
    }

    /** What goes into the file, written to {@code channel} from its start; throwing abandons the write. */
    @FunctionalInterface
    public interface Content {

        /** Writes the whole content to {@code channel}. */
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Replaces {@code target} (or creates it) with what {@code content} writes, atomically. */
    public static void write(Path target, Content content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new NoSuchFileException(String.valueOf(directory), null, "the directory to write "
                    + target.getFileName() + " in does not exist");
        }
        Path temporary = createTemporary(directory, target.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        syncDirectory(directory);
    }

    /** A new empty file {@code .NAME.PID.N.tmp} beside the target, hidden from directory listings on Unix. */
    private static Path createTemporary(Path directory, String name) throws IOException {
        while (true) {
            Path candidate = directory.resolve("." + name + "." + ProcessHandle.current().pid() + "."
                    + COUNTER.incrementAndGet() + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException leftByAnEarlierProcess) {
                // Not ours to touch: try the next number.
            }
        }
    }

    /**
     * Makes the rename itself durable by syncing the directory. Some platforms (Windows) cannot
     * open a directory as a channel; there the rename is already durable when it returns, so
     * that failure is not an error.
     */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupportedHere) {
            // See above: nothing is lost, the new file is complete and in place.
        }
    }
}
