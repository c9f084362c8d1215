package org.jgrad.train.metrics;

import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.jgrad.Tensor;

/**
 * The counts of a classifier's predictions by true and predicted class, and the per-class
 * precision, recall and F1 read from them, as scikit-learn's {@code confusion_matrix} and {@code
 * precision_recall_fscore_support}: row {@code i}, column {@code j} counts the examples of
 * class {@code i} predicted as {@code j}.
 *
 * <pre>
 * precision_c = TP_c / (TP_c + FP_c)     (column c: everything predicted as c)
 * recall_c    = TP_c / (TP_c + FN_c)     (row c: everything that is c)
 * F1_c        = 2·precision_c·recall_c / (precision_c + recall_c)
 * </pre>
 *
 * A ratio whose denominator is 0 is 0, scikit-learn's {@code zero_division} default. The macro
 * averages are plain means over the classes that occur among the targets or the predictions
 * (scikit-learn's label set when none is given); macro F1 is the mean of the per-class F1s, not
 * the F1 of the macro precision and recall.
 */
public final class ConfusionMatrix {

    private final long[][] counts;

    private ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /** The matrix of a classifier's logits (see {@link Scores}) against its targets. */
    public static ConfusionMatrix of(Tensor output, Tensor target) {
        return of(output, target, Scores.LOGITS);
    }

    /** The matrix of a classifier's output, read as {@code scores} say, against its targets. */
    public static ConfusionMatrix of(Tensor output, Tensor target, Scores scores) {
        ClassScores read = ClassScores.read("ConfusionMatrix", output, target, scores);
        return of(read.actual(), read.predicted(), read.classes());
    }

    /** The matrix of {@code predicted} against {@code actual} class indices, each in {@code [0, classes)}. */
    public static ConfusionMatrix of(long[] actual, long[] predicted, int classes) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("ConfusionMatrix: " + actual.length + " true classes but "
                    + predicted.length + " predictions");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("ConfusionMatrix: need at least 1 class, got " + classes);
        }
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            checkClass("true class", actual[i], i, classes);
            checkClass("predicted class", predicted[i], i, classes);
            counts[(int) actual[i]][(int) predicted[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    private static void checkClass(String what, long value, int example, int classes) {
        if (value < 0 || value >= classes) {
            throw new IllegalArgumentException("ConfusionMatrix: " + what + " " + value + " of example " + example
                    + " is out of range [0, " + classes + ")");
        }
    }

    /** The number of classes. */
    public int classes() {
        return counts.length;
    }

    /** How many examples of class {@code actual} were predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** A copy of the counts, rows the true classes and columns the predicted ones. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** The number of examples. */
    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long count : row) {
                total += count;
            }
        }
        return total;
    }

    /** The fraction of examples predicted correctly (0 for no examples). */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return ratio(correct, total());
    }

    /** The number of examples of class {@code c}. */
    public long support(int c) {
        long support = 0;
        for (long count : counts[c]) {
            support += count;
        }
        return support;
    }

    /** The number of examples predicted as class {@code c}. */
    public long predictedCount(int c) {
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[c];
        }
        return predicted;
    }

    /** Of the examples predicted as {@code c}, the fraction that are {@code c}. */
    public double precision(int c) {
        return ratio(counts[c][c], predictedCount(c));
    }

    /** Of the examples of class {@code c}, the fraction predicted as {@code c}. */
    public double recall(int c) {
        return ratio(counts[c][c], support(c));
    }

    /** The harmonic mean of the precision and recall of class {@code c}. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The precision of every class, in class order. */
    public double[] precisions() {
        return perClass(this::precision);
    }

    /** The recall of every class, in class order. */
    public double[] recalls() {
        return perClass(this::recall);
    }

    /** The F1 of every class, in class order. */
    public double[] f1s() {
        return perClass(this::f1);
    }

    /** The mean precision over the classes that occur. */
    public double macroPrecision() {
        return macro(this::precision);
    }

    /** The mean recall over the classes that occur. */
    public double macroRecall() {
        return macro(this::recall);
    }

    /** The mean F1 over the classes that occur. */
    public double macroF1() {
        return macro(this::f1);
    }

    private double[] perClass(IntToDoubleFunction perClass) {
        double[] values = new double[counts.length];
        for (int c = 0; c < values.length; c++) {
            values[c] = perClass.applyAsDouble(c);
        }
        return values;
    }

    private double macro(IntToDoubleFunction perClass) {
        double sum = 0;
        int occurring = 0;
        for (int c = 0; c < counts.length; c++) {
            if (support(c) > 0 || predictedCount(c) > 0) {
                sum += perClass.applyAsDouble(c);
                occurring++;
            }
        }
        return occurring == 0 ? 0 : sum / occurring;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    /** The counts as a table, true classes down and predicted classes across. */
    @Override
    public String toString() {
        int width = Math.max(4, Long.toString(Math.max(total(), counts.length)).length() + 1);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "t\\p"));
        for (int c = 0; c < counts.length; c++) {
            out.append(String.format(Locale.ROOT, "%" + width + "d", c));
        }
        for (int a = 0; a < counts.length; a++) {
            out.append('\n').append(String.format(Locale.ROOT, "%-" + width + "d", a));
            for (long count : counts[a]) {
                out.append(String.format(Locale.ROOT, "%" + width + "d", count));
            }
        }
        return out.toString();
    }
}
