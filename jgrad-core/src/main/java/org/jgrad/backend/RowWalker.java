package org.jgrad.backend;

/**
 * For backends: visits an n-dimensional index space one innermost row at a time, keeping a flat offset per
 * operand, so that kernels only write the loop along the last dimension.
 */
public final class RowWalker {

    /** Receives the starting offset of each operand for one row. */
    @FunctionalInterface
    public interface RowVisitor {
        void row(int[] rowStarts);
    }

    private RowWalker() {
    }

    /** Length of the innermost rows of {@code shape} (1 for a scalar). */
    public static int rowLength(int[] shape) {
        return shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    /** Stride of an operand along the innermost dimension (0 for a scalar). */
    public static int rowStride(Strided operand, int rank) {
        return rank == 0 ? 0 : operand.strides()[rank - 1];
    }

    /** Calls {@code visitor} once per row of {@code shape}, in row-major order. */
    public static void forEachRow(int[] shape, Strided[] operands, RowVisitor visitor) {
        int rank = shape.length;
        for (int extent : shape) {
            if (extent == 0) {
                return;
            }
        }
        int outer = rank - 1;
        int[] starts = new int[operands.length];
        for (int k = 0; k < operands.length; k++) {
            starts[k] = operands[k].offset();
        }
        if (outer <= 0) {
            visitor.row(starts);
            return;
        }
        int[] counter = new int[outer];
        while (true) {
            visitor.row(starts);
            int d = outer - 1;
            while (d >= 0 && ++counter[d] == shape[d]) {
                counter[d] = 0;
                for (int k = 0; k < operands.length; k++) {
                    starts[k] -= (shape[d] - 1) * operands[k].strides()[d];
                }
                d--;
            }
            if (d < 0) {
                return;
            }
            for (int k = 0; k < operands.length; k++) {
                starts[k] += operands[k].strides()[d];
            }
        }
    }
}
