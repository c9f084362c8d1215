package org.jgrad.train.metrics;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The built-in metrics, named as they appear in a history. Classification metrics read the
 * output as {@link ClassScores} do ({@code [n, C]} class scores or one binary score per example,
 * targets as class indices), by default as {@linkplain Scores#LOGITS logits}; regression metrics
 * compare an output with a target of the same shape, averaging over all elements (R²: over the
 * output columns, scikit-learn's {@code uniform_average}).
 */
public final class Metrics {

    private Metrics() {
    }

    /** {@code accuracy}: the fraction of examples whose predicted class is the true one. */
    public static Metric accuracy() {
        return accuracy(Scores.LOGITS);
    }

    /** {@code accuracy} of an output that holds {@code scores}. */
    public static Metric accuracy(Scores scores) {
        return classification("accuracy", scores, ConfusionMatrix::accuracy);
    }

    /**
     * {@code top_k_accuracy}: the fraction of examples whose true class is among the {@code k}
     * highest scores of an {@code [n, C]} output, i.e. fewer than {@code k} classes score
     * strictly higher (ties count in the example's favor).
     */
    public static Metric topK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Metrics.topK: k must be at least 1, got " + k);
        }
        String name = "top_" + k + "_accuracy";
        return Metric.of(name, (output, target) -> topK(name, k, ClassScores.read(name, output, target, Scores.LOGITS)));
    }

    private static double topK(String name, int k, ClassScores read) {
        if (read.columns() == 1 || k > read.columns()) {
            throw new IllegalArgumentException(name + ": needs [n, C] class scores with at least " + k
                    + " classes, got " + read.columns() + " column" + (read.columns() == 1 ? "" : "s"));
        }
        int hits = 0;
        for (int i = 0; i < read.rows(); i++) {
            double truth = read.score(i, (int) read.actual()[i]);
            int higher = 0;
            for (int c = 0; c < read.columns(); c++) {
                higher += read.score(i, c) > truth ? 1 : 0;
            }
            hits += higher < k ? 1 : 0;
        }
        return read.rows() == 0 ? 0 : (double) hits / read.rows();
    }

    /** {@code precision}: the macro-averaged precision (see {@link ConfusionMatrix}). */
    public static Metric precision() {
        return classification("precision", Scores.LOGITS, ConfusionMatrix::macroPrecision);
    }

    /** {@code recall}: the macro-averaged recall (see {@link ConfusionMatrix}). */
    public static Metric recall() {
        return classification("recall", Scores.LOGITS, ConfusionMatrix::macroRecall);
    }

    /** {@code f1}: the macro-averaged F1, the mean of the per-class F1s (see {@link ConfusionMatrix}). */
    public static Metric f1() {
        return f1(Scores.LOGITS);
    }

    /** {@code f1} of an output that holds {@code scores}. */
    public static Metric f1(Scores scores) {
        return classification("f1", scores, ConfusionMatrix::macroF1);
    }

    private static Metric classification(String name, Scores scores, ToDoubleFunction<ConfusionMatrix> read) {
        Objects.requireNonNull(scores, "scores");
        return Metric.of(name, (output, target) -> {
            ClassScores s = ClassScores.read(name, output, target, scores);
            return read.applyAsDouble(ConfusionMatrix.of(s.actual(), s.predicted(), s.classes()));
        });
    }

    /**
     * {@code log_loss}: the mean negative log-probability of the true class, from logits by a
     * log-softmax (a log-sigmoid for one column), computed without overflow.
     */
    public static Metric logLoss() {
        return logLoss(Scores.LOGITS);
    }

    /**
     * {@code log_loss} of an output that holds {@code scores}; probabilities are clipped to
     * {@code [1e-15, 1 − 1e-15]} and each row rescaled to sum to 1, as scikit-learn's {@code
     * log_loss} does.
     */
    public static Metric logLoss(Scores scores) {
        Objects.requireNonNull(scores, "scores");
        return Metric.of("log_loss", (output, target) -> LogLoss.of(ClassScores.read("log_loss", output, target, scores)));
    }

    /** {@code mse}: the mean squared error. */
    public static Metric mse() {
        return Metric.of("mse", (output, target) -> Regression.read("mse", output, target).meanSquaredError());
    }

    /** {@code mae}: the mean absolute error. */
    public static Metric mae() {
        return Metric.of("mae", (output, target) -> Regression.read("mae", output, target).meanAbsoluteError());
    }

    /**
     * {@code r2}: the coefficient of determination {@code 1 − Σ(y − ŷ)² / Σ(y − ȳ)²} of each
     * output column, averaged over the columns; a column with constant targets scores 1 when
     * predicted exactly and 0 otherwise, as scikit-learn's {@code r2_score}.
     */
    public static Metric r2() {
        return Metric.of("r2", (output, target) -> Regression.read("r2", output, target).r2());
    }
}
