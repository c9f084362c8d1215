package org.jgrad.backend.simd;

import static org.jgrad.backend.Operands.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.jgrad.Rng;
import org.jgrad.backend.Backend;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Operands.Type;
import org.jgrad.backend.Operands.View;
import org.jgrad.backend.Operands;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.ReferenceBackend;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;
import org.jgrad.backend.UnaryOp;
import org.junit.jupiter.api.Test;

/**
 * The SIMD backend's {@code where}, {@code reduce}, {@code reduceWithIndex}, {@code gather} and
 * {@code scatterAdd} against the reference backend, and every kernel on zero-sized shapes, with
 * strided, broadcast and transposed operands and special values. Results must be bitwise equal:
 * most of these kernels delegate to the reference, and the float32 reductions keep its order
 * except for sums over packed rows, which are compared here only on values whose sums are exact
 * in any order ({@link SimdReduceTest} bounds the rest). {@code map}, {@code zip}, {@code
 * matmul} and the fused kernels have their own tests.
 */
class SimdBackendTest {

    private final Backend simd = new SimdBackend();
    private final Backend reference = new ReferenceBackend();

    @Test
    void nameSaysSimd() {
        assertTrue(simd.name().startsWith("simd"), simd.name());
    }

    @Test
    void whereMatchesTheReference() {
        float[] maskValues = {0, 1, -0f, Float.NaN, 2, -1, Float.MIN_VALUE};
        for (Type type : Type.values()) {
            Rng rng = new Rng(21 + type.ordinal());
            for (int[] shape : Operands.elementwiseShapes()) {
                List<View> views = Operands.sourceViews(shape);
                for (int v = 0; v < views.size(); v++) {
                    View mv = views.get(v), av = views.get((v + 1) % views.size()), bv = views.get((v + 2) % views.size());
                    float[] mask = new float[mv.storageSize(shape)];
                    for (int i = 0; i < mask.length; i++) {
                        mask[i] = maskValues[rng.nextInt(maskValues.length)];
                    }
                    Strided m = mv.on(new Storage.Floats(mask));
                    Strided a = av.on(Operands.random(type, rng, av.storageSize(shape), true));
                    Strided b = bv.on(Operands.random(type, rng, bv.storageSize(shape), true));
                    for (View to : Operands.destinationViews(shape)) {
                        Storage expected = Operands.sentinel(type, to.storageSize(shape));
                        Storage actual = Operands.copy(expected);
                        reference.where(m, a, b, to.on(expected), shape);
                        simd.where(m, a, b, to.on(actual), shape);
                        assertSameBits(expected, actual, "where " + type + " " + Arrays.toString(shape)
                                + " mask " + mv + ", a " + av + ", b " + bv + " -> " + to);
                    }
                }
            }
        }
    }

    /**
     * Without special values the inputs are multiples of 2⁻²¹ below 4 in magnitude, so every sum
     * here is exact in double whatever the order, and must be the reference's.
     */
    @Test
    void reduceMatchesTheReference() {
        int[][] shapes = {{1}, {7}, {8}, {17}, {257}, {3, 1}, {3, 9}, {3, 16}, {3, 129}, {2, 3, 9}, {4, 5, 17}};
        for (Type type : Type.values()) {
            Rng rng = new Rng(22 + type.ordinal());
            for (int[] shape : shapes) {
                for (int reducedRank = 1; reducedRank <= shape.length; reducedRank++) {
                    int[] kept = Arrays.copyOf(shape, shape.length - reducedRank);
                    for (View from : Operands.sourceViews(shape)) {
                        for (boolean specials : new boolean[] {false, true}) {
                            Strided src = from.on(Operands.random(type, rng, from.storageSize(shape), specials));
                            for (View to : Operands.destinationViews(kept)) {
                                for (ReduceOp op : ReduceOp.values()) {
                                    if (op == ReduceOp.SUM && specials && type == Type.FLOAT32) {
                                        continue;  // special values make float sums order-dependent
                                    }
                                    Storage expected = Operands.sentinel(type, to.storageSize(kept));
                                    Storage actual = Operands.copy(expected);
                                    reference.reduce(op, src, shape, reducedRank, to.on(expected));
                                    simd.reduce(op, src, shape, reducedRank, to.on(actual));
                                    assertSameBits(expected, actual, "reduce " + op + " " + type + " "
                                            + Arrays.toString(shape) + " over " + reducedRank + " dims, " + from + " -> " + to);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Values from a small set, so that ties (the first index wins) and NaN (which wins) occur. */
    @Test
    void reduceWithIndexMatchesTheReference() {
        double[] values = {0, -0.0, 1, -1, 2, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int[][] shapes = {{1}, {9}, {17}, {3, 1}, {3, 16}, {3, 129}, {2, 3, 9}};
        for (Type type : Type.values()) {
            Rng rng = new Rng(23 + type.ordinal());
            for (int[] shape : shapes) {
                int[] kept = Arrays.copyOf(shape, shape.length - 1);
                for (View from : Operands.sourceViews(shape)) {
                    for (int nanOdds : new int[] {0, 10}) {
                        Storage src = Operands.filled(type, from.storageSize(shape), 0);
                        for (int i = 0; i < src.size(); i++) {
                            double v = values[rng.nextInt(values.length)];
                            src.set(i, Double.isNaN(v) && (nanOdds == 0 || rng.nextInt(nanOdds) != 0) ? 3 : v);
                        }
                        for (ReduceOp op : new ReduceOp[] {ReduceOp.MAX, ReduceOp.MIN}) {
                            View to = Operands.destinationViews(kept).getFirst();
                            Storage expected = Operands.sentinel(type, to.storageSize(kept));
                            Storage actual = Operands.copy(expected);
                            Storage expectedIndex = longs(to.storageSize(kept), -7);
                            Storage actualIndex = Operands.copy(expectedIndex);
                            reference.reduceWithIndex(op, from.on(src), shape, to.on(expected), to.on(expectedIndex));
                            simd.reduceWithIndex(op, from.on(src), shape, to.on(actual), to.on(actualIndex));
                            String context = "reduceWithIndex " + op + " " + type + " " + Arrays.toString(shape) + " " + from;
                            assertSameBits(expected, actual, context + " values");
                            assertSameBits(expectedIndex, actualIndex, context + " indices");
                        }
                    }
                }
            }
        }
    }

    @Test
    void gatherMatchesTheReference() {
        for (Type type : Type.values()) {
            Rng rng = new Rng(24 + type.ordinal());
            for (int n : new int[] {1, 3, 16, 17, 129}) {
                int[] srcShape = {4, n};
                for (View from : Operands.sourceViews(srcShape)) {
                    Strided src = from.on(Operands.random(type, rng, from.storageSize(srcShape), true));
                    // along dim 1: 5 picks per row from n; along dim 0: one of 4 rows per column
                    int[][] indexShapes = {{4, 5}, {3, n}};
                    for (int dim = 0; dim < 2; dim++) {
                        int[] indexShape = indexShapes[1 - dim];
                        Strided index = Strided.contiguous(randomIndices(rng, indexShape, srcShape[dim]), indexShape);
                        for (View to : Operands.destinationViews(indexShape)) {
                            Storage expected = Operands.sentinel(type, to.storageSize(indexShape));
                            Storage actual = Operands.copy(expected);
                            reference.gather(src, dim, index, to.on(expected), indexShape);
                            simd.gather(src, dim, index, to.on(actual), indexShape);
                            assertSameBits(expected, actual, "gather " + type + " dim " + dim + " from "
                                    + Arrays.toString(srcShape) + " " + from + " -> " + to);
                        }
                    }
                }
            }
        }
    }

    /** Indices repeat, so several values add into one element and the order of the sums shows. */
    @Test
    void scatterAddMatchesTheReference() {
        for (Type type : Type.values()) {
            Rng rng = new Rng(25 + type.ordinal());
            for (int n : new int[] {1, 3, 16, 17, 129}) {
                int[] dstShape = {4, n};
                int[][] indexShapes = {{9, n}, {4, 2 * n + 1}};
                for (int dim = 0; dim < 2; dim++) {
                    int[] indexShape = indexShapes[dim];
                    Strided index = Strided.contiguous(randomIndices(rng, indexShape, dstShape[dim]), indexShape);
                    for (View from : Operands.sourceViews(indexShape)) {
                        Strided src = from.on(Operands.random(type, rng, from.storageSize(indexShape), dim == 1));
                        for (View to : Operands.destinationViews(dstShape)) {
                            Storage expected = Operands.random(type, rng, to.storageSize(dstShape), false);
                            Storage actual = Operands.copy(expected);
                            reference.scatterAdd(to.on(expected), dim, index, src, indexShape);
                            simd.scatterAdd(to.on(actual), dim, index, src, indexShape);
                            assertSameBits(expected, actual, "scatterAdd " + type + " dim " + dim + " into "
                                    + Arrays.toString(dstShape) + " " + to + " from " + from);
                        }
                    }
                }
            }
        }
    }

    /** A zero in any dimension: no kernel fails, and none writes anything. */
    @Test
    void zeroSizedShapesWriteNothing() {
        int[][] shapes = {{0}, {3, 0}, {0, 5}, {2, 0, 3}, {0, 0}};
        for (Type type : Type.values()) {
            Rng rng = new Rng(26);
            for (int[] shape : shapes) {
                String context = type + " " + Arrays.toString(shape);
                View from = Operands.sourceViews(shape).getFirst();
                Strided a = from.on(Operands.random(type, rng, 64, true));
                Strided b = from.on(Operands.random(type, rng, 64, true));
                for (View to : Operands.destinationViews(shape)) {
                    for (UnaryOp op : UnaryOp.values()) {
                        Storage dst = Operands.sentinel(type, 64);
                        simd.map(op, a, to.on(dst), shape);
                        assertUntouched(dst, "map " + op + " " + context);
                    }
                    for (BinaryOp op : BinaryOp.values()) {
                        Storage dst = Operands.sentinel(type, 64);
                        simd.zip(op, a, b, to.on(dst), shape);
                        assertUntouched(dst, "zip " + op + " " + context);
                    }
                    Storage dst = Operands.sentinel(type, 64);
                    simd.where(a, a, b, to.on(dst), shape);
                    assertUntouched(dst, "where " + context);
                    Storage index = longs(64, 0);
                    simd.gather(a, 0, to.on(index), to.on(dst), shape);
                    assertUntouched(dst, "gather " + context);
                    simd.scatterAdd(to.on(dst), 0, to.on(index), a, shape);
                    assertUntouched(dst, "scatterAdd " + context);
                }
                if (shape[0] == 0 && shape.length > 1) {
                    // no kept element, whether the reduced dimensions are empty or not: nothing is written
                    Storage dst = Operands.sentinel(type, 64);
                    Storage indices = longs(64, -7);
                    for (ReduceOp op : ReduceOp.values()) {
                        simd.reduce(op, a, shape, shape.length - 1, new Strided(dst, 0, new int[] {1}));
                        assertUntouched(dst, "reduce " + op + " " + context);
                    }
                    int[] kept = new int[shape.length - 1];
                    simd.reduceWithIndex(ReduceOp.MAX, a, shape, new Strided(dst, 0, kept), new Strided(indices, 0, kept));
                    assertUntouched(dst, "reduceWithIndex " + context);
                    assertSameBits(longs(64, -7), indices, "reduceWithIndex indices " + context);
                }
            }
        }
    }

    /** Reducing an empty trailing dimension writes the identity (and index 0), as the reference does. */
    @Test
    void reducingAnEmptyDimensionMatchesTheReference() {
        for (Type type : Type.values()) {
            for (int[] shape : new int[][] {{0}, {3, 0}}) {
                int[] kept = Arrays.copyOf(shape, shape.length - 1);
                Strided src = new Strided(Operands.random(type, new Rng(27), 8, false), 0, new int[shape.length]);
                Strided to = new Strided(Operands.sentinel(type, 5), 1, Arrays.copyOf(new int[] {1}, kept.length));
                for (ReduceOp op : ReduceOp.values()) {
                    Storage expected = Operands.copy(to.storage());
                    Storage actual = Operands.copy(to.storage());
                    reference.reduce(op, src, shape, 1, new Strided(expected, 1, to.strides()));
                    simd.reduce(op, src, shape, 1, new Strided(actual, 1, to.strides()));
                    String context = op + " " + type + " over an empty dimension of " + Arrays.toString(shape);
                    assertSameBits(expected, actual, "reduce " + context);
                    if (op == ReduceOp.SUM) {
                        continue;
                    }
                    Storage expectedIndex = longs(5, -7);
                    Storage actualIndex = longs(5, -7);
                    reference.reduceWithIndex(op, src, shape, new Strided(expected, 1, to.strides()),
                            new Strided(expectedIndex, 1, to.strides()));
                    simd.reduceWithIndex(op, src, shape, new Strided(actual, 1, to.strides()),
                            new Strided(actualIndex, 1, to.strides()));
                    assertSameBits(expected, actual, "reduceWithIndex " + context);
                    assertSameBits(expectedIndex, actualIndex, "reduceWithIndex indices " + context);
                }
            }
        }
    }

    private static void assertUntouched(Storage dst, String context) {
        assertSameBits(Operands.sentinel(Operands.typeOf(dst), dst.size()), dst, context);
    }

    private static Storage longs(int size, long value) {
        long[] data = new long[size];
        Arrays.fill(data, value);
        return new Storage.Longs(data);
    }

    private static Storage randomIndices(Rng rng, int[] shape, int bound) {
        long[] data = new long[Arrays.stream(shape).reduce(1, Math::multiplyExact)];
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextInt(bound);
        }
        return new Storage.Longs(data);
    }
}
