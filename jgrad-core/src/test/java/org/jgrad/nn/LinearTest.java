package org.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.jgrad.nn.init.Init;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Linear}: shapes, initialization, errors, printing, weight noise and gradients. */
class LinearTest {

    @Test
    void mapsTheLastDimensionAndKeepsTheLeadingOnes() {
        Linear layer = new Linear(4, 3);
        assertArrayEquals(new int[] {3}, layer.forward(Tensor.ones(4)).shape());
        assertArrayEquals(new int[] {5, 3}, layer.forward(Tensor.ones(5, 4)).shape());
        assertArrayEquals(new int[] {2, 3, 3}, layer.forward(Tensor.ones(2, 3, 4)).shape());
        assertArrayEquals(new int[] {0, 3}, layer.forward(Tensor.ones(0, 4)).shape());
    }

    @Test
    void computesXTimesWTransposedPlusB() {
        Linear layer = new Linear(2, 3);
        layer.weight().set(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
        layer.bias().set(Tensor.of(new float[] {0.5f, -1, 0}));
        Tensor y = layer.forward(Tensor.of(new float[] {1, 1, 2, -1}, 2, 2));
        assertArrayEquals(new float[] {3.5f, 6, 11, 0.5f, 1, 4}, y.toFloatArray());
        // Leading dimensions give the same rows as a batch.
        Tensor nested = layer.forward(Tensor.of(new float[] {1, 1, 2, -1}, 1, 2, 1, 2));
        assertArrayEquals(new int[] {1, 2, 1, 3}, nested.shape());
        assertArrayEquals(y.toFloatArray(), nested.toFloatArray());
    }

    @Test
    void storesTheWeightAsPyTorchDoes() {
        Linear layer = new Linear(784, 256);
        assertArrayEquals(new int[] {256, 784}, layer.weight().shape());
        assertArrayEquals(new int[] {256}, layer.bias().shape());
        assertEquals(List.of("weight", "bias"), List.copyOf(layer.namedParameters().keySet()));
        assertEquals(784 * 256 + 256, layer.parameterCount());
        assertEquals(784, layer.inFeatures());
        assertEquals(256, layer.outFeatures());
    }

    @Test
    void withoutBiasHasOnlyAWeight() {
        Linear layer = new Linear(3, 2, false);
        assertNull(layer.bias());
        assertEquals(List.of("weight"), List.copyOf(layer.namedParameters().keySet()));
        layer.weight().set(Tensor.ones(2, 3));
        assertArrayEquals(new float[] {6, 6}, layer.forward(Tensor.of(new float[] {1, 2, 3})).toFloatArray());
    }

    @Test
    void defaultsToPyTorchsInitialization() {
        Linear layer = new Linear(400, 300);
        double bound = 1 / Math.sqrt(400);
        double[] w = layer.weight().value().toDoubleArray();
        double[] b = layer.bias().value().toDoubleArray();
        assertTrue(Arrays.stream(w).allMatch(v -> Math.abs(v) <= bound));
        assertTrue(Arrays.stream(b).allMatch(v -> Math.abs(v) <= bound));
        double variance = Arrays.stream(w).map(v -> v * v).average().orElseThrow();
        assertEquals(bound * bound / 3, variance, 5 * bound * bound * Math.sqrt(4.0 / 45 / w.length));
        assertTrue(Arrays.stream(b).filter(v -> v != 0).count() > 290, "the bias is drawn too");
    }

    @Test
    void takesAnInitializerAndAnRng() {
        Linear he = new Linear(500, 400, Init.heNormal());
        double[] w = he.weight().value().toDoubleArray();
        double variance = Arrays.stream(w).map(v -> v * v).average().orElseThrow();
        assertEquals(2.0 / 500, variance, 5 * 2.0 / 500 * Math.sqrt(2.0 / w.length));
        assertArrayEquals(new float[400], he.bias().value().toFloatArray());

        float[] seeded = new Linear(5, 4, true, Init.heNormal(), new Rng(3)).weight().value().toFloatArray();
        assertArrayEquals(seeded, new Linear(5, 4, true, Init.heNormal(), new Rng(3)).weight().value().toFloatArray());
        assertFalse(Arrays.equals(seeded, new Linear(5, 4, true, Init.heNormal(), new Rng(4)).weight().value()
                .toFloatArray()));
        // Without an Rng, layers of one shape start equal (new Rng(0)).
        assertArrayEquals(new Linear(5, 4).weight().value().toFloatArray(),
                new Linear(5, 4).weight().value().toFloatArray());
    }

    @Test
    void initializeRedrawsWithTheLayersInitializer() {
        Linear layer = new Linear(6, 5, true, Init.constant(0.5), new Rng(1));
        layer.weight().set(Tensor.zeros(5, 6));
        layer.initialize(new Rng(2));
        assertArrayEquals(Tensor.full(0.5, 5, 6).toFloatArray(), layer.weight().value().toFloatArray());
        assertArrayEquals(new float[5], layer.bias().value().toFloatArray());
    }

    @Test
    void rejectsAnInitializerThatDrawsTheWrongShape() {
        var e = assertThrows(IllegalStateException.class,
                () -> new Linear(3, 2, true, (rng, fanOut, fanIn) -> Tensor.ones(fanIn, fanOut), new Rng(0)));
        assertTrue(e.getMessage().startsWith("Linear(3, 2): "), e.getMessage());
        assertTrue(e.getMessage().endsWith("drew a weight of shape [3, 2], expected [2, 3]"), e.getMessage());
    }

    @Test
    void errorsNameTheLayerAndTheShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Linear(784, 256).forward(Tensor.zeros(128, 785)));
        assertEquals("Linear(784, 256): expected input [*, 784], got [128, 785]", e.getMessage());
        var scalar = assertThrows(IllegalArgumentException.class, () -> new Linear(2, 1).forward(Tensor.scalar(1)));
        assertEquals("Linear(2, 1): expected input [*, 2], got []", scalar.getMessage());
        var size = assertThrows(IllegalArgumentException.class, () -> new Linear(0, 3));
        assertEquals("Linear(0, 3): in- and out-features must be positive", size.getMessage());
        var noise = assertThrows(IllegalArgumentException.class, () -> new Linear(2, 1).weightNoise(-0.1));
        assertEquals("Linear(2, 1): weight noise must be non-negative and finite, got -0.1", noise.getMessage());
    }

    @Test
    void printsLikePyTorch() {
        assertEquals("Linear(784, 256)", new Linear(784, 256).toString());
        assertEquals("Linear(784, 256, bias=false)", new Linear(784, 256, false).toString());
        assertEquals("Linear(3, 2, weightNoise=0.05)", new Linear(3, 2).weightNoise(0.05).toString());
    }

    @Test
    void weightNoiseIsFreshAtEachTrainingPassAndOffInEvaluation() {
        Linear layer = new Linear(4, 3).weightNoise(0.1);
        Tensor x = Tensor.ones(2, 4);
        Tensor clean;
        try (var scope = GradMode.noGrad()) {
            clean = x.matmul(layer.weight().value().t()).add(layer.bias().value());
        }
        float[] first = layer.forward(x).toFloatArray();
        float[] second = layer.forward(x).toFloatArray();
        assertFalse(Arrays.equals(first, clean.toFloatArray()));
        assertFalse(Arrays.equals(first, second));
        layer.eval();
        assertArrayEquals(clean.toFloatArray(), layer.forward(x).toFloatArray());
    }

    @Test
    void weightNoiseHasTheGivenSpreadAndRestartsWithInitialize() {
        int in = 1000;
        Linear layer = new Linear(in, 1, false, Init.zeros(), new Rng(0)).weightNoise(0.2);
        // With W = 0 and an input of ones, each output is a sum of 1000 noise values: variance 1000·σ².
        double[] sums = new double[400];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = layer.forward(Tensor.ones(in)).item();
        }
        double variance = Arrays.stream(sums).map(v -> v * v).average().orElseThrow();
        assertEquals(in * 0.04, variance, 5 * in * 0.04 * Math.sqrt(2.0 / sums.length));

        layer.initialize(new Rng(9));
        double first = layer.forward(Tensor.ones(in)).item();
        layer.initialize(new Rng(9));
        assertEquals(first, layer.forward(Tensor.ones(in)).item());
    }

    @Test
    void weightNoiseLetsTheGradientReachTheWeight() {
        Linear layer = new Linear(3, 2).weightNoise(0.5);
        Tensor x = Tensor.of(new float[] {1, 2, 3});
        layer.forward(x).sum().backward();
        // d/dW of Σ (W + ε) x is x in every row, whatever ε was.
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, layer.weight().grad().toFloatArray());
        ModuleGradCheck.assertPasses(layer, Tensor.randn(new Rng(5), DType.FLOAT64, 4, 3), 11);
    }

    @ParameterizedTest(name = "bias={0}")
    @ValueSource(booleans = {true, false})
    void gradientsMatchFiniteDifferences(boolean bias) {
        Linear layer = new Linear(4, 3, bias);
        ModuleGradCheck.assertPasses(layer, Tensor.randn(new Rng(1), DType.FLOAT64, 4));
        ModuleGradCheck.assertPasses(layer, Tensor.randn(new Rng(2), DType.FLOAT64, 5, 4));
        ModuleGradCheck.assertPasses(layer, Tensor.randn(new Rng(3), DType.FLOAT64, 2, 3, 4));
    }

    @Test
    void acceptsNonContiguousInputs() {
        Linear layer = new Linear(4, 3);
        Tensor x = Tensor.randn(new Rng(4), 3, 2, 4).transpose(0, 1);
        assertArrayEquals(layer.forward(x.contiguous()).toFloatArray(), layer.forward(x).toFloatArray());
        Tensor columns = Tensor.randn(new Rng(5), 4, 6).t();
        assertArrayEquals(layer.forward(columns.contiguous()).toFloatArray(), layer.forward(columns).toFloatArray());
    }
}
