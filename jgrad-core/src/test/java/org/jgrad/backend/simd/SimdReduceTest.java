package org.jgrad.backend.simd;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import org.jgrad.Rng;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Operands;
import org.jgrad.backend.Operands.Type;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.ReferenceBackend;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;
import org.junit.jupiter.api.Test;

/**
 * The float32 reductions of {@link FloatReductions} against the reference backend. Column
 * reductions (the kept values side by side: a bias gradient) and every extremum must be the
 * reference's bit for bit; sums over packed rows may differ from the reference's sequential
 * double sum by its rounding, {@code |Δ| ≤ ulp(e) + n·2⁻⁵²·Σ|x|}, but must be the same on every
 * run. Values span many magnitudes so that the order of a sum shows.
 */
class SimdReduceTest {

    private static final int[] LENGTHS = {1, 3, 7, 8, 9, 15, 16, 17, 31, 127, 256, 257, 1000};

    private final Backend simd = new SimdBackend();
    private final Backend reference = new ReferenceBackend();

    @Test
    void columnReductionsAreTheReferencesBitForBit() {
        Rng rng = new Rng(31);
        for (int rows : new int[] {1, 3, 128, 257}) {
            for (int cols : LENGTHS) {
                float[] x = wide(rng, rows * cols);
                // [rows, cols] reduced over rows: kept dimension first, with stride 1
                Strided src = new Strided(new Storage.Floats(x), 0, new int[] {1, cols});
                for (ReduceOp op : ReduceOp.values()) {
                    // one column is one packed row, summed as rows are
                    boolean exact = op != ReduceOp.SUM || cols > 1;
                    compare(op, src, new int[] {cols, rows}, 1, cols, "columns " + op + " " + rows + "x" + cols, exact);
                }
            }
        }
    }

    @Test
    void extremaOverRowsAreTheReferencesBitForBit() {
        Rng rng = new Rng(32);
        for (int n : LENGTHS) {
            Strided src = Strided.contiguous(new Storage.Floats(wide(rng, 3 * n)), new int[] {3, n});
            compare(ReduceOp.MAX, src, new int[] {3, n}, 1, 3, "rows MAX n=" + n, true);
            compare(ReduceOp.MIN, src, new int[] {3, n}, 1, 3, "rows MIN n=" + n, true);
        }
    }

    /** Which zero is the extremum depends on which came first; NaN anywhere wins. */
    @Test
    void signedZerosAndNaNFollowTheReference() {
        float[][] rows = {
            {-0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f},
            {0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f, 0f, -0f, -0f},
            {-1, -2, -0f, -3, 0f, -4, -5, -6, -7, -8, 0f},
            {1, 2, 3, 4, 5, 6, 7, 8, Float.NaN, 9, 10},
            {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, 1},
        };
        for (float[] row : rows) {
            Strided src = Strided.contiguous(new Storage.Floats(row), new int[] {row.length});
            for (ReduceOp op : ReduceOp.values()) {
                compare(op, src, new int[] {row.length}, 1, 1, op + " of " + Arrays.toString(row), true);
            }
            // the same values as a column of a [n, 9] matrix
            float[] matrix = new float[row.length * 9];
            for (int i = 0; i < row.length; i++) {
                Arrays.fill(matrix, i * 9, i * 9 + 9, row[i]);
            }
            Strided columns = new Strided(new Storage.Floats(matrix), 0, new int[] {1, 9});
            for (ReduceOp op : ReduceOp.values()) {
                compare(op, columns, new int[] {9, row.length}, 1, 9, op + " down columns of " + Arrays.toString(row), true);
            }
        }
    }

    @Test
    void sumsOverRowsAreWithinTheRoundingOfADoubleSum() {
        Rng rng = new Rng(33);
        for (int n : LENGTHS) {
            for (int rows : new int[] {1, 4}) {
                float[] x = wide(rng, rows * n);
                Strided src = Strided.contiguous(new Storage.Floats(x), new int[] {rows, n});
                compare(ReduceOp.SUM, src, new int[] {rows, n}, 1, rows, "row sums " + rows + "x" + n, false);
                // all of it at once: several rows into one sum
                compare(ReduceOp.SUM, src, new int[] {rows, n}, 2, 1, "sum of " + rows + "x" + n, false);
            }
        }
    }

    @Test
    void aRowSumIsTheSameOnEveryRun() {
        float[] x = wide(new Rng(34), 4099);
        Strided src = Strided.contiguous(new Storage.Floats(x), new int[] {4099});
        Storage first = Operands.sentinel(Type.FLOAT32, 1);
        simd.reduce(ReduceOp.SUM, src, new int[] {4099}, 1, Strided.contiguous(first, new int[0]));
        for (int run = 0; run < 50; run++) {
            Storage again = Operands.sentinel(Type.FLOAT32, 1);
            simd.reduce(ReduceOp.SUM, src, new int[] {4099}, 1, Strided.contiguous(again, new int[0]));
            Operands.assertSameBits(first, again, "run " + run);
        }
    }

    /** Both backends reduce {@code src} read as {@code shape}; {@code outputs} packed results compared. */
    private void compare(ReduceOp op, Strided src, int[] shape, int reducedRank, int outputs, String context, boolean exact) {
        int[] kept = Arrays.copyOf(shape, shape.length - reducedRank);
        Storage expected = Operands.sentinel(Type.FLOAT32, outputs);
        Storage actual = Operands.sentinel(Type.FLOAT32, outputs);
        reference.reduce(op, src, shape, reducedRank, Strided.contiguous(expected, kept));
        simd.reduce(op, src, shape, reducedRank, Strided.contiguous(actual, kept));
        if (exact) {
            Operands.assertSameBits(expected, actual, context);
            return;
        }
        int n = 1;
        for (int d = kept.length; d < shape.length; d++) {
            n *= shape[d];
        }
        Storage abs = Operands.sentinel(Type.FLOAT32, outputs);
        float[] data = ((Storage.Floats) src.storage()).data();
        float[] absData = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            absData[i] = Math.abs(data[i]);
        }
        reference.reduce(ReduceOp.SUM, new Strided(new Storage.Floats(absData), src.offset(), src.strides()), shape,
                reducedRank, Strided.contiguous(abs, kept));
        for (int i = 0; i < outputs; i++) {
            double e = expected.get(i);
            double a = actual.get(i);
            double bound = Math.ulp((float) e) + n * 0x1p-52 * abs.get(i);
            if (!(Math.abs(a - e) <= bound)) {
                fail(context + ": output " + i + " is " + a + ", reference " + e + " (allowed ±" + bound + ")");
            }
        }
    }

    /** Random floats of magnitudes from 1e-6 to 1e6 and both signs, so that sums round. */
    private static float[] wide(Rng rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) ((2 * rng.nextDouble() - 1) * Math.pow(10, 12 * rng.nextDouble() - 6));
        }
        return x;
    }
}
