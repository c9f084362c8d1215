package org.jgrad.backend.simd;

import org.jgrad.Rng;
import org.jgrad.backend.AdamStep;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Operands;
import org.jgrad.backend.ReferenceBackend;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;
import org.jgrad.backend.WorkerPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The vectorized float32 Adam update against the reference backend's scalar one, bit for bit:
 * lengths around the vector and the thread chunk, 1 and 2 threads, each of Adam's options, and
 * gradients, values and moments with NaN, infinities, signed zeros and subnormals.
 */
class SimdAdamTest {

    private static final float[] SPECIALS = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
        Float.MIN_VALUE, 1e-40f, -1e-38f, 1e30f, -3e20f};

    private final Backend simd = new SimdBackend();
    private final Backend reference = new ReferenceBackend();
    private final int threadsBefore = WorkerPool.shared().threads();

    @AfterEach
    void restoreThreads() {
        WorkerPool.shared().setThreads(threadsBefore);
    }

    @Test
    void everyOptionAndLengthIsTheReferencesBitForBit() {
        AdamStep[] steps = {
            new AdamStep(0.9, 0.999, 1e-8, 0, 1, 1e-3 / (1 - 0.9), Math.sqrt(1 - 0.999), false),
            new AdamStep(0.8, 0.9, 1e-6, 0.1, 1, 0.05 / (1 - 0.8 * 0.8), Math.sqrt(1 - 0.81), true),
            new AdamStep(0.9, 0.999, 1e-8, 0, 1 - 0.05 * 0.01, 0.05 / (1 - Math.pow(0.9, 7)),
                    Math.sqrt(1 - Math.pow(0.999, 7)), false),
            new AdamStep(0.95, 0.99, 0.3, 0, 0.75, 0.3, 0.7, true),
        };
        for (int threads : new int[] {1, 2}) {
            WorkerPool.shared().setThreads(threads);
            Rng rng = new Rng(50 + threads);
            for (int n : new int[] {1, 3, 7, 8, 9, 17, 257, 16_384, 16_387, 40_000}) {
                for (AdamStep step : steps) {
                    compare(rng, step, n, false, threads + " thread(s), n=" + n + ", " + step);
                    compare(rng, step, n, true, threads + " thread(s), n=" + n + ", specials, " + step);
                }
            }
        }
    }

    private void compare(Rng rng, AdamStep step, int n, boolean specials, String context) {
        int offset = 3;
        float[][] buffers = new float[5][];
        for (int b = 0; b < buffers.length; b++) {
            buffers[b] = new float[n + offset + 2];
            for (int i = 0; i < buffers[b].length; i++) {
                float x = 2 * rng.nextFloat() - 1;
                buffers[b][i] = b >= 2 && b != 4 ? Math.abs(x) : x;   // second moments are not negative
                if (specials && rng.nextInt(5) == 0) {
                    buffers[b][i] = SPECIALS[rng.nextInt(SPECIALS.length)];
                }
            }
        }
        Storage[] expected = new Storage[5];
        Storage[] actual = new Storage[5];
        for (int b = 0; b < 5; b++) {
            expected[b] = new Storage.Floats(buffers[b].clone());
            actual[b] = new Storage.Floats(buffers[b].clone());
        }
        run(reference, step, expected, offset, n);
        run(simd, step, actual, offset, n);
        String[] names = {"value", "grad", "expAvg", "expAvgSq", "maxExpAvgSq"};
        for (int b = 0; b < 5; b++) {
            Operands.assertSameBits(expected[b], actual[b], context + ": " + names[b]);
        }
    }

    private static void run(Backend backend, AdamStep step, Storage[] s, int offset, int n) {
        backend.adam(step, flat(s[0], offset), flat(s[1], offset), flat(s[2], offset), flat(s[3], offset),
                step.amsgrad() ? flat(s[4], offset) : null, n);
    }

    private static Strided flat(Storage storage, int offset) {
        return new Strided(storage, offset, new int[] {1});
    }
}
