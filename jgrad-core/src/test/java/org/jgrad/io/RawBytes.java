package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Safetensors files and little-endian numbers built and checked byte by byte, without the code under test. */
final class RawBytes {

    private RawBytes() {
    }

    /** A file whose header is {@code header} (its length declared truthfully) followed by {@code data}. */
    static byte[] file(String header, byte[] data) {
        byte[] text = header.getBytes(StandardCharsets.UTF_8);
        return file(text.length, text, data);
    }

    /** A file declaring a header of {@code declaredLength} bytes, holding {@code header} and {@code data}. */
    static byte[] file(long declaredLength, byte[] header, byte[] data) {
        return ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(declaredLength).put(header).put(data).array();
    }

    static byte[] floats(float... values) {
        ByteBuffer out = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            out.putFloat(v);
        }
        return out.array();
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }

    /** The header length a file declares in its first 8 bytes. */
    static long headerLength(byte[] file) {
        return ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    /** The header text of a file, padding included. */
    static String header(byte[] file) {
        return new String(file, 8, (int) headerLength(file), StandardCharsets.UTF_8);
    }

    /**
     * Checks that {@code file} is the 8-byte header length, {@code headerText} padded with spaces
     * to a multiple of 8, then {@code dataBytes} bytes of data; returns the data, little-endian.
     */
    static ByteBuffer assertLayout(byte[] file, String headerText, int dataBytes) {
        int textLength = headerText.getBytes(StandardCharsets.UTF_8).length;
        int padded = (textLength + 7) / 8 * 8;
        assertEquals(padded, headerLength(file));
        assertEquals(headerText + " ".repeat(padded - textLength), header(file));
        assertEquals(8 + padded + dataBytes, file.length);
        return ByteBuffer.wrap(file, 8 + padded, dataBytes).slice().order(ByteOrder.LITTLE_ENDIAN);
    }
}
