package org.jgrad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Binary operations broadcast as NumPy does, name both shapes when they cannot, and promote dtypes. */
class BroadcastTest {

    @Test
    void columnPlusRowGivesAMatrix() {
        Tensor column = Tensor.of(new float[] {10, 20, 30}, 3, 1);
        Tensor row = Tensor.of(new float[] {1, 2, 3, 4});
        Tensor sum = column.add(row);
        assertArrayEquals(new int[] {3, 4}, sum.shape());
        assertArrayEquals(new float[] {11, 12, 13, 14, 21, 22, 23, 24, 31, 32, 33, 34}, sum.toFloatArray());
        assertArrayEquals(sum.toFloatArray(), row.add(column).toFloatArray());
    }

    @Test
    void threeDimensionsTimesTwo() {
        Tensor a = Tensor.arange(0, 6, 1).reshape(2, 1, 3);
        Tensor b = Tensor.of(new float[] {1, 10, 100, 1000}, 4, 1);
        Tensor product = a.mul(b);
        assertArrayEquals(new int[] {2, 4, 3}, product.shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(a.get(i, 0, k) * b.get(j, 0), product.get(i, j, k));
                }
            }
        }
    }

    @Test
    void scalarsBroadcastWithAnything() {
        Tensor m = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor two = Tensor.scalar(2);
        assertArrayEquals(new float[] {3, 4, 5, 6, 7, 8}, two.add(m).toFloatArray());
        assertArrayEquals(new int[] {2, 3}, two.add(m).shape());
        assertArrayEquals(new float[] {-1, 0, 1, 2, 3, 4}, m.sub(two).toFloatArray());
        assertArrayEquals(new float[] {2, 1, 2.0f / 3, 0.5f, 0.4f, 1.0f / 3}, two.div(m).toFloatArray(), 1e-7f);
        assertArrayEquals(new float[] {0.5f, 1, 1.5f, 2, 2.5f, 3}, m.mul(0.5).toFloatArray());
        assertEquals(0, two.mul(two).dim());
        assertEquals(4.0, two.mul(two).item());
        assertArrayEquals(new int[] {1, 1}, Tensor.ones(1, 1).add(two).shape());
    }

    @Test
    void broadcastingANonContiguousView() {
        Tensor t = Tensor.arange(0, 6, 1).reshape(2, 3).t();
        Tensor row = Tensor.of(new float[] {100, 200});
        assertArrayEquals(new float[] {100, 203, 101, 204, 102, 205}, t.add(row).toFloatArray());
    }

    @Test
    void incompatibleShapesNameTheOpTheShapesAndTheDimension() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(4);
        var e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertEquals("add: shapes [2, 3] and [4] are not broadcastable (dim 1: 3 vs 4)", e.getMessage());
        var m = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 1, 3).mul(Tensor.zeros(5, 2)));
        assertEquals("mul: shapes [2, 1, 3] and [5, 2] are not broadcastable (dim 2: 3 vs 2)", m.getMessage());
    }

    @Test
    void float32WithFloat64PromotesToFloat64() {
        Tensor f = Tensor.of(new float[] {0.5f});
        Tensor d = Tensor.of(new double[] {0.1});
        assertEquals(DType.FLOAT64, f.add(d).dtype());
        assertEquals(DType.FLOAT64, d.mul(f).dtype());
        assertEquals(0.6, f.add(d).item(), 1e-15);
    }

    @Test
    void int64WithFloat32PromotesToFloat32() {
        Tensor i = Tensor.of(new long[] {1, 2, 3});
        Tensor f = Tensor.of(new float[] {0.5f, 0.25f, 0.125f});
        assertEquals(DType.FLOAT32, i.add(f).dtype());
        assertEquals(DType.FLOAT32, f.sub(i).dtype());
        assertArrayEquals(new float[] {1.5f, 2.25f, 3.125f}, i.add(f).toFloatArray());
        assertEquals(DType.FLOAT64, i.add(Tensor.of(new double[] {1})).dtype());
    }

    @Test
    void int64WithInt64StaysInt64ExceptForDivision() {
        Tensor a = Tensor.of(new long[] {7, -7, 9});
        Tensor b = Tensor.of(new long[] {2, 2, 3});
        assertEquals(DType.INT64, a.add(b).dtype());
        assertArrayEquals(new long[] {14, -14, 27}, a.mul(b).toLongArray());
        assertEquals(DType.INT64, a.add(2).dtype());
        Tensor quotient = a.div(b);
        assertEquals(DType.FLOAT32, quotient.dtype());
        assertArrayEquals(new float[] {3.5f, -3.5f, 3}, quotient.toFloatArray());
    }

    @Test
    void int64WithAFractionalConstantBecomesFloat32() {
        Tensor a = Tensor.of(new long[] {3});
        assertEquals(DType.FLOAT32, a.mul(2.5).dtype());
        assertEquals(7.5, a.mul(2.5).item());
        assertEquals(DType.FLOAT64, Tensor.of(new double[] {1}).add(2).dtype());
    }
}
