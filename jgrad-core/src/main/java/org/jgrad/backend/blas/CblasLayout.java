package org.jgrad.backend.blas;

/**
 * How a {@code rows × cols} matrix with the given strides is handed to row-major CBLAS without a
 * copy: as it is ({@link BlasLibrary#NO_TRANS}, rows {@code leading} elements apart) or as the
 * transpose of a row-major {@code cols × rows} matrix ({@link BlasLibrary#TRANS}, which is how a
 * transposed view such as {@code Xᵀ} or {@code Wᵀ} is stored).
 *
 * @param trans   the CBLAS transpose flag
 * @param leading the leading dimension: the distance between consecutive stored rows, at least
 *                the length of one and at least 1, as CBLAS requires
 */
record CblasLayout(int trans, int leading) {

    /**
     * The layout of a matrix with strides {@code {rowStride, colStride}}, or {@code null} when
     * CBLAS cannot read it in place (neither stride is 1, a stride is 0 or negative, or rows
     * overlap) and it needs a packed copy. A stride along a dimension of extent 1 is never used,
     * so it does not matter.
     */
    static CblasLayout of(int rows, int cols, int rowStride, int colStride) {
        CblasLayout asIs = rowMajor(BlasLibrary.NO_TRANS, rows, cols, rowStride, colStride);
        return asIs != null ? asIs : rowMajor(BlasLibrary.TRANS, cols, rows, colStride, rowStride);
    }

    /** The layout of a row-major {@code rows × cols} matrix with these strides, or {@code null}. */
    private static CblasLayout rowMajor(int trans, int rows, int cols, int rowStride, int colStride) {
        if (cols > 1 && colStride != 1) {
            return null;
        }
        int leading = Math.max(1, cols);
        if (rows <= 1) {
            return new CblasLayout(trans, leading);
        }
        return rowStride >= leading ? new CblasLayout(trans, rowStride) : null;
    }

    /** The layout of a packed row-major {@code rows × cols} copy. */
    static CblasLayout packed(int cols) {
        return new CblasLayout(BlasLibrary.NO_TRANS, Math.max(1, cols));
    }
}
