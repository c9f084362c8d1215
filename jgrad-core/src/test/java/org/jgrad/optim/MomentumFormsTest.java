package org.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.junit.jupiter.api.Test;

/**
 * The decks' momentum, {@code v ← γ·v − η·∇L}, {@code w ← w + v}, written out by hand, against
 * {@link SGD}'s PyTorch form {@code b ← μ·b + g}, {@code w ← w − η·b}: the same weights and
 * {@code v = −η·b} at every step for a constant η, different weights once η changes.
 */
class MomentumFormsTest {

    private static final double GAMMA = 0.9;

    /** The learning rate of step k (from 0): constant, or cut tenfold from step 3 on. */
    private static double rate(int k, boolean cut) {
        return cut && k >= 3 ? 0.03 : 0.3;
    }

    @Test
    void coincideForAConstantLearningRate() {
        double largest = compare(false);
        assertTrue(largest < 1e-14, "largest weight difference " + largest);
    }

    @Test
    void differWhenTheLearningRateChanges() {
        double largest = compare(true);
        assertTrue(largest > 1e-3, "largest weight difference " + largest);
    }

    /** Runs both forms for 8 steps and returns the largest weight difference seen. */
    private static double compare(boolean cut) {
        var torchForm = new ReferenceProblem();
        var deckForm = new ReferenceProblem();
        var sgd = new SGD(torchForm.parameters, rate(0, cut)).momentum(GAMMA);
        Tensor[] velocity = {deckForm.weight.value().zerosLike(), deckForm.bias.value().zerosLike()};
        double largest = 0;
        for (int k = 0; k < 8; k++) {
            sgd.setLearningRate(rate(k, cut));
            torchForm.backward();
            sgd.step();
            deckForm.backward();
            try (var scope = GradMode.noGrad()) {
                for (int i = 0; i < 2; i++) {
                    var p = deckForm.parameters.get(i);
                    velocity[i] = velocity[i].mul(GAMMA).sub(p.grad().mul(rate(k, cut)));
                    p.value().copyFrom(p.value().add(velocity[i]));
                    double[] expected = torchForm.parameters.get(i).value().toDoubleArray();
                    double[] actual = p.value().toDoubleArray();
                    for (int j = 0; j < expected.length; j++) {
                        largest = Math.max(largest, Math.abs(expected[j] - actual[j]));
                    }
                    if (!cut) {
                        Tensor buffer = sgd.stateDict().get(i + ".momentumBuffer");
                        assertArrayEquals(buffer.mul(-rate(k, cut)).toDoubleArray(), velocity[i].toDoubleArray(),
                                1e-14, "v = −η·b at step " + k);
                    }
                }
            }
        }
        return largest;
    }
}
