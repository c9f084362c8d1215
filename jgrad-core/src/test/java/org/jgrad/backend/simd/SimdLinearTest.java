package org.jgrad.backend.simd;

import org.jgrad.Rng;
import org.jgrad.backend.Backend;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Operands;
import org.jgrad.backend.Operands.Type;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;
import org.jgrad.backend.UnaryOp;
import org.junit.jupiter.api.Test;

/**
 * The fused {@code linear} kernel (bias and ReLU applied as {@link FloatGemm} stores C) against
 * the same backend's product, bias add and ReLU run one after the other: bit for bit, on sizes
 * either side of the tiles and of a k slice (so that the epilogue meets accumulation), with C
 * packed, padded and column-strided (the scratch path), NaN and infinities in A and the bias,
 * and the cases that are not fused (a strided bias, an activation other than ReLU, k = 0).
 */
class SimdLinearTest {

    private static final int[] SIZES = {1, 3, 10, 15, 16, 17, 127, 129};

    private final Backend simd = new SimdBackend();

    @Test
    void fusedEqualsProductThenBiasThenActivation() {
        Rng rng = new Rng(41);
        for (int m : SIZES) {
            for (int n : SIZES) {
                for (int k : new int[] {1, 17, 257, 300}) {
                    for (UnaryOp act : new UnaryOp[] {UnaryOp.IDENTITY, UnaryOp.RELU}) {
                        check(rng, m, n, k, act, true, new int[] {n, 1}, 0, 1);
                    }
                }
            }
        }
    }

    @Test
    void everyLayoutOfCAndBias() {
        Rng rng = new Rng(42);
        int m = 9;
        int n = 19;
        int[][] cLayouts = {{n, 1}, {n + 5, 1}, {1, m + 2}, {2 * n + 1, 2}};
        for (int[] cs : cLayouts) {
            for (int biasStride : new int[] {1, 2, 0}) {
                for (boolean bias : new boolean[] {true, false}) {
                    check(rng, m, n, 270, UnaryOp.RELU, bias, cs, 3, biasStride);
                }
            }
        }
    }

    @Test
    void otherActivationsAndEmptyDepthAreComposed() {
        Rng rng = new Rng(43);
        for (UnaryOp act : new UnaryOp[] {UnaryOp.TANH, UnaryOp.SIGMOID, UnaryOp.NEG}) {
            check(rng, 5, 11, 7, act, true, new int[] {11, 1}, 0, 1);
        }
        check(rng, 5, 11, 0, UnaryOp.RELU, true, new int[] {11, 1}, 0, 1);
    }

    @Test
    void nanAndInfinityPassThroughTheEpilogue() {
        Rng rng = new Rng(44);
        int m = 6, n = 21, k = 260;
        float[] a = floats(rng, m * k);
        float[] bias = floats(rng, n);
        a[k + 3] = Float.NaN;
        a[2 * k + 5] = Float.POSITIVE_INFINITY;
        a[3 * k + 7] = Float.NEGATIVE_INFINITY;
        bias[4] = Float.NaN;
        bias[17] = Float.NEGATIVE_INFINITY;
        for (UnaryOp act : new UnaryOp[] {UnaryOp.IDENTITY, UnaryOp.RELU}) {
            run(a, floats(rng, k * n), bias, m, n, k, act, new int[] {n, 1}, 0, 1, "specials " + act);
        }
    }

    private void check(Rng rng, int m, int n, int k, UnaryOp act, boolean withBias, int[] cStrides, int cOffset,
                       int biasStride) {
        float[] bias = withBias ? floats(rng, Math.max(1, n * Math.max(1, biasStride))) : null;
        run(floats(rng, m * k), floats(rng, k * n), bias, m, n, k, act, cStrides, cOffset, biasStride,
                m + "x" + n + "x" + k + " " + act + (withBias ? " bias stride " + biasStride : " no bias")
                        + " C strides " + cStrides[0] + "," + cStrides[1]);
    }

    private void run(float[] a, float[] b, float[] bias, int m, int n, int k, UnaryOp act, int[] cStrides,
                     int cOffset, int biasStride, String context) {
        Strided sa = Strided.contiguous(new Storage.Floats(a), new int[] {m, k});
        Strided sb = Strided.contiguous(new Storage.Floats(b), new int[] {k, n});
        Strided sbias = bias == null ? null : new Strided(new Storage.Floats(bias), 0, new int[] {0, biasStride});
        int size = cOffset + (m - 1) * cStrides[0] + (n - 1) * cStrides[1] + 2;
        Storage expected = Operands.sentinel(Type.FLOAT32, size);
        Storage actual = Operands.copy(expected);
        Strided ce = new Strided(expected, cOffset, cStrides);
        simd.matmul(sa, sb, ce, m, n, k);
        if (sbias != null) {
            simd.zip(BinaryOp.ADD, ce, sbias, ce, new int[] {m, n});
        }
        if (act != UnaryOp.IDENTITY) {
            simd.map(act, ce, ce, new int[] {m, n});
        }
        simd.linear(sa, sb, sbias, new Strided(actual, cOffset, cStrides), m, n, k, act);
        Operands.assertSameBits(expected, actual, context);
    }

    private static float[] floats(Rng rng, int size) {
        float[] data = new float[size];
        for (int i = 0; i < size; i++) {
            data[i] = 2 * rng.nextFloat() - 1;
        }
        return data;
    }
}
