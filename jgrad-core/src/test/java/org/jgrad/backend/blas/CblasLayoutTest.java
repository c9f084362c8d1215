package org.jgrad.backend.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which strides CBLAS can read in place, and with which flag and leading dimension. */
class CblasLayoutTest {

    private static final CblasLayout AS_IS_5 = new CblasLayout(BlasLibrary.NO_TRANS, 5);

    @Test
    void rowMajorMatricesGoAsTheyAreWithTheirRowStride() {
        assertEquals(AS_IS_5, CblasLayout.of(3, 5, 5, 1));
        assertEquals(new CblasLayout(BlasLibrary.NO_TRANS, 8), CblasLayout.of(3, 5, 8, 1), "padded rows");
    }

    @Test
    void transposedViewsGoWithTheTransposeFlag() {
        assertEquals(new CblasLayout(BlasLibrary.TRANS, 3), CblasLayout.of(3, 5, 1, 3), "Xᵀ of a packed X");
        assertEquals(new CblasLayout(BlasLibrary.TRANS, 7), CblasLayout.of(3, 5, 1, 7), "of a padded one");
    }

    @Test
    void aStrideAlongADimensionOfOneIsIgnored() {
        assertEquals(AS_IS_5, CblasLayout.of(1, 5, 0, 1), "one row, broadcast row stride");
        assertEquals(new CblasLayout(BlasLibrary.NO_TRANS, 1), CblasLayout.of(4, 1, 1, 0), "one column");
        assertEquals(new CblasLayout(BlasLibrary.NO_TRANS, 1), CblasLayout.of(1, 1, 9, 9), "one element");
        assertEquals(new CblasLayout(BlasLibrary.TRANS, 3), CblasLayout.of(1, 4, 0, 3), "a row read down a column");
    }

    @Test
    void layoutsCblasCannotDescribeNeedACopy() {
        assertNull(CblasLayout.of(3, 5, 10, 2), "neither stride 1");
        assertNull(CblasLayout.of(3, 5, 0, 1), "broadcast rows");
        assertNull(CblasLayout.of(3, 5, 1, 0), "broadcast columns");
        assertNull(CblasLayout.of(3, 5, 4, 1), "overlapping rows");
        assertNull(CblasLayout.of(3, 5, -5, 1), "reversed rows");
        assertNull(CblasLayout.of(3, 5, 1, -3), "reversed columns");
    }
}
