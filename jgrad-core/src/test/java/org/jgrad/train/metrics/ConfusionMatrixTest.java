package org.jgrad.train.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A three-class confusion matrix worked out by hand. Ten examples:
 *
 * <pre>
 * actual    0 0 0 0 1 1 1 2 2 2
 * predicted 0 0 1 2 1 1 0 2 2 1
 *
 *            predicted
 *             0  1  2     recall
 * actual 0    2  1  1     2/4
 *        1    1  2  0     2/3
 *        2    0  1  2     2/3
 * precision  2/3 2/4 2/3
 *
 * F1_0 = 2·(2/3·1/2)/(2/3 + 1/2) = 4/7,  F1_1 = 2·(1/2·2/3)/(1/2 + 2/3) = 4/7,  F1_2 = 2/3
 * macro precision = (2/3 + 1/2 + 2/3)/3 = 11/18,  macro recall = 11/18
 * macro F1 = (4/7 + 4/7 + 2/3)/3 = 38/63 (the mean of the F1s, not the F1 of the means)
 * accuracy = 6/10
 * </pre>
 */
class ConfusionMatrixTest {

    static final long[] ACTUAL = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    static final long[] PREDICTED = {0, 0, 1, 2, 1, 1, 0, 2, 2, 1};

    /** Logits whose largest entry is at the predicted class. */
    static Tensor logits() {
        float[] values = new float[3 * PREDICTED.length];
        for (int i = 0; i < PREDICTED.length; i++) {
            for (int c = 0; c < 3; c++) {
                values[3 * i + c] = c == PREDICTED[i] ? 2.5f : -0.5f * c;
            }
        }
        return Tensor.of(values, PREDICTED.length, 3);
    }

    @Test
    void countsAndPerClassFiguresMatchTheHandComputation() {
        ConfusionMatrix m = ConfusionMatrix.of(logits(), Tensor.of(ACTUAL, ACTUAL.length));
        assertArrayEquals(new long[][] {{2, 1, 1}, {1, 2, 0}, {0, 1, 2}}, m.counts());
        assertEquals(10, m.total());
        assertEquals(0.6, m.accuracy(), 1e-15);
        assertArrayEquals(new double[] {2.0 / 3, 0.5, 2.0 / 3}, m.precisions(), 1e-15);
        assertArrayEquals(new double[] {0.5, 2.0 / 3, 2.0 / 3}, m.recalls(), 1e-15);
        assertArrayEquals(new double[] {4.0 / 7, 4.0 / 7, 2.0 / 3}, m.f1s(), 1e-15);
        assertEquals(11.0 / 18, m.macroPrecision(), 1e-15);
        assertEquals(11.0 / 18, m.macroRecall(), 1e-15);
        assertEquals(38.0 / 63, m.macroF1(), 1e-15);
        assertEquals(4, m.support(0));
        assertEquals(4, m.predictedCount(1));
        assertEquals("""
                t\\p    0   1   2
                0      2   1   1
                1      1   2   0
                2      0   1   2""", m.toString());
    }

    @Test
    void classesThatNeverOccurAreLeftOutOfTheMacroAveragesAndEmptyRatiosAreZero() {
        // Four classes, class 3 neither true nor predicted; class 2 predicted once, never right.
        ConfusionMatrix m = ConfusionMatrix.of(new long[] {0, 0, 1, 1}, new long[] {0, 2, 1, 1}, 4);
        assertEquals(0, m.precision(2));
        assertEquals(0, m.recall(2), "no example of class 2: recall 0, not NaN");
        assertEquals(0, m.f1(3));
        // Averaged over classes 0, 1 and 2: precision (1 + 1 + 0)/3, recall (1/2 + 1 + 0)/3.
        assertEquals(2.0 / 3, m.macroPrecision(), 1e-15);
        assertEquals(0.5, m.macroRecall(), 1e-15);
    }

    @Test
    void binaryScoresAreThresholdedByTheirKind() {
        Tensor target = Tensor.of(new long[] {1, 0, 1, 0}, 4);
        Tensor logits = Tensor.of(new float[] {0.3f, -2, -0.1f, 0.2f}, 4, 1);
        assertArrayEquals(new long[][] {{1, 1}, {1, 1}}, ConfusionMatrix.of(logits, target).counts());
        Tensor probabilities = Tensor.of(new float[] {0.6f, 0.1f, 0.45f, 0.55f}, 4);
        assertArrayEquals(new long[][] {{1, 1}, {1, 1}},
                ConfusionMatrix.of(probabilities, target, Scores.PROBABILITIES).counts());
        Tensor floatTargets = Tensor.of(new float[] {1, 0, 1, 0}, 4, 1);
        assertArrayEquals(new long[][] {{1, 1}, {1, 1}}, ConfusionMatrix.of(logits, floatTargets).counts());
    }

    @Test
    void oneHotTargetsGiveTheirClass() {
        float[] oneHot = new float[3 * ACTUAL.length];
        for (int i = 0; i < ACTUAL.length; i++) {
            oneHot[3 * i + (int) ACTUAL[i]] = 1;
        }
        assertArrayEquals(ConfusionMatrix.of(ACTUAL, PREDICTED, 3).counts(),
                ConfusionMatrix.of(logits(), Tensor.of(oneHot, ACTUAL.length, 3)).counts());
    }

    @Test
    void badInputIsNamed() {
        assertMessage("ConfusionMatrix: 3 true classes but 2 predictions",
                () -> ConfusionMatrix.of(new long[] {0, 1, 1}, new long[] {0, 1}, 2));
        assertMessage("ConfusionMatrix: predicted class 2 of example 1 is out of range [0, 2)",
                () -> ConfusionMatrix.of(new long[] {0, 1}, new long[] {0, 2}, 2));
        assertMessage("ConfusionMatrix: output of shape [10, 3] and target of shape [9] disagree on the number of"
                + " examples", () -> ConfusionMatrix.of(logits(), Tensor.of(new long[9], 9)));
        assertMessage("ConfusionMatrix: float targets of shape [10, 2] must have the output's shape [10, 3] (or"
                + " give int64 class indices of shape [n])", () -> ConfusionMatrix.of(logits(), Tensor.zeros(10, 2)));
        assertMessage("ConfusionMatrix: binary target 0.5 of example 0 is neither 0 nor 1",
                () -> ConfusionMatrix.of(Tensor.zeros(2, 1), Tensor.of(new float[] {0.5f, 1}, 2, 1)));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, action).getMessage());
    }
}
