package org.jgrad.nn;

import static org.jgrad.nn.ActivationsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.junit.jupiter.api.Test;

/**
 * {@link BatchNorm1d}: batch statistics in training, running statistics in evaluation, the
 * running updates, gradients in both modes and errors. Values against PyTorch are in {@link
 * ActivationReferenceTest}.
 */
class BatchNorm1dTest {

    /** A float64 layer with random γ and β. */
    private static BatchNorm1d randomLayer(Rng rng, int features) {
        BatchNorm1d layer = new BatchNorm1d(features);
        layer.to(DType.FLOAT64);
        layer.weight().set(Tensor.randn(rng, DType.FLOAT64, features));
        layer.bias().set(Tensor.randn(rng, DType.FLOAT64, features));
        return layer;
    }

    @Test
    void trainingGradientsMatchFiniteDifferencesOnRandomShapes() {
        Rng rng = new Rng(21);
        for (int trial = 0; trial < 8; trial++) {
            int features = 1 + rng.nextInt(4);
            int[] shape = trial % 2 == 0
                    ? new int[] {2 + rng.nextInt(4), features}
                    : new int[] {1 + rng.nextInt(3), features, 1 + rng.nextInt(4)};
            if (shape.length == 3 && shape[0] * shape[2] == 1) {
                shape[2] = 2;
            }
            BatchNorm1d layer = randomLayer(rng, features);
            Tensor x = Tensor.randn(rng, DType.FLOAT64, shape).mul(2).add(1);
            ModuleGradCheck.assertPasses(layer, x);
        }
    }

    @Test
    void evaluationGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(22);
        BatchNorm1d layer = randomLayer(rng, 3);
        layer.forward(Tensor.randn(rng, DType.FLOAT64, 8, 3));
        layer.eval();
        ModuleGradCheck.assertPasses(layer, Tensor.randn(rng, DType.FLOAT64, 4, 3));
        ModuleGradCheck.assertPasses(layer, Tensor.randn(rng, DType.FLOAT64, 1, 3, 2));
    }

    @Test
    void trainingStandardizesEachFeatureOverTheBatch() {
        Rng rng = new Rng(23);
        BatchNorm1d layer = new BatchNorm1d(3);
        Tensor x = Tensor.randn(rng, DType.FLOAT64, 50, 3).mul(Tensor.of(new double[] {1, 10, 0.1})).add(5);
        Tensor y = layer.forward(x);
        assertArrayEquals(new double[] {0, 0, 0}, y.mean(0, false).toDoubleArray(), 1e-12);
        // With γ = 1 the biased variance is σ² / (σ² + ε).
        double[] variance = x.var(new int[] {0}, 0, false).toDoubleArray();
        double[] expected = new double[3];
        for (int c = 0; c < 3; c++) {
            expected[c] = variance[c] / (variance[c] + 1e-5);
        }
        assertArrayEquals(expected, y.var(new int[] {0}, 0, false).toDoubleArray(), 1e-12);
    }

    @Test
    void runningStatisticsUseMomentumAndTheUnbiasedVariance() {
        BatchNorm1d layer = new BatchNorm1d(2, 1e-5, 0.25);
        Tensor x = Tensor.of(new double[] {1, 10, 3, 20, 8, 60}, 3, 2);
        layer.forward(x);
        // Feature 0: mean 4, unbiased variance 13; feature 1: mean 30, unbiased variance 700.
        assertArrayEquals(new double[] {0.25 * 4, 0.25 * 30}, layer.runningMean().toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0.75 + 0.25 * 13, 0.75 + 0.25 * 700}, layer.runningVar().toDoubleArray(),
                1e-12);
        layer.forward(x);
        assertArrayEquals(new double[] {0.4375 * 4, 0.4375 * 30}, layer.runningMean().toDoubleArray(), 1e-12);
        assertFalse(layer.runningMean().isRequiresGrad(), "the running statistics stay outside the graph");
    }

    @Test
    void evaluationUsesTheRunningStatistics() {
        BatchNorm1d layer = new BatchNorm1d(2);
        layer.weight().set(Tensor.of(new float[] {2, 1}));
        layer.bias().set(Tensor.of(new float[] {1, -1}));
        try (var scope = GradMode.noGrad()) {
            layer.runningMean().copyFrom(Tensor.of(new double[] {1, -2}));
            layer.runningVar().copyFrom(Tensor.of(new double[] {4, 0.25}));
        }
        layer.eval();
        Tensor x = Tensor.of(new double[] {3, -1, 1, 0}, 2, 2);
        double s0 = Math.sqrt(4 + 1e-5);
        double s1 = Math.sqrt(0.25 + 1e-5);
        double[] expected = {2 * 2 / s0 + 1, 1 / s1 - 1, 1, 2 / s1 - 1};
        assertArrayEquals(expected, layer.forward(x).toDoubleArray(), 1e-6);
        assertArrayEquals(new double[] {1, -2}, layer.runningMean().toDoubleArray(), "evaluation updates nothing");
        assertEquals(DType.FLOAT32, layer.forward(x.to(DType.FLOAT32)).dtype(), "float32 in, float32 out");
        assertArrayEquals(new int[] {1, 2}, layer.forward(Tensor.ones(1, 2)).shape(), "one example is fine");
    }

    @Test
    void keepsItsStateUnderPyTorchsNames() {
        BatchNorm1d layer = new BatchNorm1d(5);
        assertEquals(List.of("weight", "bias"), List.copyOf(layer.namedParameters().keySet()));
        assertEquals(List.of("running_mean", "running_var"), List.copyOf(layer.namedBuffers().keySet()));
        assertEquals(List.of("weight", "bias", "running_mean", "running_var"), List.copyOf(layer.stateDict().keySet()));
        assertArrayEquals(new float[] {1, 1, 1, 1, 1}, layer.weight().value().toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0, 0, 0}, layer.bias().value().toFloatArray());
        assertEquals(10, layer.parameterCount());
        assertEquals("BatchNorm1d(5, eps=1.0E-5, momentum=0.1)", layer.toString());
    }

    @Test
    void initializeResetsParametersAndRunningStatistics() {
        BatchNorm1d layer = new BatchNorm1d(2);
        layer.weight().set(Tensor.of(new float[] {3, 4}));
        layer.forward(Tensor.of(new float[] {1, 2, 5, 7}, 2, 2));
        layer.initialize(new Rng(1));
        assertArrayEquals(new float[] {1, 1}, layer.weight().value().toFloatArray());
        assertArrayEquals(new double[] {0, 0}, layer.runningMean().toDoubleArray());
        assertArrayEquals(new double[] {1, 1}, layer.runningVar().toDoubleArray());
    }

    @Test
    void badArgumentsAndInputsAreNamed() {
        assertMessage("BatchNorm1d(3): expected more than 1 value per channel when training, got input of shape [1, 3]",
                () -> new BatchNorm1d(3).forward(Tensor.zeros(1, 3)));
        assertMessage("got input of shape [1, 3, 1]", () -> new BatchNorm1d(3).forward(Tensor.zeros(1, 3, 1)));
        assertMessage("BatchNorm1d(3): expected input [N, 3] or [N, 3, L], got [4, 2]",
                () -> new BatchNorm1d(3).forward(Tensor.zeros(4, 2)));
        assertMessage("BatchNorm1d(3): expected input [N, 3] or [N, 3, L], got [3]",
                () -> new BatchNorm1d(3).forward(Tensor.zeros(3)));
        assertMessage("BatchNorm1d: number of features must be positive, got 0", () -> new BatchNorm1d(0));
        assertMessage("BatchNorm1d: eps must be positive and finite, got 0.0", () -> new BatchNorm1d(2, 0, 0.1));
        assertMessage("BatchNorm1d: momentum must be in [0, 1], got 1.5", () -> new BatchNorm1d(2, 1e-5, 1.5));
    }
}
