package org.jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code toString} prints the values exactly as PyTorch 2.x does ({@code torch/_tensor_str.py}:
 * precision 4, threshold 1000, edge items 3, line width 80), followed by shape, dtype and
 * gradient tracking.
 */
class TensorFormatTest {

    @Test
    void wholeNumberMatrix() {
        assertEquals("tensor([[1., 2., 3.],\n        [4., 5., 6.]], shape=[2, 3], dtype=float32)",
                Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).toString());
    }

    @Test
    void fourDecimalsWithNegativeNumbersAligned() {
        assertEquals("tensor([[ 1.5000, -2.2500],\n        [ 3.1250,  4.0000]], shape=[2, 2], dtype=float32)",
                Tensor.of(new float[] {1.5f, -2.25f, 3.125f, 4}, 2, 2).toString());
        assertEquals("tensor([0.3333, 0.6667], shape=[2], dtype=float64)",
                Tensor.of(new double[] {1.0 / 3, 2.0 / 3}).toString());
    }

    @Test
    void scientificNotationWhenMagnitudesSpanMoreThanAThousand() {
        assertEquals("tensor([1.0000e-03, 1.0000e+01], shape=[2], dtype=float32)",
                Tensor.of(new float[] {0.001f, 10}).toString());
        assertEquals("tensor([-1.0000e-05,  2.5000e+00], shape=[2], dtype=float32)",
                Tensor.of(new float[] {-1e-5f, 2.5f}).toString());
    }

    @Test
    void scientificNotationForWholeNumbersThatSpanMoreThanAThousand() {
        assertEquals("tensor([1.0000e+00, 1.0000e+04], shape=[2], dtype=float32)",
                Tensor.of(new float[] {1, 10000}).toString());
        assertEquals("tensor([   1., 1000.], shape=[2], dtype=float32)",
                Tensor.of(new float[] {1, 1000}).toString());
        assertEquals("tensor([100000000.], shape=[1], dtype=float64)",
                Tensor.of(new double[] {1e8}).toString());
        assertEquals("tensor([1.0000e+09], shape=[1], dtype=float64)",
                Tensor.of(new double[] {1e9}).toString());
    }

    @Test
    void int64() {
        assertEquals("tensor([0, 1, 2, 3, 4], shape=[5], dtype=int64)", Tensor.arange(5).toString());
        assertEquals("tensor([-10,   2,   0], shape=[3], dtype=int64)",
                Tensor.of(new long[] {-10, 2, 0}).toString());
    }

    @Test
    void threeDimensionsAreSeparatedByBlankLines() {
        assertEquals("tensor([[[0, 1],\n         [2, 3]],\n\n        [[4, 5],\n         [6, 7]]], shape=[2, 2, 2], dtype=int64)",
                Tensor.arange(8).reshape(2, 2, 2).toString());
    }

    @Test
    void scalars() {
        assertEquals("tensor(2.5000, shape=[], dtype=float32)", Tensor.scalar(2.5).toString());
        assertEquals("tensor(3., shape=[], dtype=float32)", Tensor.scalar(3).toString());
        assertEquals("tensor(7, shape=[], dtype=int64)", Tensor.scalar(7, DType.INT64).toString());
        assertEquals("tensor(0., shape=[], dtype=float64)", Tensor.scalar(0, DType.FLOAT64).toString());
    }

    @Test
    void longVectorsWrapAtEightyColumns() {
        assertEquals("tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n"
                        + "        14., 15., 16., 17., 18., 19.], shape=[20], dtype=float32)",
                Tensor.arange(0, 20, 1).toString());
    }

    @Test
    void moreThanAThousandElementsAreElided() {
        assertEquals("tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n"
                        + "        1.9990e+03], shape=[2000], dtype=float32)",
                Tensor.arange(0, 2000, 1).toString());
        assertEquals("tensor([   0,    1,    2,  ..., 1997, 1998, 1999], shape=[2000], dtype=int64)",
                Tensor.arange(2000).toString());
    }

    @Test
    void elidedMatrixShowsThreeRowsAndColumnsAtEachEdge() {
        assertEquals("tensor([[   0,    1,    2,  ...,   47,   48,   49],\n"
                        + "        [  50,   51,   52,  ...,   97,   98,   99],\n"
                        + "        [ 100,  101,  102,  ...,  147,  148,  149],\n"
                        + "        ...,\n"
                        + "        [1850, 1851, 1852,  ..., 1897, 1898, 1899],\n"
                        + "        [1900, 1901, 1902,  ..., 1947, 1948, 1949],\n"
                        + "        [1950, 1951, 1952,  ..., 1997, 1998, 1999]], shape=[40, 50], dtype=int64)",
                Tensor.arange(2000).reshape(40, 50).toString());
    }

    @Test
    void elidedValuesDoNotChooseTheFormat() {
        float[] values = new float[2000];
        Arrays.fill(values, 0.5f);
        System.arraycopy(new float[] {1, 2, 3}, 0, values, 0, 3);
        System.arraycopy(new float[] {4, 5, -6}, 0, values, 1997, 3);
        assertEquals("tensor([ 1.,  2.,  3.,  ...,  4.,  5., -6.], shape=[2000], dtype=float32)",
                Tensor.of(values).toString());
    }

    @Test
    void leavesThatRequireGradSaySo() {
        assertEquals("tensor([1., 2.], shape=[2], dtype=float32, requiresGrad=true)",
                Tensor.of(new float[] {1, 2}).requiresGrad().toString());
    }

    @Test
    void resultsNameTheirGradFn() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad();
        assertEquals("tensor([1., 4.], shape=[2], dtype=float32, gradFn=Mul)", x.mul(x).toString());
    }

    @Test
    void nanAndInfinity() {
        float nan = Float.NaN;
        float inf = Float.POSITIVE_INFINITY;
        assertEquals("tensor([1., nan, inf, -inf], shape=[4], dtype=float32)",
                Tensor.of(new float[] {1, nan, inf, -inf}).toString());
        assertEquals("tensor([1.5000,    nan], shape=[2], dtype=float32)",
                Tensor.of(new float[] {1.5f, nan}).toString());
        assertEquals("tensor([nan, nan], shape=[2], dtype=float32)",
                Tensor.of(new float[] {nan, nan}).toString());
    }

    @Test
    void zerosAndEmptyTensors() {
        assertEquals("tensor([0., 0.], shape=[2], dtype=float32)", Tensor.zeros(2).toString());
        assertEquals("tensor([], shape=[0], dtype=float32)", Tensor.zeros(0).toString());
        assertEquals("tensor([], shape=[2, 0], dtype=float32)", Tensor.zeros(2, 0).toString());
    }

    @Test
    void viewsPrintTheirOwnElements() {
        assertEquals("tensor([[0, 3],\n        [1, 4],\n        [2, 5]], shape=[3, 2], dtype=int64)",
                Tensor.arange(6).reshape(2, 3).t().toString());
    }

    @Test
    void roundsHalfToEvenOnTheExactBinaryValueAsPythonDoes() {
        // 0.03125 and 99999.5 are exact in binary, so they are true ties: Python rounds them to even.
        assertEquals("tensor([0.0312, 0.5000], shape=[2], dtype=float64)",
                Tensor.of(new double[] {0.03125, 0.5}).toString());
        assertEquals("tensor([1.0000e+05, 5.0000e-01], shape=[2], dtype=float64)",
                Tensor.of(new double[] {99999.5, 0.5}).toString());
        // 1.00005e-4 is slightly below that decimal in binary, so it rounds down although it looks like a tie.
        assertEquals("tensor([1.0000e-04, 5.0000e-01], shape=[2], dtype=float64)",
                Tensor.of(new double[] {0.00010000499999999999, 0.5}).toString());
        assertEquals("tensor([-0.0000, 0.5000], shape=[2], dtype=float64)",
                Tensor.of(new double[] {-0.0, 0.5}).toString());
    }
}
