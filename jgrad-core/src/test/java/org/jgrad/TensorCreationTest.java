package org.jgrad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Deterministic factories: their shapes, dtypes and exact values. */
class TensorCreationTest {

    @Test
    void zerosOnesAndFullHaveTheRequestedShapeDtypeAndValues() {
        Tensor zeros = Tensor.zeros(2, 3);
        assertArrayEquals(new int[] {2, 3}, zeros.shape());
        assertEquals(DType.FLOAT32, zeros.dtype());
        assertArrayEquals(new float[6], zeros.toFloatArray());

        Tensor ones = Tensor.ones(DType.FLOAT64, 4);
        assertEquals(DType.FLOAT64, ones.dtype());
        assertArrayEquals(new double[] {1, 1, 1, 1}, ones.toDoubleArray());
        assertEquals(DType.FLOAT32, Tensor.ones(2).dtype());

        Tensor full = Tensor.full(-2.5, 3, 1);
        assertArrayEquals(new int[] {3, 1}, full.shape());
        assertEquals(DType.FLOAT32, full.dtype());
        assertArrayEquals(new float[] {-2.5f, -2.5f, -2.5f}, full.toFloatArray());

        Tensor longs = Tensor.full(7, DType.INT64, 2);
        assertEquals(DType.INT64, longs.dtype());
        assertArrayEquals(new long[] {7, 7}, longs.toLongArray());
        assertEquals(DType.INT64, Tensor.zeros(DType.INT64, 2).dtype());
    }

    @Test
    void likeFactoriesKeepShapeAndDtype() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
        assertArrayEquals(new int[] {3, 2}, x.zerosLike().shape());
        assertEquals(DType.FLOAT64, x.zerosLike().dtype());
        assertArrayEquals(new double[6], x.zerosLike().toDoubleArray());
        assertEquals(DType.FLOAT64, x.onesLike().dtype());
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, x.onesLike().toDoubleArray());
    }

    @Test
    void negativeExtentsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1));
        assertTrue(e.getMessage().contains("[2, -1]"), e.getMessage());
    }

    @Test
    void eyeIsTheIdentityMatrix() {
        Tensor eye = Tensor.eye(3);
        assertEquals(DType.FLOAT32, eye.dtype());
        assertArrayEquals(new int[] {3, 3}, eye.shape());
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, eye.toFloatArray());
        assertArrayEquals(new int[] {0, 0}, Tensor.eye(0).shape());
    }

    @Test
    void arangeWithEndGivesInt64CountingFromZero() {
        Tensor a = Tensor.arange(5);
        assertEquals(DType.INT64, a.dtype());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, a.toLongArray());
        assertArrayEquals(new int[] {0}, Tensor.arange(0).shape());
        assertArrayEquals(new int[] {0}, Tensor.arange(-3).shape());
    }

    @Test
    void arangeWithStartEndAndStepExcludesTheEnd() {
        Tensor quarters = Tensor.arange(0, 1, 0.25);
        assertEquals(DType.FLOAT32, quarters.dtype());
        assertArrayEquals(new float[] {0, 0.25f, 0.5f, 0.75f}, quarters.toFloatArray());
        assertArrayEquals(new float[] {1, 1.5f, 2}, Tensor.arange(1, 2.5, 0.5).toFloatArray());
        assertArrayEquals(new float[] {5, 3.5f, 2, 0.5f}, Tensor.arange(5, 0, -1.5).toFloatArray());

        Tensor tenths = Tensor.arange(0, 1, 0.1);
        assertEquals(10, tenths.numel());
        assertEquals(0.9f, tenths.toFloatArray()[9], 1e-6f);
    }

    @Test
    void arangeOverAnEmptyRangeIsEmpty() {
        assertArrayEquals(new int[] {0}, Tensor.arange(1, 1, 1).shape());
        assertArrayEquals(new int[] {0}, Tensor.arange(2, 1, 1).shape());
        assertArrayEquals(new int[] {0}, Tensor.arange(1, 2, -0.5).shape());
    }

    @Test
    void arangeRejectsAZeroStep() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.arange(0, 1, 0));
        assertTrue(e.getMessage().startsWith("arange:"), e.getMessage());
    }

    @Test
    void linspaceHitsBothEndpointsExactly() {
        assertArrayEquals(new float[] {-1, -0.5f, 0, 0.5f, 1}, Tensor.linspace(-1, 1, 5).toFloatArray());

        float[] sevenths = Tensor.linspace(0.1, 0.7, 7).toFloatArray();
        assertEquals(7, sevenths.length);
        assertEquals(0.1f, sevenths[0]);
        assertEquals(0.7f, sevenths[6]);
        for (int i = 1; i < sevenths.length; i++) {
            assertEquals(0.1f, sevenths[i] - sevenths[i - 1], 1e-6f);
        }
        assertEquals(DType.FLOAT32, Tensor.linspace(0, 1, 3).dtype());
    }

    @Test
    void linspaceWithOneOrNoStep() {
        assertArrayEquals(new float[] {3}, Tensor.linspace(3, 5, 1).toFloatArray());
        assertArrayEquals(new int[] {0}, Tensor.linspace(3, 5, 0).shape());
        assertThrows(IllegalArgumentException.class, () -> Tensor.linspace(0, 1, -1));
    }

    @Test
    void ofCopiesItsArrayAndTakesTheDtypeFromIt() {
        float[] floats = {1, 2, 3, 4, 5, 6};
        Tensor f = Tensor.of(floats, 2, 3);
        floats[0] = 99;
        assertEquals(DType.FLOAT32, f.dtype());
        assertArrayEquals(new int[] {2, 3}, f.shape());
        assertEquals(1.0, f.get(0, 0));
        assertEquals(6.0, f.get(1, 2));

        Tensor d = Tensor.of(new double[] {0.1, 0.2});
        assertEquals(DType.FLOAT64, d.dtype());
        assertArrayEquals(new int[] {2}, d.shape());
        assertArrayEquals(new double[] {0.1, 0.2}, d.toDoubleArray());

        Tensor l = Tensor.of(new long[] {3, -4, 5, 6}, 2, 2);
        assertEquals(DType.INT64, l.dtype());
        assertEquals(-4.0, l.get(0, 1));
        assertArrayEquals(new long[] {3, -4, 5, 6}, l.toLongArray());
    }

    /** Packed int64 values come back exactly, even beyond 2⁵³ where a double would round them; views in order. */
    @Test
    void packedLongsCopyOutExactly() {
        long big = (1L << 53) + 1;
        Tensor l = Tensor.of(new long[] {big, -big, 1, 2, 3, 4}, 3, 2);
        assertArrayEquals(new long[] {big, -big, 1, 2, 3, 4}, l.toLongArray());
        assertArrayEquals(new long[] {1, 2, 3, 4}, l.slice(0, 1, 3).toLongArray());
        assertArrayEquals(new long[] {2, 4}, l.slice(0, 1, 3).select(1, 1).toLongArray());
        Tensor f = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        assertArrayEquals(new float[] {3, 4, 5, 6}, f.slice(0, 1, 3).toFloatArray());
        assertArrayEquals(new double[] {1, 3, 5}, f.to(DType.FLOAT64).select(1, 0).toDoubleArray());
    }

    @Test
    void ofRejectsAWrongElementCount() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[5], 2, 3));
        assertTrue(e.getMessage().contains("5 values"), e.getMessage());
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
        assertTrue(e.getMessage().contains("6 elements"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new long[] {1, 2, 3}, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new double[] {1, 2}, 3));
    }

    @Test
    void scalarsHaveNoDimensions() {
        Tensor s = Tensor.scalar(2.5);
        assertEquals(0, s.dim());
        assertArrayEquals(new int[0], s.shape());
        assertEquals(1, s.numel());
        assertEquals(DType.FLOAT32, s.dtype());
        assertEquals(2.5, s.item());
        assertEquals(2.5, s.get());
        assertEquals(DType.FLOAT64, Tensor.scalar(0.1, DType.FLOAT64).dtype());
        assertEquals(0.1, Tensor.scalar(0.1, DType.FLOAT64).item());
        assertEquals(7.0, Tensor.scalar(7, DType.INT64).item());
    }

    @Test
    void getReadsOneElementWithNegativeIndicesCountingFromTheEnd() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(6.0, x.get(-1, -1));
        assertEquals(4.0, x.get(1, -3));
        assertThrows(IndexOutOfBoundsException.class, () -> x.get(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> x.get(0, -4));
        assertThrows(IllegalArgumentException.class, () -> x.get(0));
    }

    @Test
    void itemNeedsExactlyOneElement() {
        var e = assertThrows(IllegalStateException.class, () -> Tensor.zeros(2).item());
        assertTrue(e.getMessage().contains("[2]"), e.getMessage());
        assertEquals(0.0, Tensor.zeros(1, 1).item());
    }

    @Test
    void conversionsToArraysRoundAndTruncateAsDocumented() {
        Tensor x = Tensor.of(new float[] {-1.7f, 2.9f, 0.1f});
        assertArrayEquals(new long[] {-1, 2, 0}, x.toLongArray());
        assertEquals((double) 0.1f, x.toDoubleArray()[2]);
        assertArrayEquals(new float[] {0.1f}, Tensor.of(new double[] {0.1}).toFloatArray());
    }
}
