package org.jgrad.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.DType;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Mixed float32/float64 arithmetic: the result is promoted to float64, and each input's
 * gradient comes back in that input's own dtype. {@code GradCheck} runs everything in float64,
 * so the op-spec table cannot see this.
 */
class PromotionTest {

    @Test
    void float32WithFloat64PromotesAndGradientsKeepTheirInputsDtype() {
        Tensor a = Tensor.of(new float[] {1.5f, -2f, 0.25f}).requiresGrad();
        Tensor b = Tensor.of(new double[] {0.1, 0.2, 0.3}).requiresGrad();
        Tensor y = a.mul(b).add(a.div(b)).sum();
        assertEquals(DType.FLOAT64, y.dtype());
        y.backward();
        assertEquals(DType.FLOAT32, a.grad().dtype());
        assertEquals(DType.FLOAT64, b.grad().dtype());
        double[] expectedA = new double[3];
        double[] expectedB = new double[3];
        double[] av = {1.5, -2, 0.25};
        double[] bv = {0.1, 0.2, 0.3};
        for (int i = 0; i < 3; i++) {
            expectedA[i] = bv[i] + 1 / bv[i];
            expectedB[i] = av[i] - av[i] / (bv[i] * bv[i]);
        }
        // Each path's gradient is rounded to float32 before they are added, as PyTorch does.
        assertArrayEquals(expectedA, a.grad().toDoubleArray(), 1e-6);
        assertArrayEquals(expectedB, b.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void broadcastGradientsArriveInTheInputsShapeAndDtype() {
        Tensor row = Tensor.of(new float[] {1, 2, 3}).requiresGrad();
        Tensor column = Tensor.of(new double[] {1, 10}, 2, 1).requiresGrad();
        row.matmul(Tensor.ones(DType.FLOAT64, 3, 2)).add(column.sum()).sum().backward();
        assertArrayEquals(new int[] {3}, row.grad().shape());
        assertEquals(DType.FLOAT32, row.grad().dtype());
        assertArrayEquals(new double[] {2, 2, 2}, row.grad().toDoubleArray());
        assertArrayEquals(new int[] {2, 1}, column.grad().shape());
        assertArrayEquals(new double[] {2, 2}, column.grad().toDoubleArray());
    }

    @Test
    void integersDivideAsFloats() {
        Tensor q = Tensor.of(new long[] {1, 2}).div(Tensor.of(new long[] {2, 4}));
        assertEquals(DType.FLOAT32, q.dtype());
        assertArrayEquals(new double[] {0.5, 0.5}, q.toDoubleArray());
        assertEquals(DType.INT64, Tensor.of(new long[] {1, 2}).add(Tensor.of(new long[] {3, 4})).dtype());
        assertEquals(DType.FLOAT64, Tensor.of(new long[] {1}).add(Tensor.of(new double[] {0.5})).dtype());
    }
}
