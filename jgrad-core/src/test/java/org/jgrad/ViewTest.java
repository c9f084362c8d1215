package org.jgrad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Views share their base's storage and read the right elements; copies happen only where needed. */
class ViewTest {

    /** {@code [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]}. */
    private static Tensor matrix() {
        return Tensor.arange(0, 12, 1).reshape(3, 4);
    }

    @Test
    void reshapeOfContiguousDataIsAViewOfTheSameStorage() {
        Tensor x = matrix();
        Tensor y = x.reshape(2, 6);
        assertSame(x.storage(), y.storage());
        assertArrayEquals(new int[] {2, 6}, y.shape());
        assertEquals(7.0, y.get(1, 1));
        Tensor z = x.view(-1, 3);
        assertSame(x.storage(), z.storage());
        assertArrayEquals(new int[] {4, 3}, z.shape());
        assertSame(x.storage(), x.flatten().storage());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, z.toFloatArray());
    }

    @Test
    void reshapeRejectsImpossibleShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> matrix().reshape(5, -1));
        assertTrue(e.getMessage().contains("[5, -1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> matrix().reshape(-1, -1));
        assertThrows(IllegalArgumentException.class, () -> matrix().reshape(13));
    }

    @Test
    void transposeSwapsStridesWithoutCopying() {
        Tensor x = matrix();
        Tensor t = x.transpose(0, 1);
        assertSame(x.storage(), t.storage());
        assertArrayEquals(new int[] {4, 3}, t.shape());
        assertArrayEquals(new int[] {1, 4}, t.strides());
        assertFalse(t.isContiguous());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(x.get(j, i), t.get(i, j));
            }
        }
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, x.t().toFloatArray());
        assertArrayEquals(new int[] {4, 3}, x.transpose(-1, -2).shape());
    }

    @Test
    void permuteReordersDimensions() {
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        Tensor p = x.permute(2, 0, 1);
        assertSame(x.storage(), p.storage());
        assertArrayEquals(new int[] {4, 2, 3}, p.shape());
        assertArrayEquals(new int[] {1, 12, 4}, p.strides());
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 2; b++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(x.get(b, c, a), p.get(a, b, c));
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> x.permute(0, 1));
        assertThrows(IllegalArgumentException.class, () -> x.permute(0, 0, 1));
    }

    @Test
    void sliceWithStepsAndNegativeIndicesActsLikePython() {
        Tensor x = Tensor.arange(10);
        Tensor evens = x.slice(0, 2, 8, 2);
        assertSame(x.storage(), evens.storage());
        assertArrayEquals(new long[] {2, 4, 6}, evens.toLongArray());
        assertArrayEquals(new int[] {2}, evens.strides());
        assertEquals(2, evens.offset());
        assertArrayEquals(new long[] {7, 8, 9}, x.slice(0, -3, 10).toLongArray());
        assertArrayEquals(new long[] {2, 5, 8}, x.slice(0, -8, -1, 3).toLongArray());
        assertArrayEquals(new long[] {1, 5, 9}, x.slice(0, 1, 100, 4).toLongArray());
        assertArrayEquals(new long[] {0, 1}, x.slice(0, -100, 2).toLongArray());
        assertArrayEquals(new int[] {0}, x.slice(0, 5, 2).shape());
        assertArrayEquals(new int[] {0}, x.slice(0, 10, 12).shape());
        assertThrows(IllegalArgumentException.class, () -> x.slice(0, 0, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> x.slice(0, 0, 5, -1));
    }

    @Test
    void sliceAlongTheSecondDimensionOfAMatrix() {
        Tensor columns = matrix().slice(1, 1, 4, 2);
        assertArrayEquals(new int[] {3, 2}, columns.shape());
        assertArrayEquals(new float[] {1, 3, 5, 7, 9, 11}, columns.toFloatArray());
        Tensor corner = matrix().slice(0, 1, 3).slice(1, -2, 4);
        assertArrayEquals(new float[] {6, 7, 10, 11}, corner.toFloatArray());
    }

    @Test
    void selectDropsTheDimension() {
        Tensor x = matrix();
        Tensor lastRow = x.select(0, -1);
        assertSame(x.storage(), lastRow.storage());
        assertArrayEquals(new int[] {4}, lastRow.shape());
        assertArrayEquals(new float[] {8, 9, 10, 11}, lastRow.toFloatArray());
        assertArrayEquals(new float[] {2, 6, 10}, x.select(1, 2).toFloatArray());
        assertEquals(0, x.select(0, 1).select(0, 3).dim());
        assertEquals(7.0, x.select(0, 1).select(0, 3).item());
        assertThrows(IndexOutOfBoundsException.class, () -> x.select(0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> x.select(1, -5));
    }

    @Test
    void narrowTakesALengthFromAStart() {
        Tensor n = matrix().narrow(1, 1, 2);
        assertArrayEquals(new int[] {3, 2}, n.shape());
        assertArrayEquals(new float[] {1, 2, 5, 6, 9, 10}, n.toFloatArray());
        var e = assertThrows(IllegalArgumentException.class, () -> matrix().narrow(1, 3, 2));
        assertTrue(e.getMessage().startsWith("narrow:"), e.getMessage());
    }

    @Test
    void squeezeAndUnsqueezeChangeOnlyUnitDimensions() {
        Tensor x = Tensor.arange(6).reshape(1, 2, 1, 3);
        Tensor squeezed = x.squeeze();
        assertSame(x.storage(), squeezed.storage());
        assertArrayEquals(new int[] {2, 3}, squeezed.shape());
        assertArrayEquals(new int[] {2, 1, 3}, x.squeeze(0).shape());
        assertArrayEquals(new int[] {1, 2, 3}, x.squeeze(-2).shape());
        assertSame(x, x.squeeze(1));

        Tensor y = Tensor.arange(6).reshape(2, 3);
        assertArrayEquals(new int[] {1, 2, 3}, y.unsqueeze(0).shape());
        assertArrayEquals(new int[] {2, 1, 3}, y.unsqueeze(1).shape());
        assertArrayEquals(new int[] {2, 3, 1}, y.unsqueeze(2).shape());
        assertArrayEquals(new int[] {2, 3, 1}, y.unsqueeze(-1).shape());
        assertSame(y.storage(), y.unsqueeze(1).storage());
        assertArrayEquals(y.toLongArray(), y.unsqueeze(1).toLongArray());
        assertArrayEquals(new int[] {1}, Tensor.scalar(3).unsqueeze(0).shape());
        assertArrayEquals(new int[0], Tensor.of(new float[] {3}).squeeze().shape());
    }

    @Test
    void squeezeOfANonContiguousViewStillShares() {
        Tensor x = Tensor.arange(24).reshape(2, 1, 3, 4).transpose(0, 2);
        Tensor squeezed = x.squeeze();
        assertSame(x.storage(), squeezed.storage());
        assertArrayEquals(new int[] {3, 2, 4}, squeezed.shape());
        assertEquals(x.get(2, 0, 1, 3), squeezed.get(2, 1, 3));
    }

    @Test
    void expandRepeatsWithStrideZero() {
        Tensor column = Tensor.of(new float[] {1, 2, 3}, 3, 1);
        Tensor wide = column.expand(3, 4);
        assertSame(column.storage(), wide.storage());
        assertArrayEquals(new int[] {3, 4}, wide.shape());
        assertEquals(0, wide.strides()[1]);
        assertArrayEquals(new float[] {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3}, wide.toFloatArray());

        Tensor stacked = column.expand(2, -1, 2);
        assertArrayEquals(new int[] {2, 3, 2}, stacked.shape());
        assertArrayEquals(new int[] {0, 1, 0}, stacked.strides());
        assertEquals(3.0, stacked.get(1, 2, 1));
        assertSame(column, column.expand(3, 1));

        var e = assertThrows(IllegalArgumentException.class, () -> column.expand(2, 4));
        assertTrue(e.getMessage().contains("[3, 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> column.expand(4));
    }

    @Test
    void contiguousReturnsItselfWhenPackedAndACopyOtherwise() {
        Tensor x = matrix();
        assertTrue(x.isContiguous());
        assertSame(x, x.contiguous());

        Tensor t = x.t();
        Tensor packed = t.contiguous();
        assertNotSame(t, packed);
        assertNotSame(x.storage(), packed.storage());
        assertTrue(packed.isContiguous());
        assertArrayEquals(new int[] {3, 1}, packed.strides());
        assertArrayEquals(t.toFloatArray(), packed.toFloatArray());

        Tensor expanded = Tensor.of(new float[] {5}, 1).expand(3);
        assertFalse(expanded.isContiguous());
        assertArrayEquals(new float[] {5, 5, 5}, expanded.contiguous().toFloatArray());
        assertEquals(3, expanded.contiguous().storage().size());
    }

    @Test
    void viewOfATransposeFailsAndPointsToReshape() {
        Tensor t = matrix().t();
        var e = assertThrows(IllegalStateException.class, () -> t.view(12));
        assertTrue(e.getMessage().contains("reshape"), e.getMessage());
        assertTrue(e.getMessage().startsWith("view:"), e.getMessage());

        Tensor flat = t.reshape(12);
        assertNotSame(t.storage(), flat.storage());
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, flat.toFloatArray());
    }

    @Test
    void viewSplittingAContiguousDimensionOfATransposeIsAllowed() {
        Tensor t = Tensor.arange(24).reshape(4, 6).t();
        Tensor split = t.view(2, 3, 4);
        assertSame(t.storage(), split.storage());
        assertEquals(t.get(5, 2), split.get(1, 2, 2));
    }

    @Test
    void aScalarHasNoDimensionToIndexAndSaysSo() {
        Tensor s = Tensor.scalar(2);
        for (var call : Map.<String, Executable>of(
                "size", () -> s.size(0),
                "select", () -> s.select(0, 0),
                "slice", () -> s.slice(0, 0, 1),
                "narrow", () -> s.narrow(-1, 0, 1),
                "split", () -> s.split(1, 0),
                "concat", () -> Tensor.concat(0, s, s)).entrySet()) {
            var e = assertThrows(IllegalArgumentException.class, call.getValue());
            assertTrue(e.getMessage().startsWith(call.getKey() + ":"), e.getMessage());
        }
        assertSame(s, s.transpose(0, -1));
        assertSame(s, s.t());
        assertArrayEquals(new int[] {2}, Tensor.stack(0, s, s).shape());
    }

    @Test
    void viewsOfViewsReadTheRightElements() {
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        Tensor v = x.permute(1, 2, 0).slice(1, 1, 4, 2).select(2, 1);
        assertSame(x.storage(), v.storage());
        assertArrayEquals(new int[] {3, 2}, v.shape());
        assertArrayEquals(new long[] {13, 15, 17, 19, 21, 23}, v.toLongArray());
    }
}
