package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AtomicFile}: the old file or the whole new one, never a part, and no temporary file left behind. */
class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWithTheWholeContent() throws IOException {
        Path file = dir.resolve("out.bin");
        Files.write(file, new byte[] {1, 2, 3, 4, 5});
        AtomicFile.write(file, channel -> channel.write(ByteBuffer.wrap(new byte[] {9, 8})));
        assertArrayEquals(new byte[] {9, 8}, Files.readAllBytes(file));
        assertEquals(List.of(file), ModelFileErrorTest.filesIn(dir));
    }

    @Test
    void aWriteFailingMidwayLeavesTheOldFileByteIdentical() throws IOException {
        Path file = dir.resolve("model.safetensors");
        byte[] old = {1, 2, 3, 4, 5, 6, 7, 8};
        Files.write(file, old);
        IOException diskFull = new IOException("No space left on device");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFile.write(file, channel -> {
            channel.write(ByteBuffer.wrap(new byte[1000]));
            throw diskFull;
        }));
        assertSame(diskFull, thrown);
        assertArrayEquals(old, Files.readAllBytes(file));
        assertEquals(List.of(file), ModelFileErrorTest.filesIn(dir), "the temporary file is removed");
    }

    @Test
    void aFailedFirstWriteCreatesNothing() throws IOException {
        Path file = dir.resolve("new.bin");
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(file, channel -> {
            channel.write(ByteBuffer.wrap(new byte[10]));
            throw new IllegalStateException("bug in the writer");
        }));
        assertEquals(List.of(), ModelFileErrorTest.filesIn(dir));
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path missing = dir.resolve("no/such/dir");
        var e = assertThrows(NoSuchFileException.class, () -> AtomicFile.write(missing.resolve("f.bin"), c -> { }));
        assertEquals(missing + ": the directory to write f.bin in does not exist", e.getMessage());
    }
}
