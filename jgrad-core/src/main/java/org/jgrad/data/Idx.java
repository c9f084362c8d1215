package org.jgrad.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST (LeCun et al.): a magic number (two zero
 * bytes, a type byte, the number of dimensions), one big-endian 32-bit size per dimension, then
 * the values. Plain or gzip-compressed (recognized by its first bytes, whatever the file name).
 * Only unsigned bytes (type {@code 0x08}) are read: those are what image sets use.
 *
 * <p>A file is distrusted: the sizes are checked against the bytes actually there before any
 * array is allocated (for gzip, against what a file of that length can hold; the data is then
 * read in chunks), and every problem is an {@link IllegalArgumentException} naming the file,
 * the byte offset and what was wrong. I/O failures stay {@link IOException}s.
 */
public final class Idx {

    /** The unsigned-byte type: the only one read. */
    private static final int UNSIGNED_BYTE = 0x08;
    /** The largest array a JVM allocates reliably. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** Deflate expands data at most about 1032 times, so a gzip file of n bytes holds less than 1032·n. */
    private static final long MAX_DEFLATE_RATIO = 1032;
    /** How much of a gzip stream is read before the buffer grows. */
    private static final int CHUNK = 1 << 20;

    private Idx() {}

    /** The dimensions and bytes of one IDX file. */
    record Array(String file, int[] dims, byte[] data) {}

    /**
     * Labelled images from an images file ({@code [count, rows, columns]}) and a labels file
     * ({@code [count]}) whose labels must be indices into {@code classNames}.
     */
    public static ImageDataSet read(Path images, Path labels, List<String> classNames) throws IOException {
        Array pixels = readArray(images);
        if (pixels.dims().length != 3) {
            throw new IllegalArgumentException(pixels.file() + ": images need 3 dimensions (count x rows x columns),"
                    + " the header at byte 3 gives " + pixels.dims().length);
        }
        Array classes = readArray(labels);
        if (classes.dims().length != 1) {
            throw new IllegalArgumentException(classes.file() + ": labels need 1 dimension (count), the header at"
                    + " byte 3 gives " + classes.dims().length);
        }
        if (classes.dims()[0] != pixels.dims()[0]) {
            throw new IllegalArgumentException(classes.file() + ": " + classes.dims()[0] + " labels for the "
                    + pixels.dims()[0] + " images of " + pixels.file());
        }
        byte[] data = classes.data();
        int[] indices = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            indices[i] = data[i] & 0xFF;
            if (indices[i] >= classNames.size()) {
                throw new IllegalArgumentException(classes.file() + ": label " + indices[i] + " at byte " + (8 + i)
                        + " (example " + i + ") is outside 0.." + (classNames.size() - 1));
            }
        }
        int[] shape = {1, pixels.dims()[1], pixels.dims()[2]};
        return new ImageDataSet(pixels.data(), shape, indices, classNames);
    }

    /** One IDX file of unsigned bytes, checked as the class comment says. */
    static Array readArray(Path path) throws IOException {
        String file = path.getFileName().toString();
        long fileSize = Files.size(path);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (!gzip) {
                return read(new IdxInput(file, raw, false), fileSize);
            }
            try (InputStream unzipped = new GZIPInputStream(raw, 1 << 16)) {
                return read(new IdxInput(file, unzipped, true), fileSize * MAX_DEFLATE_RATIO);
            } catch (ZipException | EOFException e) {
                throw new IllegalArgumentException(file + ": not a readable gzip stream (" + e.getMessage() + ")");
            }
        }
    }

    /** Reads the header and data; {@code capacity} bounds the bytes the source can hold. */
    private static Array read(IdxInput input, long capacity) throws IOException {
        long magic = input.readUnsigned("the 4-byte magic number");
        int type = (int) (magic >>> 8) & 0xFF;
        int rank = (int) magic & 0xFF;
        if (magic >>> 16 != 0) {
            throw input.error(String.format("bad magic number 0x%08X at byte 0; an IDX file starts with two zero"
                    + " bytes, a type byte and the number of dimensions", magic));
        }
        checkType(input, type);
        if (rank == 0) {
            throw input.error("0 dimensions at byte 3");
        }
        long[] sizes = new long[rank];
        for (int d = 0; d < rank; d++) {
            long at = input.offset();
            sizes[d] = input.readUnsigned("size " + (d + 1) + " of " + rank);
            if (sizes[d] > MAX_ARRAY) {
                throw input.error("size " + (d + 1) + " of " + rank + " is " + sizes[d] + " (bytes " + at + " to "
                        + (at + 3) + "), more than a Java array holds (" + MAX_ARRAY + ")");
            }
        }
        long header = input.offset();
        String declared = "sizes " + Arrays.stream(sizes).mapToObj(Long::toString).reduce((a, b) -> a + " x " + b)
                .orElseThrow();
        BigInteger count = Arrays.stream(sizes).mapToObj(BigInteger::valueOf)
                .reduce(BigInteger.ONE, BigInteger::multiply);
        if (count.compareTo(BigInteger.valueOf(MAX_ARRAY)) > 0) {
            throw input.error(declared + " make " + count + " values, more than a Java array holds ("
                    + MAX_ARRAY + ")");
        }
        int length = count.intValueExact();
        String need = declared + " need " + length + " bytes of data from byte " + header;
        if (!input.gzip() && header + length != capacity) {
            throw input.error(header + length > capacity
                    ? "truncated: " + need + ", the file ends at byte " + capacity
                    : need + ", the file has " + (capacity - header - length) + " more bytes after byte "
                            + (header + length));
        }
        if (header + length > capacity) {
            throw input.error(need + ", more than a gzip file of " + capacity / MAX_DEFLATE_RATIO + " bytes can hold");
        }
        byte[] data = readData(input, length);
        if (data.length < length) {
            throw input.error("truncated: " + need + ", " + input.where() + " ends at byte " + input.offset());
        }
        if (input.hasMore()) {
            throw input.error(need + ", " + input.where() + " goes on after byte " + (header + length));
        }
        if (input.cutOff()) {
            throw input.error("the gzip stream is cut off after byte " + input.offset() + " of its uncompressed data");
        }
        int[] dims = Arrays.stream(sizes).mapToInt(Math::toIntExact).toArray();
        return new Array(input.file(), dims, data);
    }

    private static void checkType(IdxInput input, int type) {
        String name = switch (type) {
            case UNSIGNED_BYTE -> null;
            case 0x09 -> "signed byte";
            case 0x0B -> "16-bit integer";
            case 0x0C -> "32-bit integer";
            case 0x0D -> "32-bit float";
            case 0x0E -> "64-bit float";
            default -> throw input.error(String.format("unknown type byte 0x%02X at byte 2", type));
        };
        if (name != null) {
            throw input.error(String.format("type 0x%02X (%s) at byte 2 is not supported; jgrad reads unsigned"
                    + " bytes (0x08)", type, name));
        }
    }

    /**
     * Up to {@code length} bytes, fewer if the data ends early. The buffer grows eightfold as
     * bytes arrive, so a lying header costs at most eight times the memory of the data really
     * there, while a true one costs little more than the data (Fashion-MNIST's 47 MB of pixels
     * peak at 55 MB, not the 79 MB that doubling from 1 MiB took).
     */
    private static byte[] readData(IdxInput input, int length) throws IOException {
        byte[] data = new byte[Math.min(length, CHUNK)];
        int filled = 0;
        while (true) {
            filled += input.read(data, filled, data.length - filled);
            if (filled < data.length || data.length == length) {
                return filled == data.length ? data : Arrays.copyOf(data, filled);
            }
            data = Arrays.copyOf(data, (int) Math.min(length, 8L * data.length));
        }
    }
}
