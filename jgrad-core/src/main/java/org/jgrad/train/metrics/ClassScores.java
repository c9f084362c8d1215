package org.jgrad.train.metrics;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * A classifier's output and targets read once for the classification metrics: one row of
 * scores per example ({@code C} columns for {@code C} classes, or one column for a binary
 * classifier) and the true class of each example.
 *
 * <p>Outputs: {@code [n, C]} with {@code C ≥ 2} class scores, or {@code [n]} / {@code [n, 1]}
 * binary scores. Targets: {@code [n]} int64 class indices; for {@code [n, C]} outputs also
 * float one-hot (or probability) rows of the output's shape, whose largest entry is the class;
 * for binary outputs also floats that are 0 or 1, of shape {@code [n]} or {@code [n, 1]}.
 */
record ClassScores(double[] scores, int rows, int columns, long[] actual, Scores kind) {

    /** Reads {@code output} and {@code target}; errors name {@code metric} and both shapes. */
    static ClassScores read(String metric, Tensor output, Tensor target, Scores kind) {
        int[] shape = output.shape();
        boolean binary = shape.length == 1 || shape.length == 2 && shape[1] == 1;
        if (!binary && (shape.length != 2 || shape[1] < 2)) {
            throw new IllegalArgumentException(metric + ": output of shape " + Shape.format(shape)
                    + " is neither [n, C] class scores nor [n] or [n, 1] binary scores");
        }
        int rows = shape[0];
        int columns = binary ? 1 : shape[1];
        if (target.dim() == 0 || target.size(0) != rows) {
            throw new IllegalArgumentException(metric + ": output of shape " + Shape.format(shape) + " and target of shape "
                    + Shape.format(target.shape()) + " disagree on the number of examples");
        }
        long[] actual = target.dtype() == DType.INT64 ? indices(metric, target, binary ? 2 : columns)
                : binary ? binaryLabels(metric, target) : oneHotClasses(metric, output, target);
        return new ClassScores(output.detach().toDoubleArray(), rows, columns, actual, kind);
    }

    private static long[] indices(String metric, Tensor target, int classes) {
        if (target.dim() != 1) {
            throw new IllegalArgumentException(metric + ": int64 class indices must have shape [n], got "
                    + Shape.format(target.shape()));
        }
        long[] actual = target.toLongArray();
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= classes) {
                throw new IllegalArgumentException(metric + ": target class " + actual[i] + " of example " + i
                        + " is out of range [0, " + classes + ")");
            }
        }
        return actual;
    }

    private static long[] binaryLabels(String metric, Tensor target) {
        if (target.numel() != target.size(0)) {
            throw new IllegalArgumentException(metric + ": binary targets must have shape [n] or [n, 1], got "
                    + Shape.format(target.shape()));
        }
        double[] values = target.detach().toDoubleArray();
        long[] actual = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0 && values[i] != 1) {
                throw new IllegalArgumentException(metric + ": binary target " + values[i] + " of example " + i
                        + " is neither 0 nor 1");
            }
            actual[i] = (long) values[i];
        }
        return actual;
    }

    private static long[] oneHotClasses(String metric, Tensor output, Tensor target) {
        if (!Arrays.equals(output.shape(), target.shape())) {
            throw new IllegalArgumentException(metric + ": float targets of shape " + Shape.format(target.shape())
                    + " must have the output's shape " + Shape.format(output.shape())
                    + " (or give int64 class indices of shape [n])");
        }
        return target.detach().argmax(1, false).toLongArray();
    }

    /** The number of classes: the columns, or 2 for a binary classifier. */
    int classes() {
        return columns == 1 ? 2 : columns;
    }

    /** The score of class {@code column} for example {@code row} (the one score of a binary classifier at column 0). */
    double score(int row, int column) {
        return scores[row * columns + column];
    }

    /** The predicted class of example {@code row}: the first largest score, or the binary score above the threshold. */
    long predicted(int row) {
        if (columns == 1) {
            return score(row, 0) > kind.threshold() ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < columns; c++) {
            if (score(row, c) > score(row, best)) {
                best = c;
            }
        }
        return best;
    }

    /** The predicted class of every example. */
    long[] predicted() {
        long[] predicted = new long[rows];
        for (int i = 0; i < rows; i++) {
            predicted[i] = predicted(i);
        }
        return predicted;
    }
}
