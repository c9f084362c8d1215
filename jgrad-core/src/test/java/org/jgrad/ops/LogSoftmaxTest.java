package org.jgrad.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The fused log-softmax on the values where its composition {@code x − logSumExp(x)} is
 * delicate: infinities, NaN, huge and tiny logits, a scalar and an empty line. It must give the
 * composition's NaN and infinities, and elsewhere the exact value to the last bits: in float32
 * within 2 ulps where the composition, which rounds its log-sum-exp to float, can be off by the
 * ulp of the logits (6e-5 near 1000).
 */
class LogSoftmaxTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void specialValuesGiveWhatTheCompositionGives() {
        double[][] rows = {
            {-INF, -INF, -INF},     // all masked: NaN, as 0/0
            {INF, 0, 1},            // +∞ dominates: NaN there, −∞ elsewhere
            {Double.NaN, 0, 1},     // NaN spreads
            {-INF, 0, 1},           // a masked entry: −∞, the rest finite
            {1e30, -1e30, 0},       // no overflow, no underflow to NaN
            {1000, 1001, 1002},
        };
        for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            for (double[] row : rows) {
                Tensor x = Tensor.of(row, 1, row.length).to(dtype);
                double[] fused = x.logSoftmax(1).toDoubleArray();
                double[] composed = x.sub(x.logSumExp(1, true)).toDoubleArray();
                double[] exact = ReductionSpecs.logSoftmax(x.toDoubleArray());
                for (int i = 0; i < row.length; i++) {
                    String where = dtype + " " + java.util.Arrays.toString(row) + " at " + i;
                    if (Double.isNaN(composed[i]) || Double.isInfinite(composed[i])) {
                        assertEquals(composed[i], fused[i], where);
                    } else {
                        double ulp = dtype == DType.FLOAT32 ? Math.ulp((float) exact[i]) : Math.ulp(exact[i]);
                        assertEquals(exact[i], fused[i], 2 * ulp, where);
                    }
                }
            }
        }
    }

    @Test
    void agreesWithTheCompositionAlongEitherDimension() {
        Tensor x = Tensor.randn(new Rng(80), 6, 11).mul(5);
        for (int dim : new int[] {0, 1}) {
            assertArrayEquals(x.sub(x.logSumExp(dim, true)).toDoubleArray(), x.logSoftmax(dim).toDoubleArray(), 2e-6);
            Tensor t = x.t();
            assertArrayEquals(t.sub(t.logSumExp(dim, true)).toDoubleArray(), t.logSoftmax(dim).toDoubleArray(), 2e-6);
        }
    }

    @Test
    void aScalarIsZeroAndAnEmptyLineIsEmpty() {
        assertEquals(0.0, Tensor.scalar(3.5).logSoftmax(0).item());
        assertArrayEquals(new int[] {4, 0}, Tensor.zeros(4, 0).logSoftmax(1).shape());
        assertArrayEquals(new int[] {0, 3}, Tensor.zeros(0, 3).logSoftmax(1).shape());
    }
}
