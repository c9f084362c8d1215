package org.jgrad.backend.simd;

import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.RowWalker;
import org.jgrad.backend.Strided;

/**
 * The log-softmax of float rows with the reference backend's arithmetic, to the bit: per row the
 * maximum {@code m}, {@code log Σ exp(x − m)} summed in double in order, and {@code x − m − log
 * Σ} rounded to float. What is faster: every row's {@code exp}s are computed together, a vector
 * at a time ({@link StrictExp}), where the reference calls {@code StrictMath.exp} one element at
 * a time (a classifier's rows are short, ten classes, so vectors along a row would be mostly
 * empty).
 */
final class FloatLogSoftmax {

    private FloatLogSoftmax() {
    }

    /** {@code dst = logSoftmax(src)} along the last dimension of {@code shape}. */
    static void compute(float[] in, Strided src, int[] shape, float[] out, Strided dst) {
        int n = RowWalker.rowLength(shape);
        int rows = rowCount(shape);
        if (rows == 0 || n == 0) {
            return;
        }
        int ss = RowWalker.rowStride(src, shape.length);
        int ds = RowWalker.rowStride(dst, shape.length);
        int[] srcStarts = new int[rows];
        int[] dstStarts = new int[rows];
        double[] shifts = new double[rows];
        double[] exps = new double[rows * n];
        int[] row = {0};
        RowWalker.forEachRow(shape, new Strided[] {src, dst}, start -> {
            int r = row[0]++;
            srcStarts[r] = start[0];
            dstStarts[r] = start[1];
            double max = ReduceOp.MAX.identity();
            for (int j = 0; j < n; j++) {
                double v = in[start[0] + j * ss];
                max = ReduceOp.MAX.replaces(v, max) ? v : max;
            }
            double shift = Math.abs(max) < Double.POSITIVE_INFINITY ? max : 0;
            shifts[r] = shift;
            for (int j = 0; j < n; j++) {
                exps[r * n + j] = in[start[0] + j * ss] - shift;
            }
        });
        StrictExp.exp(exps, 0, exps, 0, exps.length);
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += exps[r * n + j];
            }
            double logSum = StrictMath.log(sum) + shifts[r];
            for (int j = 0; j < n; j++) {
                out[dstStarts[r] + j * ds] = (float) (in[srcStarts[r] + j * ss] - logSum);
            }
        }
    }

    private static int rowCount(int[] shape) {
        int rows = 1;
        for (int d = 0; d < shape.length - 1; d++) {
            rows *= shape[d];
        }
        return rows;
    }
}
