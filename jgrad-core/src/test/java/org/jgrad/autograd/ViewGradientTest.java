package org.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** Gradients flow through views to their base, and broadcast gradients are summed back to each input's shape. */
class ViewGradientTest {

    @Test
    void transposeThenSliceSendsOnesToTheSelectedColumns() {
        Tensor x = Tensor.zeros(3, 4).requiresGrad();
        x.transpose(0, 1).slice(0, 0, 2).sum().backward();
        assertArrayEquals(new int[] {3, 4}, x.grad().shape());
        assertArrayEquals(new float[] {1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0}, x.grad().toFloatArray());
    }

    @Test
    void steppedSliceAndSelect() {
        Tensor x = Tensor.zeros(10).requiresGrad();
        x.slice(0, 1, 10, 3).sum().backward();
        assertArrayEquals(new float[] {0, 1, 0, 0, 1, 0, 0, 1, 0, 0}, x.grad().toFloatArray());

        Tensor m = Tensor.zeros(2, 3).requiresGrad();
        m.select(1, -1).mul(Tensor.of(new float[] {5, 7})).sum().backward();
        assertArrayEquals(new float[] {0, 0, 5, 0, 0, 7}, m.grad().toFloatArray());

        Tensor n = Tensor.zeros(2, 4).requiresGrad();
        n.narrow(1, 1, 2).sum().backward();
        assertArrayEquals(new float[] {0, 1, 1, 0, 0, 1, 1, 0}, n.grad().toFloatArray());
    }

    @Test
    void expandGradientsAreSummedBack() {
        Tensor column = Tensor.of(new float[] {1, 2, 3}, 3, 1).requiresGrad();
        Tensor weights = Tensor.arange(0, 12, 1).reshape(3, 4);
        column.expand(3, 4).mul(weights).sum().backward();
        assertArrayEquals(new int[] {3, 1}, column.grad().shape());
        assertArrayEquals(new float[] {0 + 1 + 2 + 3, 4 + 5 + 6 + 7, 8 + 9 + 10 + 11}, column.grad().toFloatArray());

        Tensor row = Tensor.of(new float[] {1, 2}).requiresGrad();
        row.expand(3, 2).sum().backward();
        assertArrayEquals(new float[] {3, 3}, row.grad().toFloatArray());
    }

    @Test
    void reshapeAndPermuteGradientsArePermutedBack() {
        Tensor x = Tensor.zeros(2, 3).requiresGrad();
        Tensor weights = Tensor.arange(0, 6, 1).reshape(3, 2);
        x.reshape(3, 2).mul(weights).sum().backward();
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, x.grad().toFloatArray());

        Tensor y = Tensor.zeros(2, 3, 4).requiresGrad();
        Tensor w = Tensor.arange(0, 24, 1).reshape(4, 2, 3);
        y.permute(2, 0, 1).mul(w).sum().backward();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 4; c++) {
                    assertEquals(w.get(c, a, b), y.grad().get(a, b, c));
                }
            }
        }
    }

    @Test
    void viewOfATransposeWithAReshapeCopy() {
        Tensor x = Tensor.zeros(2, 3).requiresGrad();
        Tensor weights = Tensor.arange(0, 6, 1);
        x.t().reshape(6).mul(weights).sum().backward();
        // x.t() flattened is x[0,0], x[1,0], x[0,1], x[1,1], x[0,2], x[1,2].
        assertArrayEquals(new float[] {0, 2, 4, 1, 3, 5}, x.grad().toFloatArray());
    }

    @Test
    void broadcastGradientsAreSummedToEachInputsShape() {
        Tensor a = Tensor.zeros(3, 1).requiresGrad();
        Tensor b = Tensor.zeros(4).requiresGrad();
        a.add(b).sum().backward();
        assertArrayEquals(new int[] {3, 1}, a.grad().shape());
        assertArrayEquals(new int[] {4}, b.grad().shape());
        assertArrayEquals(new float[] {4, 4, 4}, a.grad().toFloatArray());
        assertArrayEquals(new float[] {3, 3, 3, 3}, b.grad().toFloatArray());
    }

    @Test
    void broadcastProductsInThreeDimensions() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 1, 3).requiresGrad();
        Tensor b = Tensor.of(new float[] {1, 10, 100, 1000}, 4, 1).requiresGrad();
        a.mul(b).sum().backward();
        assertArrayEquals(new int[] {2, 1, 3}, a.grad().shape());
        assertArrayEquals(new float[] {1111, 1111, 1111, 1111, 1111, 1111}, a.grad().toFloatArray());
        assertArrayEquals(new int[] {4, 1}, b.grad().shape());
        assertArrayEquals(new float[] {21, 21, 21, 21}, b.grad().toFloatArray());
    }

    @Test
    void aScalarTimesAMatrixGetsTheSumOfTheMatrix() {
        Tensor s = Tensor.scalar(2).requiresGrad();
        Tensor m = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).requiresGrad();
        s.mul(m).sum().backward();
        assertArrayEquals(new int[0], s.grad().shape());
        assertArrayEquals(new float[] {21}, s.grad().toFloatArray());
        assertArrayEquals(new float[] {2, 2, 2, 2, 2, 2}, m.grad().toFloatArray());
    }
}
