package org.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link TripletLoss} on two triplets in the plane whose losses are worked out by hand. */
class TripletLossTest {

    private static final double EPS = 1e-12;

    // Triplet 1: ‖a − p‖² = 1, ‖a − n‖² = 4, so 1 − 4 + 0.2 < 0 costs nothing.
    // Triplet 2: ‖a − p‖² = 1 + 4 = 5, ‖a − n‖² = 1, so 5 − 1 + 0.2 = 4.2.
    private static Tensor anchor() {
        return Tensor.of(new double[] {0, 0, 1, 1}, 2, 2);
    }

    private static Tensor positive() {
        return Tensor.of(new double[] {1, 0, 2, 3}, 2, 2);
    }

    private static Tensor negative() {
        return Tensor.of(new double[] {0, 2, 1, 2}, 2, 2);
    }

    @Test
    void squaredDistancesAsInFaceNet() {
        TripletLoss loss = new TripletLoss(0.2, Reduction.NONE);
        assertArrayEquals(new double[] {0, 4.2}, loss.forward(anchor(), positive(), negative()).toDoubleArray(), EPS);
        assertEquals(2.1, new TripletLoss(0.2).forward(anchor(), positive(), negative()).item(), EPS);
        assertEquals(4.2, new TripletLoss(0.2, Reduction.SUM).forward(anchor(), positive(), negative()).item(), EPS);
    }

    @Test
    void plainDistancesAsPyTorch() {
        // Triplet 1: 1 − 2 + 0.2 < 0; triplet 2: √5 − 1 + 0.2. PyTorch's eps = 1e−6 moves them by ~1e−6.
        Tensor losses = new TripletLoss(0.2, Reduction.NONE).squared(false).forward(anchor(), positive(), negative());
        assertArrayEquals(new double[] {0, Math.sqrt(5) - 0.8}, losses.toDoubleArray(), 1e-5);
    }

    /**
     * Triplet 2 under the sum: ∂/∂a = 2(a − p) − 2(a − n) = 2(n − p), ∂/∂p = −2(a − p), ∂/∂n =
     * 2(a − n); triplet 1 costs nothing and gets no gradient.
     */
    @Test
    void gradientsOfSquaredDistances() {
        Tensor a = anchor().requiresGrad();
        Tensor p = positive().requiresGrad();
        Tensor n = negative().requiresGrad();
        new TripletLoss(0.2, Reduction.SUM).forward(a, p, n).backward();
        assertArrayEquals(new double[] {0, 0, -2, -2}, a.grad().toDoubleArray(), EPS);
        assertArrayEquals(new double[] {0, 0, 2, 4}, p.grad().toDoubleArray(), EPS);
        assertArrayEquals(new double[] {0, 0, 0, -2}, n.grad().toDoubleArray(), EPS);
    }

    @Test
    void unbatchedTripletGivesAScalar() {
        Tensor loss = new TripletLoss(0.2, Reduction.NONE).forward(anchor().select(0, 1), positive().select(0, 1),
                negative().select(0, 1));
        assertArrayEquals(new int[0], loss.shape());
        assertEquals(4.2, loss.item(), EPS);
    }
}
