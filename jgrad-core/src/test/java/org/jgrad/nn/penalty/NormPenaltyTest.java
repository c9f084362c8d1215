package org.jgrad.nn.penalty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.Tensor;
import org.jgrad.nn.Module;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.loss.MSELoss;
import org.junit.jupiter.api.Test;

/**
 * L1, L2 and elastic-net penalties on a two-layer model: their values, their gradients
 * ({@code λ·sign(w)}, {@code λ·w}, the mix) and which parameters they reach.
 */
class NormPenaltyTest {

    private static final double EPS = 1e-12;

    // Σ|W| = 0.5 + 1 + 0 + 2 + 0.25 + 3 + 1 + 1 = 8.75, Σ W² = 0.25 + 1 + 0 + 4 + 0.0625 + 9 + 1 + 1 = 16.3125
    // Σ|b| = 1 + 0.5 + 2 = 3.5,                          Σ b² = 1 + 0.25 + 4 = 5.25
    private static final double[] W1 = {0.5, -1, 0, 2, 0.25, -3};
    private static final double[] W2 = {1, -1};
    private static final double[] B1 = {1, -0.5};
    private static final double[] B2 = {2};

    private final Affine first = new Affine(Tensor.of(W1, 2, 3), Tensor.of(B1));
    private final Affine second = new Affine(Tensor.of(W2, 1, 2), Tensor.of(B2));
    private final Module model = new Sequential(first, second);

    @Test
    void l1PenalizesTheAbsoluteWeights() {
        Tensor penalty = new L1Penalty(0.1).of(model);
        assertEquals(0.1 * 8.75, penalty.item(), EPS);
        penalty.backward();
        assertArrayEquals(new double[] {0.1, -0.1, 0, 0.1, 0.1, -0.1}, first.weight.grad().toDoubleArray(), EPS,
                "λ·sign(w), 0 at 0");
        assertArrayEquals(new double[] {0.1, -0.1}, second.weight.grad().toDoubleArray(), EPS);
        assertNull(first.bias.grad(), "biases are not penalized by default");
        assertNull(second.bias.grad());
    }

    @Test
    void penaltiesAddUp() {
        Regularizer both = new L1Penalty(0.1).plus(new L2Penalty(0.2));
        assertEquals(0.1 * 8.75 + 0.2 / 2 * 16.3125, both.of(model).item(), EPS);
    }

    @Test
    void l2IsWeightDecay() {
        Tensor penalty = new L2Penalty(0.2).of(model);
        assertEquals(0.2 / 2 * 16.3125, penalty.item(), EPS);
        penalty.backward();
        assertArrayEquals(Tensor.of(W1).mul(0.2).toDoubleArray(), first.weight.grad().toDoubleArray(), EPS, "λ·w");
        assertArrayEquals(Tensor.of(W2).mul(0.2).toDoubleArray(), second.weight.grad().toDoubleArray(), EPS);
        assertNull(first.bias.grad());
    }

    @Test
    void biasesArePenalizedWhenAsked() {
        Tensor l2 = new L2Penalty(0.2, Penalize.ALL).of(model);
        assertEquals(0.1 * (16.3125 + 5.25), l2.item(), EPS);
        l2.backward();
        assertArrayEquals(new double[] {0.2, -0.1}, first.bias.grad().toDoubleArray(), EPS);
        assertArrayEquals(new double[] {0.4}, second.bias.grad().toDoubleArray(), EPS);
        model.zeroGrad();
        Tensor l1 = new L1Penalty(0.1, Penalize.ALL).of(model);
        assertEquals(0.1 * (8.75 + 3.5), l1.item(), EPS);
        l1.backward();
        assertArrayEquals(new double[] {0.1, -0.1}, first.bias.grad().toDoubleArray(), EPS);
    }

    @Test
    void elasticNetMixesL1AndL2() {
        double lambda = 0.3;
        double alpha = 0.25;
        Tensor penalty = new ElasticNetPenalty(lambda, alpha).of(model);
        assertEquals(lambda * (alpha * 8.75 + (1 - alpha) * 16.3125 / 2), penalty.item(), EPS);
        penalty.backward();
        Tensor w = Tensor.of(W1);
        Tensor expected = w.sign().mul(alpha).add(w.mul(1 - alpha)).mul(lambda);
        assertArrayEquals(expected.toDoubleArray(), first.weight.grad().toDoubleArray(), EPS);
        assertNull(first.bias.grad());
    }

    @Test
    void elasticNetEndsAreL1AndL2() {
        assertEquals(new L1Penalty(0.3).of(model).item(), new ElasticNetPenalty(0.3, 1).of(model).item(), EPS);
        assertEquals(new L2Penalty(0.3).of(model).item(), new ElasticNetPenalty(0.3, 0).of(model).item(), EPS);
    }

    /** The penalty's gradient adds to the loss's: ∂(L + λ/2·‖W‖²)/∂W = ∂L/∂W + λ·W. */
    @Test
    void composesWithAnyLoss() {
        Tensor x = Tensor.of(new double[] {1, 2, -1, 0.5, 0, 3}, 2, 3);
        Tensor y = Tensor.of(new double[] {0.5, -1}, 2, 1);
        new MSELoss().forward(model.forward(x), y).backward();
        double[] lossGradient = first.weight.grad().toDoubleArray();
        model.zeroGrad();
        new MSELoss().forward(model.forward(x), y).add(new L2Penalty(0.5).of(model)).backward();
        assertArrayEquals(Tensor.of(lossGradient).add(Tensor.of(W1).mul(0.5)).toDoubleArray(),
                first.weight.grad().toDoubleArray(), EPS);
    }

    @Test
    void sharedParametersCountOnce() {
        assertEquals(0.1 * 2, new L1Penalty(0.1).of(new Sequential(second, second)).item(), EPS);
    }

    @Test
    void nothingToPenalizeGivesZero() {
        Module biasOnly = new Affine(Tensor.zeros(0, 0), Tensor.of(new double[] {1, 2}));
        Tensor none = new L2Penalty(1).of(new Sequential());
        assertEquals(0, none.item());
        assertFalse(none.isRequiresGrad());
        assertEquals(0, new L2Penalty(1).of(biasOnly).item(), "the empty weight matrix");
    }

    @Test
    void rejectsBadStrengths() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new L2Penalty(-1)).getMessage()
                .contains("L2Penalty: lambda must be non-negative and finite, got -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ElasticNetPenalty(1, 1.5)).getMessage()
                .contains("ElasticNetPenalty: alpha must be in [0, 1], got 1.5"));
    }

    @Test
    void printsItsSettings() {
        assertEquals("L1Penalty(lambda=0.01)", new L1Penalty(0.01).toString());
        assertEquals("L2Penalty(lambda=1.0E-4, penalize=all)", new L2Penalty(1e-4, Penalize.ALL).toString());
        assertEquals("ElasticNetPenalty(lambda=0.1, alpha=0.5)", new ElasticNetPenalty(0.1, 0.5).toString());
    }
}
