package org.jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jgrad.Rng;
import org.jgrad.backend.blas.BlasLibrary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code unsignedBytesToFloats} of every backend (the BLAS one where a library is installed)
 * against {@code (byte & 0xFF) / divisor} in float, bit for bit: every byte value, lengths
 * around the 8-lane vector and an image's 784, at odd offsets, with destination elements
 * outside the run left alone.
 */
class UnsignedBytesToFloatsTest {

    private static final int[] LENGTHS = {0, 1, 7, 15, 16, 17, 63, 64, 65, 784};

    /** Divisors whose quotients round: 255 (pixels), 3 and 7 (not powers of two), 0.1, and 1 (exact). */
    private static final float[] DIVISORS = {255f, 3f, 7f, 0.1f, 1f};

    static List<Backend> backends() {
        List<Backend> backends = new ArrayList<>(List.of(new ReferenceBackend(), Backends.loadSimd()));
        if (BlasLibrary.find().isPresent()) {
            backends.add(Backends.loadBlas());
        }
        return backends;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void everyByteValueDividesExactly(Backend backend) {
        byte[] src = new byte[256 + 3];
        for (int v = 0; v < 256; v++) {
            src[3 + v] = (byte) v;
        }
        for (float divisor : DIVISORS) {
            float[] dst = new float[256 + 5];
            backend.unsignedBytesToFloats(src, 3, dst, 5, 256, divisor);
            for (int v = 0; v < 256; v++) {
                assertBits(v / divisor, dst[5 + v], "byte " + v + " / " + divisor);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void awkwardLengthsAtOffsetsMatchTheFormulaAndTouchNothingElse(Backend backend) {
        Rng rng = new Rng(4);
        for (int length : LENGTHS) {
            for (int srcOffset : new int[] {0, 5}) {
                byte[] src = new byte[srcOffset + length + 9];
                for (int i = 0; i < src.length; i++) {
                    src[i] = (byte) rng.nextInt(256);
                }
                int dstOffset = 3;
                float[] dst = new float[dstOffset + length + 9];
                Arrays.fill(dst, (float) Operands.SENTINEL);
                backend.unsignedBytesToFloats(src, srcOffset, dst, dstOffset, length, 255f);
                for (int i = 0; i < dst.length; i++) {
                    boolean inside = i >= dstOffset && i < dstOffset + length;
                    float expected = inside ? (src[srcOffset + i - dstOffset] & 0xFF) / 255f : (float) Operands.SENTINEL;
                    assertBits(expected, dst[i], "length " + length + " from " + srcOffset + ", element " + i);
                }
            }
        }
    }

    private static void assertBits(float expected, float actual, String where) {
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual),
                () -> where + ": expected " + expected + ", got " + actual);
    }
}
