package org.jgrad.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Forward values of the ops without a gradient (comparisons, argmax/argmin) and of where with
 * broadcasting, against the same plain-loop references as the op-spec table. Inputs are drawn
 * from a few small integers so that ties and equal elements are common.
 */
class NonDifferentiableOpsTest {

    private record Comparison(String name, BiFunction<Tensor, Tensor, Tensor> op,
                              BiFunction<Tensor, Double, Tensor> scalarOp, DoubleBinaryOperator reference) {
    }

    private static final List<Comparison> COMPARISONS = List.of(
            new Comparison("eq", Tensor::eq, Tensor::eq, (a, b) -> a == b ? 1 : 0),
            new Comparison("ne", Tensor::ne, Tensor::ne, (a, b) -> a != b ? 1 : 0),
            new Comparison("lt", Tensor::lt, Tensor::lt, (a, b) -> a < b ? 1 : 0),
            new Comparison("le", Tensor::le, Tensor::le, (a, b) -> a <= b ? 1 : 0),
            new Comparison("gt", Tensor::gt, Tensor::gt, (a, b) -> a > b ? 1 : 0),
            new Comparison("ge", Tensor::ge, Tensor::ge, (a, b) -> a >= b ? 1 : 0));

    private static final int[][][] SHAPE_PAIRS = {
        {{}, {}}, {{4}, {4}}, {{2, 3}, {2, 3}}, {{3, 1}, {4}}, {{}, {2, 3}}, {{2, 1, 3}, {4, 1}}, {{1, 3}, {2, 1}}};

    /** Small integers in {@code [-2, 2]} as {@code dtype}, so that ties are frequent. */
    private static Tensor smallIntegers(Rng rng, DType dtype, int... shape) {
        Tensor uniform = Tensor.rand(rng, DType.FLOAT64, shape);
        double[] values = uniform.toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.floor(values[i] * 5) - 2;
        }
        Tensor t = Tensor.of(values).reshape(shape);
        return t.to(dtype);
    }

    @TestFactory
    Stream<DynamicTest> comparisonsBroadcastAndReturnMasksOfTheOperandType() {
        return COMPARISONS.stream().flatMap(c -> Stream.of(DType.FLOAT64, DType.FLOAT32).flatMap(dtype ->
                Stream.of(SHAPE_PAIRS).map(pair -> DynamicTest.dynamicTest(
                        c.name() + " " + dtype + " " + Arrays.toString(pair[0]) + " vs "
                                + Arrays.toString(pair[1]), () -> {
                            Rng rng = new Rng(pair[0].length * 10L + pair[1].length);
                            Tensor a = smallIntegers(rng, dtype, pair[0]);
                            Tensor b = smallIntegers(rng, dtype, pair[1]);
                            Tensor actual = c.op().apply(a, b);
                            Nd expected = Nd.zip(Nd.of(a), Nd.of(b), c.reference());
                            assertEquals(dtype, actual.dtype());
                            assertArrayEquals(expected.shape(), actual.shape());
                            assertArrayEquals(expected.data(), actual.toDoubleArray());
                            assertFalse(actual.isRequiresGrad());
                        }))));
    }

    @TestFactory
    Stream<DynamicTest> comparisonsWithAScalarAndOnViews() {
        return COMPARISONS.stream().map(c -> DynamicTest.dynamicTest(c.name() + "(double) on a transposed view",
                () -> {
                    Tensor x = smallIntegers(new Rng(7), DType.FLOAT64, 3, 4).t();
                    Tensor actual = c.scalarOp().apply(x, 0.0);
                    Nd expected = Nd.of(x).map(v -> c.reference().applyAsDouble(v, 0.0));
                    assertArrayEquals(new int[] {4, 3}, actual.shape());
                    assertArrayEquals(expected.data(), actual.toDoubleArray());
                }));
    }

    @Test
    void comparisonsOfNaN() {
        Tensor nan = Tensor.of(new double[] {Double.NaN, 1});
        Tensor one = Tensor.of(new double[] {Double.NaN, 1});
        assertArrayEquals(new double[] {0, 1}, nan.eq(one).toDoubleArray());
        assertArrayEquals(new double[] {1, 0}, nan.ne(one).toDoubleArray());
        assertArrayEquals(new double[] {0, 0}, nan.lt(one).toDoubleArray());
        assertArrayEquals(new double[] {0, 1}, nan.ge(one).toDoubleArray());
    }

    @Test
    void comparisonsDoNotRecordAGraph() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad();
        Tensor mask = x.gt(1.5);
        assertFalse(mask.isRequiresGrad());
        assertNull(mask.gradFn());
    }

    @Test
    void argmaxAndArgminTakeTheFirstOccurrenceOfTies() {
        Tensor x = Tensor.of(new double[] {1, 3, 3, 0, 4, 4, 4, 0, -1, -1, 2, -1}, 3, 4);
        assertEquals(DType.INT64, x.argmax().dtype());
        assertArrayEquals(new int[0], x.argmax().shape());
        assertEquals(4, x.argmax().item());
        assertEquals(8, x.argmin().item());
        assertArrayEquals(new long[] {1, 0, 2}, x.argmax(1, false).toLongArray());
        assertArrayEquals(new long[] {3, 3, 0}, x.argmin(1, false).toLongArray());
        assertArrayEquals(new long[] {1, 1, 1, 0}, x.argmax(0, false).toLongArray());
        assertArrayEquals(new long[] {2, 2, 2, 2}, x.argmin(0, false).toLongArray());
        assertArrayEquals(new int[] {3, 1}, x.argmax(-1, true).shape());
        assertArrayEquals(new int[] {1, 4}, x.argmin(0, true).shape());
    }

    @TestFactory
    Stream<DynamicTest> argmaxAndArgminMatchAReferenceOnViews() {
        Tensor base = smallIntegers(new Rng(11), DType.FLOAT32, 4, 7);
        List<Tensor> inputs = List.of(base, base.t(), base.slice(1, 1, 7, 2), base.slice(0, 1, 2).expand(3, 7));
        return inputs.stream().flatMap(x -> Stream.of(0, 1, -1).map(dim -> DynamicTest.dynamicTest(
                Arrays.toString(x.shape()) + " strides " + Arrays.toString(x.strides())
                        + " dim " + dim, () -> {
                    Nd nd = Nd.of(x);
                    assertArrayEquals(firstIndex(nd, dim, true), x.argmax(dim, false).toDoubleArray());
                    assertArrayEquals(firstIndex(nd, dim, false), x.argmin(dim, false).toDoubleArray());
                    assertEquals(firstIndex(nd.reshape(-1), 0, true)[0], x.argmax().item());
                    assertEquals(firstIndex(nd.reshape(-1), 0, false)[0], x.argmin().item());
                })));
    }

    /** The index of the first largest (or smallest) element of every line along {@code dim}. */
    private static double[] firstIndex(Nd x, int dim, boolean largest) {
        return x.reduce(new int[] {dim}, false, line -> {
            int best = 0;
            for (int i = 1; i < line.length; i++) {
                if (largest ? line[i] > line[best] : line[i] < line[best]) {
                    best = i;
                }
            }
            return best;
        }).data();
    }

    @Test
    void whereBroadcastsMaskAndBothBranches() {
        Rng rng = new Rng(3);
        int[][][] shapes = {
            {{3, 1}, {4}, {}}, {{}, {2, 3}, {2, 3}}, {{2, 1, 4}, {3, 1}, {1, 4}}, {{4}, {3, 1}, {1, 1}}};
        for (int[][] s : shapes) {
            Tensor mask = smallIntegers(rng, DType.FLOAT32, s[0]);
            Tensor a = Tensor.randn(rng, DType.FLOAT64, s[1]);
            Tensor b = Tensor.randn(rng, DType.FLOAT32, s[2]);
            Tensor actual = Tensor.where(mask, a, b);
            Nd expected = Nd.where(Nd.of(mask), Nd.of(a), Nd.of(b));
            assertEquals(DType.FLOAT64, actual.dtype(), "float64 and float32 branches promote");
            assertArrayEquals(expected.shape(), actual.shape());
            assertArrayEquals(expected.data(), actual.toDoubleArray());
        }
    }

    @Test
    void whereReadsAnyNonZeroMaskValueAsTrue() {
        Tensor mask = Tensor.of(new double[] {-2, 0, 0.5, Double.NaN, -0.0});
        Tensor a = Tensor.of(new double[] {1, 1, 1, 1, 1});
        Tensor b = Tensor.of(new double[] {2, 2, 2, 2, 2});
        assertArrayEquals(new double[] {1, 2, 1, 1, 2}, Tensor.where(mask, a, b).toDoubleArray());
        Tensor longMask = Tensor.of(new long[] {0, 3, 0, -1, 1});
        assertArrayEquals(new double[] {2, 1, 2, 1, 1}, Tensor.where(longMask, a, b).toDoubleArray());
    }
}
