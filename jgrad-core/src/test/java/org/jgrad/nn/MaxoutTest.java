package org.jgrad.nn;

import static org.jgrad.nn.ActivationsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.nn.init.Init;
import org.junit.jupiter.api.Test;

/** {@link Maxout}: the maximum of k affine pieces, its shapes, gradients, ties and initialization. */
class MaxoutTest {

    @Test
    void takesTheLargestPieceOfEachUnit() {
        // Unit 0: max(x₀, x₁); unit 1: max(−x₀ + 1, 2·x₁, 0).
        Maxout layer = new Maxout(2, 2, 3);
        layer.weight().set(Tensor.of(new float[] {1, 0, 0, 1, 1, 0, -1, 0, 0, 2, 0, 0}, 6, 2));
        layer.bias().set(Tensor.of(new float[] {0, 0, -100, 1, 0, 0}));
        Tensor x = Tensor.of(new float[] {3, -1, -2, 0.5f}, 2, 2);
        assertArrayEquals(new float[] {3, 0, 0.5f, 3}, layer.forward(x).toFloatArray());
    }

    @Test
    void twoPiecesCanBeReluOrAbs() {
        Tensor x = Tensor.of(new float[] {-3, -0.5f, 2, 4}, 4, 1);
        Maxout relu = new Maxout(1, 1, 2, Init.zeros());
        relu.weight().set(Tensor.of(new float[] {1, 0}, 2, 1));
        assertArrayEquals(new float[] {0, 0, 2, 4}, relu.forward(x).toFloatArray());
        Maxout abs = new Maxout(1, 1, 2, Init.zeros());
        abs.weight().set(Tensor.of(new float[] {1, -1}, 2, 1));
        assertArrayEquals(new float[] {3, 0.5f, 2, 4}, abs.forward(x).toFloatArray());
    }

    @Test
    void mapsTheLastDimensionAndKeepsTheLeadingOnes() {
        Maxout layer = new Maxout(4, 3, 2);
        assertArrayEquals(new int[] {3}, layer.forward(Tensor.ones(4)).shape());
        assertArrayEquals(new int[] {5, 3}, layer.forward(Tensor.ones(5, 4)).shape());
        assertArrayEquals(new int[] {2, 3, 3}, layer.forward(Tensor.ones(2, 3, 4)).shape());
        assertArrayEquals(new int[] {0, 3}, layer.forward(Tensor.ones(0, 4)).shape());
        Tensor x = Tensor.randn(new Rng(2), 2, 3, 4);
        assertArrayEquals(layer.forward(x.reshape(6, 4)).toFloatArray(), layer.forward(x).toFloatArray());
    }

    @Test
    void gradientsMatchFiniteDifferencesOnRandomShapes() {
        Rng rng = new Rng(11);
        for (int trial = 0; trial < 6; trial++) {
            int in = 1 + rng.nextInt(4);
            int out = 1 + rng.nextInt(3);
            int k = 1 + rng.nextInt(4);
            int[] shape = ActivationsTest.randomShape(rng, 1);
            shape[shape.length - 1] = in;
            Maxout layer = new Maxout(in, out, k, Init.normal(1));
            layer.initialize(rng.split());
            ModuleGradCheck.assertPasses(layer, Tensor.randn(rng, DType.FLOAT64, shape));
        }
    }

    @Test
    void tiedPiecesShareTheGradientEvenly() {
        Maxout layer = new Maxout(1, 1, 2, Init.constant(2));
        layer.to(DType.FLOAT64);
        Tensor x = Tensor.of(new double[] {3}, 1, 1).requiresGrad();
        layer.forward(x).sum().backward();
        assertArrayEquals(new double[] {1.5, 1.5}, layer.weight().grad().toDoubleArray());
        assertArrayEquals(new double[] {0.5, 0.5}, layer.bias().grad().toDoubleArray());
        assertEquals(2, x.grad().item());
    }

    @Test
    void countsInTimesOutTimesKWeightsAndOutTimesKBiases() {
        Maxout layer = new Maxout(784, 100, 3);
        assertArrayEquals(new int[] {300, 784}, layer.weight().shape());
        assertArrayEquals(new int[] {300}, layer.bias().shape());
        assertEquals(List.of("weight", "bias"), List.copyOf(layer.namedParameters().keySet()));
        assertEquals(784 * 300 + 300, layer.parameterCount());
        assertEquals("Maxout(784, 100, k=3)", layer.toString());
    }

    @Test
    void defaultsToPyTorchsLinearInitialization() {
        Maxout layer = new Maxout(400, 50, 4);
        double bound = 1 / Math.sqrt(400);
        double[] w = layer.weight().value().toDoubleArray();
        double[] b = layer.bias().value().toDoubleArray();
        assertTrue(Arrays.stream(w).allMatch(v -> Math.abs(v) <= bound));
        assertTrue(Arrays.stream(b).allMatch(v -> Math.abs(v) <= bound));
        double variance = Arrays.stream(w).map(v -> v * v).average().orElseThrow();
        assertEquals(bound * bound / 3, variance, 0.05 * bound * bound);
    }

    @Test
    void sameSeedGivesTheSameWeights() {
        Maxout a = new Maxout(5, 3, 2);
        Maxout b = new Maxout(5, 3, 2);
        assertArrayEquals(a.weight().value().toFloatArray(), b.weight().value().toFloatArray());
        a.initialize(new Rng(9));
        assertNotEquals(Arrays.toString(a.weight().value().toFloatArray()),
                Arrays.toString(b.weight().value().toFloatArray()));
        b.initialize(new Rng(9));
        assertArrayEquals(a.weight().value().toFloatArray(), b.weight().value().toFloatArray());
        assertArrayEquals(a.bias().value().toFloatArray(), b.bias().value().toFloatArray());
        Maxout c = new Maxout(5, 3, 2, Init.heNormal(), new Rng(4));
        Maxout d = new Maxout(5, 3, 2, Init.heNormal(), new Rng(4));
        assertArrayEquals(c.weight().value().toFloatArray(), d.weight().value().toFloatArray());
    }

    @Test
    void badArgumentsAndInputsAreNamed() {
        assertMessage("Maxout: in, out and k must be positive, got 4, 3 and 0", () -> new Maxout(4, 3, 0));
        assertMessage("Maxout(4, 3, k=2): expected input [*, 4], got [5, 7]",
                () -> new Maxout(4, 3, 2).forward(Tensor.zeros(5, 7)));
        assertMessage("Maxout(4, 3, k=2): expected input [*, 4], got []",
                () -> new Maxout(4, 3, 2).forward(Tensor.scalar(1)));
    }
}
