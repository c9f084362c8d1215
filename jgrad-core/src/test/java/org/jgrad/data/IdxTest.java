package org.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.jgrad.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Idx}: good files read exactly, plain or gzip; a corpus of bad files named byte by byte. */
class IdxTest {

    private static final List<String> DIGITS = ImageDataSets.MNIST_CLASSES;

    @TempDir
    Path dir;

    /** An IDX file: magic {@code 00 00 type rank}, the sizes, then the data. */
    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.put(data).array();
    }

    static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] randomBytes(int n) {
        Rng rng = new Rng(3);
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) rng.nextInt(256);
        }
        return bytes;
    }

    private String error(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> Idx.readArray(file)).getMessage();
    }

    private String error(Path images, Path labels) {
        return assertThrows(IllegalArgumentException.class, () -> Idx.read(images, labels, DIGITS)).getMessage();
    }

    /** Two 2 x 3 images with pixel values 0, 51, …, 255 and labels 7 and 2. */
    private Path[] twoImages(boolean gzip) throws IOException {
        byte[] pixels = {0, 51, 102, (byte) 153, (byte) 204, (byte) 255, 1, 2, 3, 4, 5, 6};
        byte[] images = idx(0x08, new int[] {2, 2, 3}, pixels);
        byte[] labels = idx(0x08, new int[] {2}, new byte[] {7, 2});
        return new Path[] {write("images", gzip ? gzip(images) : images), write("labels", gzip ? gzip(labels) : labels)};
    }

    @Test
    void readsImagesAsBytesAndScalesThemInBatches() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            Path[] files = twoImages(gzip);
            ImageDataSet data = Idx.read(files[0], files[1], DIGITS);
            assertEquals(2, data.size());
            assertArrayEquals(new int[] {1, 2, 3}, data.featureShape());
            assertEquals(DIGITS, data.classNames());
            Batch batch = data.batch(new int[] {1, 0});
            assertArrayEquals(new int[] {2, 1, 2, 3}, batch.features().shape());
            assertArrayEquals(new float[] {1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f, 5 / 255f, 6 / 255f,
                0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f}, batch.features().toFloatArray(), 1e-7f);
            assertArrayEquals(new long[] {2, 7}, batch.targets().toLongArray());
            assertEquals(10, data.classCount());
        }
    }

    @Test
    void truncatedHeaders() throws IOException {
        assertEquals("a: the file ends at byte 2, inside the 4-byte magic number (bytes 0 to 3)",
                error(write("a", new byte[] {0, 0})));
        byte[] header = Arrays.copyOf(idx(0x08, new int[] {5, 5, 5}, new byte[0]), 10);
        assertEquals("b: the file ends at byte 10, inside size 2 of 3 (bytes 8 to 11)", error(write("b", header)));
        assertEquals("b.gz: the uncompressed data ends at byte 10, inside size 2 of 3 (bytes 8 to 11)",
                error(write("b.gz", gzip(header))));
        assertEquals("empty: the file ends at byte 0, inside the 4-byte magic number (bytes 0 to 3)",
                error(write("empty", new byte[0])));
    }

    @Test
    void badMagicTypeAndRank() throws IOException {
        assertEquals("m: bad magic number 0x01020803 at byte 0; an IDX file starts with two zero bytes, a type byte"
                + " and the number of dimensions", error(write("m", new byte[] {1, 2, 8, 3, 0, 0, 0, 0})));
        assertEquals("t: unknown type byte 0x05 at byte 2", error(write("t", idx(0x05, new int[] {1}, new byte[1]))));
        assertEquals("f: type 0x0D (32-bit float) at byte 2 is not supported; jgrad reads unsigned bytes (0x08)",
                error(write("f", idx(0x0D, new int[] {1}, new byte[4]))));
        assertEquals("r: 0 dimensions at byte 3", error(write("r", idx(0x08, new int[0], new byte[0]))));
    }

    @Test
    void hostileSizesAreRejectedBeforeAllocating() throws IOException {
        assertEquals("h: size 2 of 3 is 4294967295 (bytes 8 to 11), more than a Java array holds (2147483639)",
                error(write("h", idx(0x08, new int[] {0, -1, 2}, new byte[0]))));
        assertEquals("p: sizes 100000 x 100000 x 1000 make 10000000000000 values, more than a Java array holds"
                + " (2147483639)", error(write("p", idx(0x08, new int[] {100_000, 100_000, 1000}, new byte[0]))));
        byte[] gigabyte = idx(0x08, new int[] {1000, 1000, 1000}, new byte[0]);
        assertEquals("g: truncated: sizes 1000 x 1000 x 1000 need 1000000000 bytes of data from byte 16, the file"
                + " ends at byte 16", error(write("g", gigabyte)));
        Path zipped = write("g.gz", gzip(gigabyte));
        assertEquals("g.gz: sizes 1000 x 1000 x 1000 need 1000000000 bytes of data from byte 16, more than a gzip"
                + " file of " + Files.size(zipped) + " bytes can hold", error(zipped));
    }

    @Test
    void dataShorterOrLongerThanDeclared() throws IOException {
        byte[] full = idx(0x08, new int[] {10, 28, 28}, randomBytes(7840));
        byte[] shorter = Arrays.copyOf(full, 5016);
        String need = "sizes 10 x 28 x 28 need 7840 bytes of data from byte 16, ";
        assertEquals("s: truncated: " + need + "the file ends at byte 5016", error(write("s", shorter)));
        assertEquals("s.gz: truncated: " + need + "the uncompressed data ends at byte 5016",
                error(write("s.gz", gzip(shorter))));
        byte[] longer = Arrays.copyOf(full, full.length + 3);
        assertEquals("l: " + need + "the file has 3 more bytes after byte 7856", error(write("l", longer)));
        assertEquals("l.gz: " + need + "the uncompressed data goes on after byte 7856",
                error(write("l.gz", gzip(longer))));
    }

    @Test
    void cutOffAndCorruptGzipStreams() throws IOException {
        byte[] zipped = gzip(idx(0x08, new int[] {10, 28, 28}, randomBytes(7840)));
        assertEquals("c.gz: the gzip stream is cut off after byte 7856 of its uncompressed data",
                error(write("c.gz", Arrays.copyOf(zipped, zipped.length - 4))));
        String cut = error(write("d.gz", Arrays.copyOf(zipped, zipped.length / 2)));
        assertTrue(cut.startsWith("d.gz: truncated: sizes 10 x 28 x 28 need 7840 bytes of data from byte 16,"
                + " the uncompressed data ends at byte "), cut);
        byte[] corrupt = gzip(idx(0x08, new int[] {10, 28, 28}, new byte[7840]));
        Arrays.fill(corrupt, 12, corrupt.length - 8, (byte) 0xFF);
        String message = error(write("x.gz", corrupt));
        assertTrue(message.startsWith("x.gz: the gzip stream is corrupt at byte 0 of its uncompressed data ("),
                message);
        assertEquals("y.gz: not a readable gzip stream (Unsupported compression method)",
                error(write("y.gz", new byte[] {0x1f, (byte) 0x8b, 7, 0, 0, 0, 0, 0, 0, 0})));
    }

    @Test
    void imagesAndLabelsMustAgree() throws IOException {
        Path[] good = twoImages(false);
        Path threeLabels = write("three", idx(0x08, new int[] {3}, new byte[] {1, 2, 3}));
        assertEquals("three: 3 labels for the 2 images of images", error(good[0], threeLabels));
        Path outOfRange = write("range", idx(0x08, new int[] {2}, new byte[] {4, 12}));
        assertEquals("range: label 12 at byte 9 (example 1) is outside 0..9", error(good[0], outOfRange));
        assertEquals("labels: images need 3 dimensions (count x rows x columns), the header at byte 3 gives 1",
                error(good[1], good[1]));
        assertEquals("images: labels need 1 dimension (count), the header at byte 3 gives 3",
                error(good[0], good[0]));
    }

    @Test
    void readsFashionMnistWhenInstalled() throws IOException {
        Path installed = Path.of("/usr/share/datasets/fashion-mnist");
        assumeTrue(Files.isDirectory(installed), "Fashion-MNIST is not installed in " + installed);
        TrainTest sets = ImageDataSets.fashionMnist(installed);
        assertEquals(60_000, sets.train().size());
        assertEquals(10_000, sets.test().size());
        assertArrayEquals(new int[] {1, 28, 28}, sets.train().featureShape());
        assertEquals("Ankle boot", sets.train().classNames().get(9));
        long[] counts = new long[10];
        for (long label : sets.train().targets().toLongArray()) {
            counts[(int) label]++;
        }
        long[] balanced = new long[10];
        Arrays.fill(balanced, 6000);
        assertArrayEquals(balanced, counts);
        Batch first = sets.train().batch(new int[] {0});
        assertEquals(9, first.targets().get(0));
        assertEquals(0xED / 255f, first.features().get(0, 0, 14, 12), 1e-7);
        assertArrayEquals(new long[] {9, 2, 1, 1, 6}, sets.test().batch(new int[] {0, 1, 2, 3, 4}).targets().toLongArray());
    }

    @Test
    void imageSetsNameTheMissingFile() {
        var missing = assertThrows(java.nio.file.NoSuchFileException.class, () -> ImageDataSets.fashionMnist(dir));
        assertEquals(dir.resolve("train-images-idx3-ubyte") + ": neither it nor train-images-idx3-ubyte.gz is there",
                missing.getMessage());
    }
}
