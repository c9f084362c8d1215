package org.jgrad.backend.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.jgrad.Rng;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatGemm} gives, bit for bit, the scalar model of its arithmetic: each element of C is
 * a chain of fused multiply-adds over p in order, restarted at every 256-deep slice of k and
 * added to the previous slices' total ({@code slice + C}), then the bias added and ReLU applied.
 * Nothing in the model depends on the vector width, so the same bits follow with 256- and
 * 512-bit vectors; the build runs this test with both ({@code -Djgrad.simd.bits=256} in a second
 * Surefire execution), which is what makes results the same on AVX2 and AVX-512 machines.
 */
class FloatGemmExactTest {

    private static final int KC = 256;

    @Test
    void productsAreTheScalarFmaChainBitForBit() {
        Rng rng = new Rng(90);
        for (int[] mnk : new int[][] {{1, 1, 1}, {3, 10, 7}, {17, 33, 255}, {9, 31, 256}, {13, 47, 257},
            {128, 10, 128}, {7, 64, 600}, {5, 16, 513}, {40, 16, 300}, {37, 1, 513}, {33, 17, 20}}) {
            int m = mnk[0], n = mnk[1], k = mnk[2];
            float[] a = floats(rng, m * k);
            float[] b = floats(rng, k * n);
            float[] bias = floats(rng, n);
            for (boolean relu : new boolean[] {false, true}) {
                float[] c = new float[m * n];
                FloatGemm.multiply(new FloatGemm.Matrix(a, 0, k, 1), new FloatGemm.Matrix(b, 0, n, 1),
                        new FloatGemm.Matrix(c, 0, n, 1), 0, m, n, k, new FloatGemm.Epilogue(bias, 0, relu));
                assertArrayEquals(model(a, b, bias, relu, m, n, k), c,
                        m + "x" + n + "x" + k + (relu ? " relu" : "") + " with " + FloatGemm.SPECIES);
            }
        }
    }

    /**
     * A transposed B (a dense layer's {@code Wᵀ}, packed by 16×16 register transposes and
     * gathers) and a narrow C (16-row tiles) give the same chains.
     */
    @Test
    void transposedOperandsGiveTheSameChains() {
        Rng rng = new Rng(91);
        for (int[] mnk : new int[][] {{128, 10, 128}, {40, 16, 300}, {3, 10, 7}, {50, 40, 260},
            {9, 96, 531}, {20, 64, 15}}) {
            int m = mnk[0], n = mnk[1], k = mnk[2];
            float[] a = floats(rng, m * k);
            float[] weight = floats(rng, n * k);
            float[] b = new float[k * n];
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    b[p * n + j] = weight[j * k + p];
                }
            }
            float[] bias = floats(rng, n);
            float[] c = new float[m * n];
            FloatGemm.multiply(new FloatGemm.Matrix(a, 0, k, 1), new FloatGemm.Matrix(weight, 0, 1, k),
                    new FloatGemm.Matrix(c, 0, n, 1), 0, m, n, k, new FloatGemm.Epilogue(bias, 0, true));
            assertArrayEquals(model(a, b, bias, true, m, n, k), c, m + "x" + n + "x" + k + " with Wᵀ, " + FloatGemm.SPECIES);
        }
    }

    private static float[] model(float[] a, float[] b, float[] bias, boolean relu, int m, int n, int k) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float total = 0;
                for (int p0 = 0; p0 < k; p0 += KC) {
                    float slice = 0;
                    for (int p = p0; p < Math.min(k, p0 + KC); p++) {
                        slice = Math.fma(a[i * k + p], b[p * n + j], slice);
                    }
                    total = p0 == 0 ? slice : slice + total;
                }
                float v = total + bias[j];
                c[i * n + j] = relu ? Math.max(v, 0f) : v;
            }
        }
        return c;
    }

    private static float[] floats(Rng rng, int size) {
        float[] data = new float[size];
        for (int i = 0; i < size; i++) {
            data[i] = 2 * rng.nextFloat() - 1;
        }
        return data;
    }
}
