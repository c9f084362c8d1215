package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Safetensors}: files byte-identical to the reference implementation's, values read back
 * bit for bit, a deterministic order, and files from other writers read.
 */
class SafetensorsTest {

    @TempDir
    Path dir;

    private static final float[] ZERO_TO_FIVE = {0, 1, 2, 3, 4, 5};

    /**
     * The expected bytes are the reference implementation's own test vectors
     * (huggingface/safetensors, safetensors/src/tensor.rs: test_serialization,
     * test_serialization_forced_alignement, test_empty), written here as text and floats.
     */
    @Test
    void writesTheReferenceImplementationsBytes() throws IOException {
        assertWrites(RawBytes.file("{\"attn.0\":{\"dtype\":\"F32\",\"shape\":[1,2,3],\"data_offsets\":[0,24]}}",
                        RawBytes.floats(ZERO_TO_FIVE)),
                Map.of("attn.0", Tensor.of(ZERO_TO_FIVE, 1, 2, 3)), Map.of());
        assertWrites(RawBytes.file("{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}"
                        + " ".repeat(7), RawBytes.floats(ZERO_TO_FIVE)),
                Map.of("attn0", Tensor.of(ZERO_TO_FIVE, 1, 1, 2, 3)), Map.of());
        assertWrites(RawBytes.file("{}      ", new byte[0]), Map.of(), Map.of());
        assertWrites(RawBytes.file("{\"__metadata__\":{\"framework\":\"pt\"}}     ", new byte[0]),
                Map.of(), Map.of("framework", "pt"));
    }

    private void assertWrites(byte[] expected, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        Path file = dir.resolve("reference.safetensors");
        new Safetensors(tensors, metadata).write(file);
        assertArrayEquals(expected, Files.readAllBytes(file), () -> RawBytes.header(expected));
        Safetensors back = Safetensors.read(file);
        assertEquals(metadata, back.metadata());
        assertEquals(tensors.keySet(), back.tensors().keySet());
    }

    /**
     * Tensors are laid out as the reference writer lays them out: the widest type first (I64,
     * F64, F32), then by name in UTF-8 byte order (where {@code "\uFB01"} sorts before {@code
     * "\uD83D\uDE00"}, unlike Java's {@code compareTo}); metadata keys sorted; every tensor
     * aligned. Checked by reading the bytes here, not with the reader under test.
     */
    @Test
    void layoutIsDeterministicAndAligned() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("b", Tensor.of(new float[] {1.5f}));
        tensors.put("\ud83d\ude00", Tensor.of(new float[] {2.5f}));
        tensors.put("\ufb01", Tensor.of(new float[] {3.5f}));
        tensors.put("a", Tensor.of(new float[] {4.5f, 5.5f, 6.5f}));
        tensors.put("m", Tensor.of(new double[] {0.1}));
        tensors.put("z", Tensor.of(new long[] {-7, Long.MAX_VALUE}));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("zeta", "last");
        metadata.put("alpha", "first \"quoted\"");
        Path file = dir.resolve("order.safetensors");
        new Safetensors(tensors, metadata).write(file);
        byte[] bytes = Files.readAllBytes(file);

        String expectedHeader = "{\"__metadata__\":{\"alpha\":\"first \\\"quoted\\\"\",\"zeta\":\"last\"},"
                + "\"z\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"m\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[16,24]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[24,36]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[36,40]},"
                + "\"\ufb01\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[40,44]},"
                + "\"\ud83d\ude00\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[44,48]}}";
        ByteBuffer data = RawBytes.assertLayout(bytes, expectedHeader, 48);
        assertEquals(-7, data.getLong(0));
        assertEquals(Long.MAX_VALUE, data.getLong(8));
        assertEquals(0.1, data.getDouble(16));
        assertEquals(List.of(4.5f, 5.5f, 6.5f, 1.5f, 3.5f, 2.5f), List.of(data.getFloat(24), data.getFloat(28),
                data.getFloat(32), data.getFloat(36), data.getFloat(40), data.getFloat(44)));

        Path again = dir.resolve("again.safetensors");
        new Safetensors(Map.of("a", tensors.get("a"), "z", tensors.get("z"), "m", tensors.get("m"), "b",
                tensors.get("b"), "\ufb01", tensors.get("\ufb01"), "\ud83d\ude00", tensors.get("\ud83d\ude00")),
                Map.of("alpha", "first \"quoted\"", "zeta", "last")).write(again);
        assertArrayEquals(bytes, Files.readAllBytes(again), "the caller's map order must not matter");
        assertEquals(List.of("z", "m", "a", "b", "\ufb01", "\ud83d\ude00"),
                List.copyOf(Safetensors.read(file).tensors().keySet()));
    }

    @Test
    void valuesReadBackBitForBit() throws IOException {
        float[] floats = {0f, -0f, Float.NaN, Float.intBitsToFloat(0x7fc00001), Float.POSITIVE_INFINITY,
                Float.MIN_VALUE, -Float.MAX_VALUE, 1f / 3};
        double[] doubles = {-0.0, Double.NaN, Double.MIN_VALUE, Math.PI, Double.NEGATIVE_INFINITY, 1e308};
        long[] longs = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE};
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("floats", Tensor.of(floats, 2, 4));
        tensors.put("doubles", Tensor.of(doubles, 3, 1, 2));
        tensors.put("longs", Tensor.of(longs));
        tensors.put("scalar", Tensor.scalar(2.5, DType.FLOAT64));
        tensors.put("empty", Tensor.zeros(0, 3));
        tensors.put("transposed", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).t());
        Path file = dir.resolve("values.safetensors");
        new Safetensors(tensors, Map.of()).write(file);
        Map<String, Tensor> back = Safetensors.read(file).tensors();

        for (var entry : tensors.entrySet()) {
            Tensor expected = entry.getValue();
            Tensor actual = back.get(entry.getKey());
            assertEquals(expected.dtype(), actual.dtype(), entry.getKey());
            assertArrayEquals(expected.shape(), actual.shape(), entry.getKey());
        }
        assertArrayEquals(bits(floats), bits(back.get("floats").toFloatArray()));
        assertArrayEquals(bits(doubles), bits(back.get("doubles").toDoubleArray()));
        assertArrayEquals(longs, back.get("longs").toLongArray());
        assertEquals(2.5, back.get("scalar").item());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, back.get("transposed").toFloatArray());
    }

    /** Other writers pad differently, order keys differently, or put the metadata last; all of it is valid. */
    @Test
    void readsFilesFromOtherWriters() throws IOException {
        String header = "{\n  \"b\": {\"data_offsets\": [8, 12], \"shape\": [], \"dtype\": \"F32\"},\n"
                + "  \"a\": {\"shape\": [2], \"dtype\": \"F32\", \"data_offsets\": [0, 8]},\n"
                + "  \"__metadata__\": {\"format\": \"pt\"}\n}";
        Path file = dir.resolve("other.safetensors");
        Files.write(file, RawBytes.file(header, RawBytes.floats(1, 2, 3)));
        Safetensors read = Safetensors.read(file);
        assertEquals(Map.of("format", "pt"), read.metadata());
        assertEquals(List.of("a", "b"), List.copyOf(read.tensors().keySet()));
        assertArrayEquals(new float[] {1, 2}, read.tensors().get("a").toFloatArray());
        assertArrayEquals(new int[0], read.tensors().get("b").shape());
        assertEquals(3.0, read.tensors().get("b").item());
    }

    @Test
    void refusesTheReservedName() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Safetensors(Map.of("__metadata__", Tensor.zeros(1)), Map.of()));
        assertEquals("Safetensors: '__metadata__' is reserved for the metadata and cannot name a tensor",
                e.getMessage());
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }
}
