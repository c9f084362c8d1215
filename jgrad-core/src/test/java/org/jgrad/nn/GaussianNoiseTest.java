package org.jgrad.nn;

import static org.jgrad.nn.ActivationsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link GaussianNoise}: noise of mean 0 and deviation σ in training, identity in evaluation, reproducible. */
class GaussianNoiseTest {

    @Test
    void addsNoiseOfMeanZeroAndDeviationSigma() {
        int n = 100_000;
        double sigma = 0.3;
        Tensor x = Tensor.full(2.0, DType.FLOAT64, n);
        double[] noise = new GaussianNoise(sigma, new Rng(1)).forward(x).sub(x).toDoubleArray();
        double mean = Arrays.stream(noise).average().orElseThrow();
        double variance = Arrays.stream(noise).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        assertEquals(0, mean, 5 * sigma / Math.sqrt(n));
        // The sample variance of n normal draws has standard deviation σ²·√(2/(n − 1)).
        assertEquals(sigma * sigma, variance, 5 * sigma * sigma * Math.sqrt(2.0 / (n - 1)));
    }

    @Test
    void isTheIdentityInEvaluationAndForSigmaZero() {
        Tensor x = Tensor.randn(new Rng(2), 3, 4);
        GaussianNoise noise = new GaussianNoise(1);
        noise.eval();
        assertSame(x, noise.forward(x));
        assertSame(x, new GaussianNoise(0).forward(x));
    }

    @Test
    void sameSeedGivesTheSameNoiseAndEachPassANewDraw() {
        Tensor x = Tensor.zeros(100);
        GaussianNoise a = new GaussianNoise(1, new Rng(7));
        GaussianNoise b = new GaussianNoise(1, new Rng(7));
        float[] first = a.forward(x).toFloatArray();
        assertArrayEquals(first, b.forward(x).toFloatArray());
        assertFalse(Arrays.equals(first, a.forward(x).toFloatArray()));
        a.initialize(new Rng(3));
        b.initialize(new Rng(3));
        assertArrayEquals(a.forward(x).toFloatArray(), b.forward(x).toFloatArray());
    }

    @Test
    void keepsTheInputsDtypeAndPassesTheGradient() {
        assertEquals(DType.FLOAT64, new GaussianNoise(1).forward(Tensor.zeros(DType.FLOAT64, 3)).dtype());
        assertEquals(DType.FLOAT32, new GaussianNoise(1).forward(Tensor.zeros(3)).dtype());
        ModuleGradCheck.assertPasses(new GaussianNoise(0.5), Tensor.randn(new Rng(4), DType.FLOAT64, 2, 3), 5);
        assertEquals("GaussianNoise(sigma=0.5)", new GaussianNoise(0.5).toString());
    }

    @Test
    void rejectsNegativeOrInfiniteSigma() {
        assertMessage("GaussianNoise: standard deviation sigma must be finite and non-negative, got -1.0",
                () -> new GaussianNoise(-1));
        assertMessage("got Infinity", () -> new GaussianNoise(Double.POSITIVE_INFINITY));
    }
}
