package org.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.DType;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The CS 1678 deck's worked example of the multiclass SVM hinge loss. The slide's matrix has one
 * column per example and one row per class (cat, car, frog); here each example is a row.
 */
class MultiMarginLossTest {

    private static final double EPS = 1e-12;

    /** Example 1 is a cat, example 2 a car, example 3 a frog; scores in the order cat, car, frog. */
    private static Tensor scores() {
        return Tensor.of(new double[] {
            3.2, 5.1, -1.7,
            1.3, 4.9, 2.0,
            2.2, 2.5, -3.1}, 3, 3);
    }

    private static final Tensor TRUE_CLASSES = Tensor.of(new long[] {0, 1, 2});

    @Test
    void lossesOfTheLectureExample() {
        Tensor losses = new MultiMarginLoss(1.0, Reduction.NONE).forward(scores(), TRUE_CLASSES);
        // max(0, 5.1 − 3.2 + 1) + max(0, −1.7 − 3.2 + 1) = 2.9 + 0
        // max(0, 1.3 − 4.9 + 1) + max(0, 2.0 − 4.9 + 1) = 0 + 0
        // max(0, 2.2 + 3.1 + 1) + max(0, 2.5 + 3.1 + 1) = 6.3 + 6.6
        assertArrayEquals(new double[] {2.9, 0, 12.9}, losses.toDoubleArray(), EPS);
    }

    @Test
    void meanOfTheLectureExample() {
        double mean = new MultiMarginLoss().forward(scores(), TRUE_CLASSES).item();
        assertEquals(15.8 / 3, mean, EPS);
        assertEquals(5.27, mean, 0.005);
        assertEquals(5.3, Math.round(mean * 10) / 10.0, 0, "the slide's rounding");
        assertEquals(15.8, new MultiMarginLoss(1.0, Reduction.SUM).forward(scores(), TRUE_CLASSES).item(), EPS);
    }

    @Test
    void pyTorchsConventionDividesByTheNumberOfClasses() {
        Tensor losses = new MultiMarginLoss(1.0, Reduction.NONE).divideByClasses(true).forward(scores(), TRUE_CLASSES);
        assertArrayEquals(new double[] {2.9 / 3, 0, 12.9 / 3}, losses.toDoubleArray(), EPS);
        assertEquals(15.8 / 9, new MultiMarginLoss().divideByClasses(true).forward(scores(), TRUE_CLASSES).item(), EPS);
    }

    /** Each violating class gets +1 and the true class −1 per violation; averaged over the 3 examples. */
    @Test
    void gradientOfTheLectureExample() {
        Tensor s = scores().requiresGrad();
        new MultiMarginLoss().forward(s, TRUE_CLASSES).backward();
        assertArrayEquals(new double[] {
            -1 / 3.0, 1 / 3.0, 0,
            0, 0, 0,
            1 / 3.0, 1 / 3.0, -2 / 3.0}, s.grad().toDoubleArray(), EPS);
    }

    @Test
    void marginSetsHowFarTheTrueClassMustLead() {
        // The car example leads the runner-up (frog) by 2.9: no loss below that margin, the excess above it.
        Tensor car = scores().select(0, 1);
        Tensor carClass = Tensor.scalar(1, DType.INT64);
        assertEquals(0, new MultiMarginLoss(2.5).forward(car, carClass).item(), EPS);
        assertEquals(3.5 - 2.9, new MultiMarginLoss(3.5).forward(car, carClass).item(), EPS);
    }
}
