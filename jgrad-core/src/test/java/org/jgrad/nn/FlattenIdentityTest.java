package org.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link Flatten} and {@link Identity}. */
class FlattenIdentityTest {

    @Test
    void flattenMergesAllButTheBatchDimensionByDefault() {
        Tensor images = Tensor.arange(0, 2 * 28 * 28, 1).reshape(2, 1, 28, 28);
        Tensor rows = new Flatten().forward(images);
        assertArrayEquals(new int[] {2, 784}, rows.shape());
        assertArrayEquals(images.toFloatArray(), rows.toFloatArray());
        assertArrayEquals(new int[] {3, 1}, new Flatten().forward(Tensor.zeros(3, 1)).shape());
    }

    @Test
    void flattenMergesAGivenRangeOfDimensions() {
        assertArrayEquals(new int[] {2, 12, 5}, new Flatten(1, 2).forward(Tensor.zeros(2, 3, 4, 5)).shape());
        assertArrayEquals(new int[] {120}, new Flatten(0, -1).forward(Tensor.zeros(2, 3, 4, 5)).shape());
        assertArrayEquals(new int[] {6, 4, 5}, new Flatten(-4, -3).forward(Tensor.zeros(2, 3, 4, 5)).shape());
    }

    @Test
    void flattenNamesItselfAndTheShapeWhenTheDimensionsDoNotFit() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Flatten().forward(Tensor.zeros(5)));
        assertEquals("Flatten(startDim=1, endDim=-1): cannot flatten dimensions 1 to -1 of an input of shape [5]",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Flatten(2, 1).forward(Tensor.zeros(2, 3, 4)));
    }

    @Test
    void flattenPassesGradientsBack() {
        ModuleGradCheck.assertPasses(new Flatten(), Tensor.randn(new Rng(1), DType.FLOAT64, 2, 3, 2));
    }

    @Test
    void flattenCopiesANonContiguousInputInRowMajorOrder() {
        Tensor x = Tensor.randn(new Rng(2), 3, 2, 2).transpose(0, 2);
        assertArrayEquals(x.contiguous().reshape(2, 6).toFloatArray(), new Flatten().forward(x).toFloatArray());
    }

    @Test
    void identityReturnsItsInput() {
        Tensor x = Tensor.randn(new Rng(3), 4, 2);
        assertSame(x, new Identity().forward(x));
        assertEquals("Identity()", new Identity().toString());
        ModuleGradCheck.assertPasses(new Identity(), Tensor.randn(new Rng(4), DType.FLOAT64, 3));
    }
}
