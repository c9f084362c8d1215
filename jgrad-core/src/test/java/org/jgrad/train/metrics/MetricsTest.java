package org.jgrad.train.metrics;

import static org.jgrad.train.metrics.ConfusionMatrixTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The built-in metrics against hand-computed values, scikit-learn's documented examples and
 * PyTorch 1.13's losses (the logit log-losses: {@code cross_entropy} and {@code
 * binary_cross_entropy_with_logits} in float64).
 */
class MetricsTest {

    private static final Tensor ACTUAL = Tensor.of(ConfusionMatrixTest.ACTUAL, 10);

    @Test
    void classificationMetricsOfTheWorkedConfusionMatrix() {
        Tensor logits = ConfusionMatrixTest.logits();
        assertEquals(0.6, Metrics.accuracy().of(logits, ACTUAL), 1e-15);
        assertEquals(11.0 / 18, Metrics.precision().of(logits, ACTUAL), 1e-15);
        assertEquals(11.0 / 18, Metrics.recall().of(logits, ACTUAL), 1e-15);
        assertEquals(38.0 / 63, Metrics.f1().of(logits, ACTUAL), 1e-15);
        assertEquals("accuracy", Metrics.accuracy().name());
        assertEquals("f1", Metrics.f1(Scores.PROBABILITIES).name());
    }

    @Test
    void topKCountsTheTrueClassAmongTheKHighestScores() {
        Tensor scores = Tensor.of(new float[] {
            0.7f, 0.2f, 0.1f,    // true 0: first
            0.1f, 0.3f, 0.6f,    // true 1: second
            0.5f, 0.3f, 0.2f,    // true 2: third
            0.4f, 0.4f, 0.2f}, 4, 3); // true 1: tied for first
        Tensor target = Tensor.of(new long[] {0, 1, 2, 1}, 4);
        assertEquals(0.5, Metrics.topK(1).of(scores, target));
        assertEquals(0.75, Metrics.topK(2).of(scores, target));
        assertEquals(1.0, Metrics.topK(3).of(scores, target));
        assertEquals("top_2_accuracy", Metrics.topK(2).name());
    }

    @Test
    void logLossOfProbabilitiesIsScikitLearnsDocumentedExample() {
        // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) = 0.21616...
        Tensor p = Tensor.of(new double[] {0.1, 0.9, 0.9, 0.1, 0.8, 0.2, 0.35, 0.65}, 4, 2);
        Tensor y = Tensor.of(new long[] {1, 0, 0, 1}, 4);
        assertEquals(0.21616187468057912, Metrics.logLoss(Scores.PROBABILITIES).of(p, y), 1e-15);
        // A probability of 0 for the true class is clipped to 1e-15 rather than giving infinity.
        Tensor certain = Tensor.of(new double[] {1, 0}, 1, 2);
        assertEquals(-Math.log(1e-15), Metrics.logLoss(Scores.PROBABILITIES).of(certain, Tensor.of(new long[] {1}, 1)),
                1e-9);
    }

    @Test
    void logLossOfLogitsIsTheCrossEntropy() {
        Tensor logits = Tensor.of(new double[] {2, 1, 0.1, 0.5, 2.5, -1, 1, 1, 1.2, 0.3, 0.2, 0.1}, 4, 3);
        assertEquals(0.7354919938756657, Metrics.logLoss().of(logits, Tensor.of(new long[] {0, 1, 0, 2}, 4)), 1e-15);
        Tensor binary = Tensor.of(new double[] {2, -1, 0.5, -0.3}, 4, 1);
        assertEquals(0.4421554818024573, Metrics.logLoss().of(binary, Tensor.of(new long[] {1, 0, 1, 1}, 4)), 1e-15);
        // No overflow for large logits.
        assertEquals(1000, Metrics.logLoss().of(Tensor.of(new double[] {1000, 0}, 1, 2),
                Tensor.of(new long[] {1}, 1)), 1e-9);
    }

    @Test
    void regressionMetricsAreScikitLearnsDocumentedExamples() {
        // r2_score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) = 0.948...
        Tensor y = Tensor.of(new double[] {3, -0.5, 2, 7}, 4, 1);
        Tensor predicted = Tensor.of(new double[] {2.5, 0, 2, 8}, 4, 1);
        assertEquals(0.9486081370449679, Metrics.r2().of(predicted, y), 1e-15);
        assertEquals(0.375, Metrics.mse().of(predicted, y), 1e-15);
        assertEquals(0.5, Metrics.mae().of(predicted, y), 1e-15);
        // Two outputs, averaged uniformly: y_true = [[0.5, 1], [-1, 1], [7, -6]], y_pred = [[0, 2], [-1, 2], [8, -5]].
        Tensor y2 = Tensor.of(new double[] {0.5, 1, -1, 1, 7, -6}, 3, 2);
        Tensor predicted2 = Tensor.of(new double[] {0, 2, -1, 2, 8, -5}, 3, 2);
        assertEquals(0.9368005266622779, Metrics.r2().of(predicted2, y2), 1e-15);
        assertEquals(0.7083333333333334, Metrics.mse().of(predicted2, y2), 1e-15);
        assertEquals(0.75, Metrics.mae().of(predicted2, y2), 1e-15);
        // Constant targets: 1 when predicted exactly, else 0.
        Tensor constant = Tensor.ones(3, 1);
        assertEquals(1, Metrics.r2().of(constant, constant));
        assertEquals(0, Metrics.r2().of(Tensor.of(new double[] {1, 1, 2}, 3, 1), constant));
    }

    @Test
    void customMetricsHaveANameAndAFunction() {
        Metric count = Metric.of("examples", (output, target) -> output.size(0));
        assertEquals(10, count.of(ConfusionMatrixTest.logits(), ACTUAL));
        assertEquals("examples", count.toString());
        assertMessage("Metric: the name must not be empty", () -> Metric.of(" ", (o, t) -> 0));
    }

    @Test
    void badInputIsNamedWithTheMetricAndTheShapes() {
        Tensor logits = ConfusionMatrixTest.logits();
        assertMessage("accuracy: output of shape [10, 3] and target of shape [5] disagree on the number of examples",
                () -> Metrics.accuracy().of(logits, Tensor.of(new long[5], 5)));
        assertMessage("accuracy: target class 3 of example 1 is out of range [0, 3)",
                () -> Metrics.accuracy().of(logits.slice(0, 0, 2), Tensor.of(new long[] {0, 3}, 2)));
        assertMessage("f1: output of shape [2, 3, 4] is neither [n, C] class scores nor [n] or [n, 1] binary scores",
                () -> Metrics.f1().of(Tensor.zeros(2, 3, 4), Tensor.of(new long[2], 2)));
        assertMessage("accuracy: int64 class indices must have shape [n], got [10, 1]",
                () -> Metrics.accuracy().of(logits, Tensor.of(new long[10], 10, 1)));
        assertMessage("Metrics.topK: k must be at least 1, got 0", () -> Metrics.topK(0));
        assertMessage("top_5_accuracy: needs [n, C] class scores with at least 5 classes, got 3 columns",
                () -> Metrics.topK(5).of(logits, ACTUAL));
        assertMessage("mse: output of shape [4, 1] and target of shape [4] must have the same shape",
                () -> Metrics.mse().of(Tensor.zeros(4, 1), Tensor.zeros(4)));
        assertMessage("r2: needs one row per example, got a scalar",
                () -> Metrics.r2().of(Tensor.scalar(1), Tensor.scalar(1)));
        assertMessage("log_loss: binary targets must have shape [n] or [n, 1], got [4, 2]",
                () -> Metrics.logLoss().of(Tensor.zeros(4, 1), Tensor.zeros(4, 2)));
    }
}
