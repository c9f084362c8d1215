package org.jgrad.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.jgrad.Rng;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;
import org.jgrad.backend.WorkerPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The property multi-threading relies on: {@link FloatGemm#multiply} sums each element of C in
 * the same order whatever row range a call covers, so computing C in pieces, in any order, on
 * any thread, gives the same bits as one call; and repeated calls give the same bits.
 */
class FloatGemmDeterminismTest {

    private final int threadsBefore = WorkerPool.shared().threads();

    @AfterEach
    void restoreThreads() {
        WorkerPool.shared().setThreads(threadsBefore);
    }

    /** 257 rows (two 128-row blocks and a tail), 35 columns (two panels and a tail), depth 300 (two k slices). */
    @Test
    void rowPiecesGiveTheSameBitsAsOneCall() {
        int m = 257, n = 35, k = 300;
        Rng rng = new Rng(5);
        float[] a = floats(rng, m * k);
        float[] b = floats(rng, k * n);
        FloatGemm.Matrix[] lefts = {new FloatGemm.Matrix(a, 0, k, 1), new FloatGemm.Matrix(a, 0, 1, m)};
        FloatGemm.Matrix right = new FloatGemm.Matrix(b, 0, n, 1);
        for (FloatGemm.Matrix left : lefts) {
            float[] whole = new float[m * n];
            FloatGemm.multiply(left, right, packed(whole, n), 0, m, n, k);
            for (int r : new int[] {1, 3, 4, 5, 64, 127, 128, 129, 200, 256}) {
                float[] pieces = new float[m * n];
                FloatGemm.multiply(left, right, packed(pieces, n), r, m, n, k);
                FloatGemm.multiply(left, right, packed(pieces, n), 0, r, n, k);
                assertArrayEquals(whole, pieces, "rows [0, " + r + ") and [" + r + ", " + m + ")");
            }
            float[] thirds = new float[m * n];
            FloatGemm.multiply(left, right, packed(thirds, n), 90, 173, n, k);
            FloatGemm.multiply(left, right, packed(thirds, n), 173, m, n, k);
            FloatGemm.multiply(left, right, packed(thirds, n), 0, 90, n, k);
            assertArrayEquals(whole, thirds, "rows in three pieces");
            float[] again = new float[m * n];
            FloatGemm.multiply(left, right, packed(again, n), 0, m, n, k);
            assertArrayEquals(whole, again, "a repeated call");
        }
    }

    /** The MLP's first-layer product through the backend: 1 and 2 threads, repeated, and one plain call agree. */
    @Test
    void backendGivesTheSameBitsWithOneAndTwoThreadsAndOnRepeat() {
        int m = 128, n = 256, k = 784;
        Rng rng = new Rng(6);
        float[] a = floats(rng, m * k);
        float[] b = floats(rng, k * n);
        float[] single = new float[m * n];
        FloatGemm.multiply(new FloatGemm.Matrix(a, 0, k, 1), new FloatGemm.Matrix(b, 0, n, 1), packed(single, n), 0, m, n, k);
        SimdBackend simd = new SimdBackend();
        for (int threads : new int[] {1, 2, 2}) {
            WorkerPool.shared().setThreads(threads);
            float[] c = new float[m * n];
            simd.matmul(Strided.contiguous(new Storage.Floats(a), new int[] {m, k}),
                    Strided.contiguous(new Storage.Floats(b), new int[] {k, n}),
                    Strided.contiguous(new Storage.Floats(c), new int[] {m, n}), m, n, k);
            assertArrayEquals(single, c, threads + " threads");
        }
    }

    private static FloatGemm.Matrix packed(float[] c, int n) {
        return new FloatGemm.Matrix(c, 0, n, 1);
    }

    private static float[] floats(Rng rng, int size) {
        float[] data = new float[size];
        for (int i = 0; i < size; i++) {
            data[i] = 2 * rng.nextFloat() - 1;
        }
        return data;
    }
}
