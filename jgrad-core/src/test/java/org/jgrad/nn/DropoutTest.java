package org.jgrad.nn;

import static org.jgrad.nn.ActivationsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link Dropout}: the fraction kept, the scaling, evaluation as identity, reproducible masks,
 * and the equivalence in expectation with the decks' rule (scale the weights by {@code 1 − p}
 * at test time). Statistical tests use fixed seeds and 5-sigma bounds.
 */
class DropoutTest {

    @Test
    void keepsAFractionOneMinusPAndScalesTheKeptUnits() {
        int n = 100_000;
        for (double p : new double[] {0.2, 0.5, 0.9}) {
            double[] y = new Dropout(p, new Rng(1)).forward(Tensor.ones(DType.FLOAT64, n)).toDoubleArray();
            long kept = Arrays.stream(y).filter(v -> v != 0).count();
            assertEquals(1 - p, (double) kept / n, 5 * Math.sqrt(p * (1 - p) / n), "fraction kept, p = " + p);
            assertTrue(Arrays.stream(y).allMatch(v -> v == 0 || v == 1 / (1 - p)), "kept units are scaled by 1/(1-p)");
            double mean = Arrays.stream(y).average().orElseThrow();
            assertEquals(1, mean, 5 * Math.sqrt(p / (1 - p) / n), "the mean is preserved, p = " + p);
        }
    }

    @Test
    void isTheIdentityInEvaluationAndForPZero() {
        Tensor x = Tensor.randn(new Rng(2), 3, 4);
        Dropout dropout = new Dropout(0.5);
        dropout.eval();
        assertSame(x, dropout.forward(x));
        assertSame(x, new Dropout(0).forward(x));
    }

    @Test
    void sameSeedGivesTheSameMasksAndEachPassANewOne() {
        Tensor x = Tensor.ones(1000);
        Dropout a = new Dropout(0.5, new Rng(7));
        Dropout b = new Dropout(0.5, new Rng(7));
        float[] first = a.forward(x).toFloatArray();
        assertArrayEquals(first, b.forward(x).toFloatArray());
        assertFalse(Arrays.equals(first, a.forward(x).toFloatArray()), "a new mask on every pass");

        a.initialize(new Rng(3));
        b.initialize(new Rng(3));
        float[] restarted = a.forward(x).toFloatArray();
        assertArrayEquals(restarted, b.forward(x).toFloatArray(), "initialize restarts the stream");
        a.initialize(new Rng(3));
        assertArrayEquals(restarted, a.forward(x).toFloatArray());
    }

    @Test
    void gradientFlowsThroughKeptUnitsOnly() {
        Dropout dropout = new Dropout(0.4);
        ModuleGradCheck.assertPasses(dropout, Tensor.randn(new Rng(4), DType.FLOAT64, 3, 5), 7);
        Tensor x = Tensor.randn(new Rng(5), DType.FLOAT64, 50).requiresGrad();
        Tensor y = dropout.forward(x);
        y.sum().backward();
        double[] scale = y.div(x).toDoubleArray();
        assertArrayEquals(scale, x.grad().toDoubleArray(), 1e-15, "dy/dx is the scaled mask");
    }

    /**
     * The decks train with an unscaled mask and, at test time, multiply the weights leaving the
     * dropped layer by {@code 1 − p}. A jgrad layer whose next weights are {@code W = (1 − p)·W_decks}
     * computes the decks' training pass exactly, mask for mask, and its evaluation output is the
     * decks' test-time output; averaged over many training passes it converges there.
     */
    @Test
    void equalsTheDecksWeightScalingRuleInExpectation() {
        double p = 0.5;
        Rng rng = new Rng(8);
        Tensor x = Tensor.randn(rng, DType.FLOAT64, 1, 6);
        Tensor decksWeight = Tensor.randn(rng, DType.FLOAT64, 3, 6);
        Tensor bias = Tensor.randn(rng, DType.FLOAT64, 3);
        Linear next = new Linear(6, 3);
        next.to(DType.FLOAT64);
        next.weight().set(decksWeight.mul(1 - p));
        next.bias().set(bias);
        Dropout dropout = new Dropout(p, new Rng(9));
        Sequential model = new Sequential(dropout, next);

        // One training pass: the decks' unscaled mask with their weights.
        Tensor dropped = dropout.forward(x);
        Tensor mask = dropped.ne(0);
        Tensor decksTrainingPass = x.mul(mask).matmul(decksWeight.t()).add(bias);
        assertArrayEquals(decksTrainingPass.toDoubleArray(), next.forward(dropped).toDoubleArray(), 1e-12);

        // Evaluation: the decks' network with weights scaled by (1 − p) at test time.
        Tensor decksTest = x.matmul(decksWeight.mul(1 - p).t()).add(bias);
        model.eval();
        Tensor evaluation = model.forward(x);
        assertArrayEquals(decksTest.toDoubleArray(), evaluation.toDoubleArray(), 1e-12);

        // The mean of many training passes.
        model.train();
        int passes = 20_000;
        Tensor sum = Tensor.zeros(DType.FLOAT64, 1, 3);
        for (int i = 0; i < passes; i++) {
            sum = sum.add(model.forward(x).detach());
        }
        double[] mean = sum.div(passes).toDoubleArray();
        // Var of output j in one pass: Σ_i W_ji² x_i² · p / (1 − p).
        double[] variance = next.weight().value().mul(next.weight().value()).matmul(x.mul(x).t()).mul(p / (1 - p))
                .toDoubleArray();
        for (int j = 0; j < 3; j++) {
            assertEquals(decksTest.get(0, j), mean[j], 5 * Math.sqrt(variance[j] / passes), "output " + j);
        }
    }

    @Test
    void eachLayerUsesItsOwnRate() {
        Dropout input = new Dropout(0.2, new Rng(1));
        Dropout hidden = new Dropout(0.5, new Rng(2));
        Sequential model = new Sequential(input, new Linear(200, 500), new Tanh(), hidden, new Linear(500, 10));
        double[] kept = new double[2];
        input.addForwardHook((m, in, out) -> kept[0] += fractionKept(in, out));
        hidden.addForwardHook((m, in, out) -> kept[1] += fractionKept(in, out));
        int passes = 50;
        for (int i = 0; i < passes; i++) {
            model.forward(Tensor.randn(new Rng(i), 20, 200));
        }
        assertEquals(0.8, kept[0] / passes, 5 * Math.sqrt(0.2 * 0.8 / (passes * 20 * 200)));
        assertEquals(0.5, kept[1] / passes, 5 * Math.sqrt(0.5 * 0.5 / (passes * 20 * 500)));
        assertEquals("Dropout(p=0.2)", input.toString());
    }

    private static double fractionKept(Tensor in, Tensor out) {
        double nonZero = in.ne(0).sum().item();
        return out.ne(0).sum().item() / nonZero;
    }

    @Test
    void rejectsProbabilitiesOutsideZeroToOne() {
        assertMessage("Dropout: probability p must be in [0, 1), got 1.0", () -> new Dropout(1));
        assertMessage("Dropout: probability p must be in [0, 1), got -0.1", () -> new Dropout(-0.1));
        assertMessage("Dropout: probability p must be in [0, 1), got NaN", () -> new Dropout(Double.NaN));
    }
}
