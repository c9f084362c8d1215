package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of truncated, corrupted and hostile safetensors files, each refused with the exact
 * problem, before anything the file's numbers ask for is allocated.
 */
class SafetensorsCorruptionTest {

    private static final byte[] EIGHT_BYTES = RawBytes.floats(1, 2);

    @TempDir
    Path dir;

    /** A file with the one tensor {@code w} described by {@code entry}, and eight bytes of data. */
    private static byte[] tensor(String entry) {
        return RawBytes.file("{\"w\":" + entry + "}", EIGHT_BYTES);
    }

    private static String offsetOf(String needle, String header) {
        return Integer.toString(8 + header.indexOf(needle));
    }

    static Stream<Arguments> corpus() {
        String hugeNumber = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,1e400]}}";
        String duplicate = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        String deep = "{\"__metadata__\":" + "[".repeat(64) + "]".repeat(64) + "}";
        byte[] badUtf8 = "{\"__metadata__\":{\"k\":\"?\"}}".getBytes(StandardCharsets.US_ASCII);
        badUtf8[22] = (byte) 0xFF;
        return Stream.of(
                Arguments.of("empty file", new byte[0],
                        "the file has 0 bytes, too few for the 8-byte header length"),
                Arguments.of("truncated length", new byte[] {8, 0, 0, 0, 0},
                        "the file has 5 bytes, too few for the 8-byte header length"),
                Arguments.of("length beyond any header", RawBytes.file(-1L, new byte[0], new byte[0]),
                        "header length 18446744073709551615 (bytes 0-7) exceeds the limit of 100000000 bytes"),
                Arguments.of("length beyond the file", RawBytes.file(1000, "{}".getBytes(StandardCharsets.US_ASCII),
                        new byte[10]), "header length 1000 (bytes 0-7) runs past the end of the file (20 bytes)"),
                Arguments.of("length just beyond the file", RawBytes.file(3, "{}".getBytes(StandardCharsets.US_ASCII),
                        new byte[0]), "header length 3 (bytes 0-7) runs past the end of the file (10 bytes)"),
                Arguments.of("empty header", RawBytes.file(0, new byte[0], new byte[0]),
                        "byte 8: the header must start with '{'"),
                Arguments.of("header not an object", RawBytes.file("[1]", new byte[0]),
                        "byte 8: the header must start with '{'"),
                Arguments.of("leading space", RawBytes.file(" {}", new byte[0]),
                        "byte 8: the header must start with '{'"),
                Arguments.of("truncated header", RawBytes.file("{\"w\":{\"dtype\"", new byte[0]),
                        "invalid header JSON at byte 21: expected ':' after an object key, got end of text"),
                Arguments.of("NaN in header", RawBytes.file("{\"w\":NaN}", new byte[0]),
                        "invalid header JSON at byte 13: unexpected 'N', expected a value"),
                Arguments.of("number too large", RawBytes.file(hugeNumber, EIGHT_BYTES),
                        "invalid header JSON at byte " + offsetOf("1e400", hugeNumber)
                                + ": number 1e400 is too large for a double"),
                Arguments.of("duplicate tensor", RawBytes.file(duplicate, EIGHT_BYTES),
                        "invalid header JSON at byte " + (8 + duplicate.lastIndexOf("\"w\""))
                                + ": duplicate key \"w\""),
                Arguments.of("nesting too deep", RawBytes.file(deep, new byte[0]),
                        "invalid header JSON at byte " + (8 + 16 + 63) + ": nesting deeper than 64 levels"),
                Arguments.of("invalid UTF-8", RawBytes.file(badUtf8.length, badUtf8, new byte[0]),
                        "invalid header JSON at byte 30: invalid UTF-8 in a string"),
                Arguments.of("metadata not an object", RawBytes.file("{\"__metadata__\":[]}", new byte[0]),
                        "'__metadata__' must be an object of strings, got array"),
                Arguments.of("metadata not string to string",
                        RawBytes.file("{\"__metadata__\":{\"n\":1}}", new byte[0]),
                        "'__metadata__' entry 'n' must be a string, got integer 1"),
                Arguments.of("entry not an object", tensor("5"),
                        "tensor 'w': expected an object with dtype, shape and data_offsets, got integer"),
                Arguments.of("missing offsets", tensor("{\"dtype\":\"F32\",\"shape\":[2]}"),
                        "tensor 'w': missing 'data_offsets'"),
                Arguments.of("unexpected key",
                        tensor("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"x\":1}"),
                        "tensor 'w': unexpected key 'x'"),
                Arguments.of("unknown dtype", tensor("{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]}"),
                        "tensor 'w': unsupported dtype \"F16\" (jgrad reads F32, F64 and I64)"),
                Arguments.of("dtype not a string", tensor("{\"dtype\":32,\"shape\":[2],\"data_offsets\":[0,8]}"),
                        "tensor 'w': unsupported dtype 32 (jgrad reads F32, F64 and I64)"),
                Arguments.of("shape not an array", tensor("{\"dtype\":\"F32\",\"shape\":\"2\",\"data_offsets\":[0,8]}"),
                        "tensor 'w': shape must be an array of integers, got string"),
                Arguments.of("negative extent", tensor("{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}"),
                        "tensor 'w': shape extent -2 is not an integer in [0, 2147483647]"),
                Arguments.of("fractional extent", tensor("{\"dtype\":\"F32\",\"shape\":[2.0],\"data_offsets\":[0,8]}"),
                        "tensor 'w': shape extent 2.0 is not an integer in [0, 2147483647]"),
                Arguments.of("huge extent", tensor("{\"dtype\":\"F32\",\"shape\":[4294967296],\"data_offsets\":[0,8]}"),
                        "tensor 'w': shape extent 4294967296 is not an integer in [0, 2147483647]"),
                Arguments.of("too many elements",
                        tensor("{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,8]}"),
                        "tensor 'w': shape [65536, 65536] has more than the 2147483647 elements a tensor can hold"),
                Arguments.of("negative offset", tensor("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[-8,0]}"),
                        "tensor 'w': data_offsets must be [begin, end] with 0 <= begin <= end, got [-8,0]"),
                Arguments.of("fractional offset", tensor("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8.0]}"),
                        "tensor 'w': data_offsets must be [begin, end] with 0 <= begin <= end, got [0,8.0]"),
                Arguments.of("reversed offsets", tensor("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}"),
                        "tensor 'w': data_offsets must be [begin, end] with 0 <= begin <= end, got [8,0]"),
                Arguments.of("three offsets", tensor("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4,8]}"),
                        "tensor 'w': data_offsets must be [begin, end] with 0 <= begin <= end, got [0,4,8]"),
                Arguments.of("offsets beyond the data",
                        tensor("{\"dtype\":\"F32\",\"shape\":[2147483647],\"data_offsets\":[0,8589934588]}"),
                        "tensor 'w': data_offsets [0, 8589934588] run past the end of the data (8 bytes)"),
                Arguments.of("shape does not match the bytes",
                        tensor("{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}"),
                        "tensor 'w': shape [3] of F32 takes 12 bytes, but data_offsets [0, 8] span 8"),
                Arguments.of("dtype does not match the bytes",
                        tensor("{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,8]}"),
                        "tensor 'w': shape [2] of F64 takes 16 bytes, but data_offsets [0, 8] span 8"),
                Arguments.of("overlap", RawBytes.file("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12]),
                        "tensor 'b' (data_offsets [4, 12]) overlaps tensor 'a' (data_offsets [0, 8])"),
                Arguments.of("hole", RawBytes.file("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", new byte[12]),
                        "data bytes [4, 8) belong to no tensor"),
                Arguments.of("not starting at 0",
                        tensor("{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}"),
                        "data bytes [0, 4) belong to no tensor"),
                Arguments.of("trailing bytes", RawBytes.concat(
                                tensor("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}"), new byte[3]),
                        "data bytes [8, 11) belong to no tensor"),
                Arguments.of("truncated data", RawBytes.file(
                                "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[5]),
                        "tensor 'w': data_offsets [0, 8] run past the end of the data (5 bytes)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusesWithTheExactProblem(String label, byte[] bytes, String problem) throws IOException {
        Path file = dir.resolve(label.replace(' ', '-') + ".safetensors");
        Files.write(file, bytes);
        FileFormatException e = assertThrows(FileFormatException.class, () -> Safetensors.read(file));
        assertEquals(problem, e.problem());
        assertEquals(file + ": " + problem, e.getMessage());
        assertEquals(file, e.file());
    }

    /** The corpus's base case is valid: each refusal above comes from the one thing changed. */
    @Test
    void theUncorruptedFileReads() throws IOException {
        Path file = dir.resolve("valid.safetensors");
        Files.write(file, tensor("{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}"));
        assertEquals(2.0, Safetensors.read(file).tensors().get("w").get(1));
    }
}
