package org.jgrad.nn.penalty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.Tensor;
import org.jgrad.nn.Module;
import org.jgrad.nn.Sequential;
import org.junit.jupiter.api.Test;

/** {@link ActivityPenalty}: {@code λ·Σ |h|} of a hidden layer's latest output, its gradient, its misuse. */
class ActivityPenaltyTest {

    private static final double EPS = 1e-12;

    private final Affine hidden = new Affine(Tensor.of(new double[] {1, -1, 0.5, 2, 0, -1}, 2, 3),
            Tensor.of(new double[] {0.5, -0.25}));
    private final Affine output = new Affine(Tensor.of(new double[] {1, 1}, 1, 2), Tensor.of(new double[] {0}));
    private final Module model = new Sequential(hidden, output);
    private final Tensor x = Tensor.of(new double[] {1, 2, 3, -1, 0, 2}, 2, 3);

    /**
     * h = x·Wᵀ + b = [[1 − 2 + 1.5 + 0.5, 2 + 0 − 3 − 0.25], [−1 + 0 + 1 + 0.5, −2 + 0 − 2 − 0.25]]
     * = [[1, −1.25], [0.5, −4.25]], so Σ|h| = 7 and ∂/∂W = λ·sign(h)ᵀ·x, ∂/∂b = λ·Σ_n sign(h_n).
     */
    @Test
    void penalizesTheAbsoluteActivationsOfTheLatestForwardPass() {
        try (ActivityPenalty sparsity = new ActivityPenalty(hidden, 0.1)) {
            model.forward(x);
            Tensor penalty = sparsity.of(model);
            assertEquals(0.7, penalty.item(), EPS);
            penalty.backward();
            Tensor signs = Tensor.of(new double[] {1, -1, 1, -1}, 2, 2);
            assertArrayEquals(signs.t().matmul(x).mul(0.1).toDoubleArray(), hidden.weight.grad().toDoubleArray(), EPS);
            assertArrayEquals(new double[] {0.2, -0.2}, hidden.bias.grad().toDoubleArray(), EPS);
            assertNull(output.weight.grad(), "the output layer does not shape the hidden activations");
        }
    }

    @Test
    void aNewForwardPassReplacesTheOldOne() {
        try (ActivityPenalty sparsity = new ActivityPenalty(hidden, 0.1)) {
            model.forward(x);
            model.forward(x.slice(0, 0, 1));
            assertEquals(0.1 * 2.25, sparsity.of(model).item(), EPS);
        }
    }

    @Test
    void composesWithTheLossGradient() {
        try (ActivityPenalty sparsity = new ActivityPenalty(hidden, 0.1)) {
            Tensor out = model.forward(x);
            out.sum().add(sparsity.of(model)).backward();
            // ∂Σout/∂b_hidden = Σ_n W_outᵀ = [2, 2]; the penalty adds [0.2, −0.2].
            assertArrayEquals(new double[] {2.2, 1.8}, hidden.bias.grad().toDoubleArray(), EPS);
        }
    }

    @Test
    void failsBeforeAForwardPassAndAfterClose() {
        ActivityPenalty sparsity = new ActivityPenalty(hidden, 0.1);
        assertTrue(assertThrows(IllegalStateException.class, () -> sparsity.of(model)).getMessage()
                .contains("ActivityPenalty: the watched module Affine has no recorded forward pass"));
        model.forward(x);
        sparsity.close();
        model.forward(x);
        assertThrows(IllegalStateException.class, () -> sparsity.of(model));
    }

    @Test
    void failsForAModelWithoutTheWatchedModule() {
        try (ActivityPenalty sparsity = new ActivityPenalty(hidden, 0.1)) {
            model.forward(x);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> sparsity.of(output)).getMessage()
                    .contains("ActivityPenalty: the watched module Affine is not part of the model"));
        }
    }

    @Test
    void rejectsABadStrength() {
        assertThrows(IllegalArgumentException.class, () -> new ActivityPenalty(hidden, Double.NaN));
    }
}
