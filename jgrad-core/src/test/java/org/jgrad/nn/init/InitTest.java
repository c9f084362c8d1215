package org.jgrad.nn.init;

import static org.jgrad.SampleMoments.mean;
import static org.jgrad.SampleMoments.variance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemes of {@link Init}: the mean and variance of 60,000 draws against the formulas, with
 * tolerances of five standard errors (the seeds are fixed, so the tests are deterministic),
 * ranges of the uniform laws, the structure of sparse and orthogonal weights, and
 * reproducibility by seed.
 */
class InitTest {

    private static final int FAN_OUT = 200;
    private static final int FAN_IN = 300;
    private static final int N = FAN_OUT * FAN_IN;
    private static final double Z = 5;

    static Stream<Arguments> normalSchemes() {
        return Stream.of(
                Arguments.of(Init.normal(0.01), 0.01 * 0.01),
                Arguments.of(Init.xavierNormal(), 2.0 / (FAN_IN + FAN_OUT)),
                Arguments.of(Init.lecunNormal(), 1.0 / FAN_IN),
                Arguments.of(Init.heNormal(), 2.0 / FAN_IN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalSchemes")
    void normalSchemesHaveMeanZeroAndTheirVariance(Initializer init, double variance) {
        Tensor w = init.sample(new Rng(1), FAN_OUT, FAN_IN);
        assertEquals(DType.FLOAT32, w.dtype());
        assertArrayEquals(new int[] {FAN_OUT, FAN_IN}, w.shape());
        double[] values = w.toDoubleArray();
        assertEquals(0, mean(values), Z * Math.sqrt(variance / N));
        // The sample variance of a normal law has standard error σ²·√(2/N).
        assertEquals(variance, variance(values), Z * variance * Math.sqrt(2.0 / N));
    }

    static Stream<Arguments> uniformSchemes() {
        return Stream.of(
                Arguments.of(Init.xavierUniform(), Math.sqrt(6.0 / (FAN_IN + FAN_OUT))),
                Arguments.of(Init.heUniform(), Math.sqrt(6.0 / FAN_IN)),
                Arguments.of(Init.linearDefault(), 1 / Math.sqrt(FAN_IN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uniformSchemes")
    void uniformSchemesStayInTheirBoundsWithVarianceBoundSquaredOverThree(Initializer init, double bound) {
        double[] values = init.sample(new Rng(2), FAN_OUT, FAN_IN).toDoubleArray();
        assertTrue(Arrays.stream(values).allMatch(v -> Math.abs(v) <= bound), "a value outside ±" + bound);
        double variance = bound * bound / 3;
        assertEquals(0, mean(values), Z * Math.sqrt(variance / N));
        // For U(±b) the fourth central moment is b⁴/5, so Var(s²) ≈ (b⁴/5 − b⁴/9) / N.
        assertEquals(variance, variance(values), Z * bound * bound * Math.sqrt(4.0 / 45 / N));
        assertTrue(Arrays.stream(values).anyMatch(v -> Math.abs(v) > 0.99 * bound), "the bound is not reached");
    }

    @Test
    void heSchemesHaveTwiceTheFanInVarianceOfLecun() {
        // The relation the lectures state, on the same draws: He = √2 · LeCun ("Xavier / 2").
        Tensor he = Init.heNormal().sample(new Rng(3), 4, 50);
        Tensor lecun = Init.lecunNormal().sample(new Rng(3), 4, 50);
        assertArrayEquals(lecun.mul(Math.sqrt(2)).toFloatArray(), he.toFloatArray(), 1e-6f);
    }

    @Test
    void linearDefaultDrawsTheBiasLikeTheWeight() {
        double bound = 1 / Math.sqrt(FAN_IN);
        double[] bias = Init.linearDefault().sampleBias(new Rng(4), N, FAN_IN).toDoubleArray();
        assertEquals(N, bias.length);
        assertTrue(Arrays.stream(bias).allMatch(v -> Math.abs(v) <= bound));
        assertEquals(bound * bound / 3, variance(bias), Z * bound * bound * Math.sqrt(4.0 / 45 / N));
    }

    @Test
    void otherSchemesAndLambdasGiveAZeroBias() {
        Initializer lambda = (rng, fanOut, fanIn) -> Tensor.ones(fanOut, fanIn);
        for (Initializer init : new Initializer[] {Init.heNormal(), Init.xavierUniform(), Init.sparse(2),
            Init.orthogonal(), Init.constant(3), lambda}) {
            Tensor bias = init.sampleBias(new Rng(5), 7, 3);
            assertArrayEquals(new int[] {7}, bias.shape());
            assertArrayEquals(new float[7], bias.toFloatArray(), init.toString());
        }
    }

    @Test
    void sparseGivesEachUnitExactlyKNonZeroIncomingWeights() {
        int k = 15;
        double[] values = Init.sparse(k).sample(new Rng(6), FAN_OUT, FAN_IN).toDoubleArray();
        int[] perInput = new int[FAN_IN];
        double[] nonZero = new double[FAN_OUT * k];
        int found = 0;
        for (int unit = 0; unit < FAN_OUT; unit++) {
            int count = 0;
            for (int i = 0; i < FAN_IN; i++) {
                double v = values[unit * FAN_IN + i];
                if (v != 0) {
                    count++;
                    perInput[i]++;
                    nonZero[found++] = v;
                }
            }
            assertEquals(k, count, "unit " + unit);
        }
        assertEquals(0, mean(nonZero), Z / Math.sqrt(nonZero.length));
        assertEquals(1, variance(nonZero), Z * Math.sqrt(2.0 / nonZero.length));
        // Every input is picked with probability k / fanIn by each unit: a binomial count per input.
        double p = (double) k / FAN_IN;
        double expected = FAN_OUT * p;
        double spread = Math.sqrt(FAN_OUT * p * (1 - p));
        double[] counts = Arrays.stream(perInput).asDoubleStream().toArray();
        assertEquals(expected, mean(counts), Z * spread / Math.sqrt(FAN_IN));
        assertTrue(Arrays.stream(perInput).allMatch(c -> Math.abs(c - expected) < 6 * spread),
                Arrays.toString(perInput));
    }

    @Test
    void sparseScalesTheNonZeroWeights() {
        double[] values = Init.sparse(10, 0.1).sample(new Rng(7), 3000, 20).toDoubleArray();
        double[] nonZero = Arrays.stream(values).filter(v -> v != 0).toArray();
        assertEquals(30_000, nonZero.length);
        assertEquals(0.01, variance(nonZero), Z * 0.01 * Math.sqrt(2.0 / nonZero.length));
    }

    @Test
    void sparseWithKEqualToFanInIsDense() {
        double[] values = Init.sparse(5).sample(new Rng(8), 40, 5).toDoubleArray();
        assertTrue(Arrays.stream(values).allMatch(v -> v != 0));
    }

    @Test
    void orthogonalTallMatricesHaveOrthonormalColumns() {
        Tensor w = Init.orthogonal().sample(new Rng(9), 50, 20).to(DType.FLOAT64);
        assertIdentity(w.t().matmul(w), 20);
    }

    @Test
    void orthogonalWideMatricesHaveOrthonormalRows() {
        Tensor w = Init.orthogonal().sample(new Rng(10), 20, 50).to(DType.FLOAT64);
        assertIdentity(w.matmul(w.t()), 20);
    }

    @Test
    void orthogonalSquareMatricesAreOrthogonalBothWaysAndScaledByTheGain() {
        Tensor w = Init.orthogonal(Math.sqrt(2)).sample(new Rng(11), 64, 64).to(DType.FLOAT64).div(Math.sqrt(2));
        assertIdentity(w.t().matmul(w), 64);
        assertIdentity(w.matmul(w.t()), 64);
    }

    @Test
    void orthogonalMatricesAreUnbiasedLikeHaarMatrices() {
        // Entries of a Haar-distributed n × n orthogonal matrix have mean 0 and variance 1/n. Without
        // the sign correction, Householder QR gives a diagonal biased to one sign.
        int n = 200;
        Tensor w = Init.orthogonal().sample(new Rng(12), n, n).to(DType.FLOAT64);
        double[] values = w.toDoubleArray();
        assertEquals(0, mean(values), Z / n);
        assertEquals(1.0 / n, variance(values), Z * Math.sqrt(2.0 / values.length) / n);
        double[] diagonal = new double[n];
        Arrays.setAll(diagonal, i -> values[i * n + i]);
        assertEquals(0, mean(diagonal), Z / n);
    }

    private static void assertIdentity(Tensor product, int n) {
        assertArrayEquals(new int[] {n, n}, product.shape());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(i == j ? 1 : 0, product.get(i, j), 1e-6, "at [" + i + ", " + j + "]");
            }
        }
    }

    @Test
    void constantAndZeros() {
        assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f, 2.5f, 2.5f},
                Init.constant(2.5).sample(new Rng(13), 2, 3).toFloatArray());
        assertArrayEquals(new float[6], Init.zeros().sample(new Rng(13), 3, 2).toFloatArray());
    }

    static Stream<Initializer> randomSchemes() {
        return Stream.of(Init.normal(0.5), Init.xavierNormal(), Init.xavierUniform(), Init.lecunNormal(),
                Init.heNormal(), Init.heUniform(), Init.linearDefault(), Init.sparse(3), Init.orthogonal());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("randomSchemes")
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers(Initializer init) {
        float[] first = init.sample(new Rng(14), 6, 5).toFloatArray();
        assertArrayEquals(first, init.sample(new Rng(14), 6, 5).toFloatArray());
        assertFalse(Arrays.equals(first, init.sample(new Rng(15), 6, 5).toFloatArray()));
    }

    @Test
    void errorsNameTheSchemeAndTheArgument() {
        var fans = assertThrows(IllegalArgumentException.class, () -> Init.heNormal().sample(new Rng(0), 0, 5));
        assertEquals("Init.heNormal(): fan-out and fan-in must be positive, got 0 and 5", fans.getMessage());
        var k = assertThrows(IllegalArgumentException.class, () -> Init.sparse(15).sample(new Rng(0), 4, 10));
        assertEquals("Init.sparse(15, 1.0): needs k <= fan-in, got fan-in 10", k.getMessage());
        var zeroK = assertThrows(IllegalArgumentException.class, () -> Init.sparse(0));
        assertTrue(zeroK.getMessage().contains("k must be positive, got 0"), zeroK.getMessage());
        var std = assertThrows(IllegalArgumentException.class, () -> Init.normal(-1));
        assertEquals("Init.normal(-1.0): std must be positive and finite, got -1.0", std.getMessage());
        var gain = assertThrows(IllegalArgumentException.class, () -> Init.orthogonal(Double.NaN));
        assertTrue(gain.getMessage().contains("gain must be positive"), gain.getMessage());
    }

    @Test
    void schemesPrintTheirFactory() {
        assertEquals("Init.xavierUniform()", Init.xavierUniform().toString());
        assertEquals("Init.sparse(15, 1.0)", Init.sparse(15).toString());
    }
}
