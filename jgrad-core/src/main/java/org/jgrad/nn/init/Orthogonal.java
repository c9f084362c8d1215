package org.jgrad.nn.init;

import org.jgrad.Rng;
import org.jgrad.Tensor;

/** The orthogonalization behind {@link Init#orthogonal()}: Gram–Schmidt on a Gaussian matrix, in double. */
final class Orthogonal {

    private Orthogonal() {
    }

    /**
     * A {@code [rows, cols]} float32 matrix with orthonormal columns (rows ≥ cols) or rows. A tall
     * Gaussian matrix A = QR is orthogonalized column by column with modified Gram–Schmidt, each
     * projection done twice ("twice is enough", Giraud et al. 2005) so that Q stays orthogonal
     * to rounding. Gram–Schmidt divides by positive norms, so R's diagonal is positive: this is
     * the sign-corrected Q that PyTorch obtains from Householder QR by multiplying with sign(diag R).
     */
    static Tensor sample(Rng rng, int rows, int cols) {
        int tall = Math.max(rows, cols);
        int wide = Math.min(rows, cols);
        double[][] columns = new double[wide][tall];
        for (int i = 0; i < tall; i++) {
            for (int j = 0; j < wide; j++) {
                columns[j][i] = rng.nextGaussian();
            }
        }
        for (int j = 0; j < wide; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    subtractProjection(columns[j], columns[i]);
                }
            }
            scale(columns[j], 1 / Math.sqrt(dot(columns[j], columns[j])));
        }
        float[] values = new float[rows * cols];
        for (int i = 0; i < tall; i++) {
            for (int j = 0; j < wide; j++) {
                // Q is tall × wide; a wide result is its transpose.
                values[rows >= cols ? i * cols + j : j * cols + i] = (float) columns[j][i];
            }
        }
        return Tensor.of(values, rows, cols);
    }

    private static void subtractProjection(double[] v, double[] unit) {
        double c = dot(v, unit);
        for (int i = 0; i < v.length; i++) {
            v[i] -= c * unit[i];
        }
    }

    private static void scale(double[] v, double factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
