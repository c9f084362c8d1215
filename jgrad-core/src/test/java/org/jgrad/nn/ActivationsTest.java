package org.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The activation layers: gradients against finite differences on random shapes, the chosen
 * subgradients at kinks, stability far from zero, printing and argument errors. Values against
 * PyTorch are in {@link ActivationReferenceTest}.
 */
class ActivationsTest {

    /** Every activation with the smallest rank its input needs. */
    static Stream<Arguments> activations() {
        List<Arguments> cases = List.of(
                Arguments.of("Sigmoid", (Supplier<Module>) Sigmoid::new, 0),
                Arguments.of("Tanh", (Supplier<Module>) Tanh::new, 0),
                Arguments.of("ReLU", (Supplier<Module>) ReLU::new, 0),
                Arguments.of("LeakyReLU", (Supplier<Module>) () -> new LeakyReLU(0.1), 0),
                Arguments.of("ELU", (Supplier<Module>) () -> new ELU(0.7), 0),
                Arguments.of("Softplus", (Supplier<Module>) Softplus::new, 0),
                Arguments.of("Softplus(beta=3, threshold=2)", (Supplier<Module>) () -> new Softplus(3, 2), 0),
                Arguments.of("Softmax", (Supplier<Module>) () -> new Softmax(-1), 1),
                Arguments.of("LogSoftmax", (Supplier<Module>) () -> new LogSoftmax(0), 1),
                Arguments.of("PReLU", (Supplier<Module>) PReLU::new, 0),
                Arguments.of("PReLU(3)", (Supplier<Module>) () -> new PReLU(3, -0.3), 2));
        return cases.stream();
    }

    /**
     * A random shape of rank {@code minRank} to 3 with extents 1 to 4, dimension 1 of extent 3
     * (PReLU(3)'s channels) when the rank allows.
     */
    static int[] randomShape(Rng rng, int minRank) {
        int[] shape = new int[minRank + rng.nextInt(4 - minRank)];
        Arrays.setAll(shape, d -> d == 1 ? 3 : 1 + rng.nextInt(4));
        return shape;
    }

    /** Standard normal values at least 0.01 away from 0, where the rectifiers have their kink. */
    static Tensor awayFromZero(Rng rng, int... shape) {
        double[] values = Tensor.randn(rng, DType.FLOAT64, shape).toDoubleArray();
        for (int i = 0; i < values.length; i++) {
            values[i] += Math.copySign(0.01, values[i]);
        }
        return Tensor.of(values).reshape(shape);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void gradientsMatchFiniteDifferencesOnRandomShapes(String name, Supplier<Module> layer, int minRank) {
        Rng rng = new Rng(name.hashCode());
        for (int trial = 0; trial < 6; trial++) {
            Module module = layer.get();
            module.namedParameters().values().forEach(p -> p.set(Tensor.randn(rng, p.shape())));
            Tensor x = awayFromZero(rng, randomShape(rng, minRank)).mul(3);
            ModuleGradCheck.assertPasses(module, x);
            assertArrayEquals(x.shape(), module.forward(x).shape(), name + " keeps the shape");
        }
    }

    /** The gradient of {@code sum(module(x))} with respect to {@code x}. */
    private static double[] gradOfSum(Module module, double... x) {
        Tensor input = Tensor.of(x).requiresGrad();
        module.forward(input).sum().backward();
        return input.grad().toDoubleArray();
    }

    @Test
    void rectifiersTakeTheirDocumentedSubgradientAtZero() {
        assertArrayEquals(new double[] {0, 0, 1}, gradOfSum(new ReLU(), -2, 0, 3));
        assertArrayEquals(new double[] {0.1, 0.1, 1}, gradOfSum(new LeakyReLU(0.1), -2, 0, 3));
        assertArrayEquals(new double[] {0.01, 0.01, 1}, gradOfSum(new LeakyReLU(), -2, 0, 3));
        assertArrayEquals(new double[] {-0.2, 0, 3}, new LeakyReLU(0.1).forward(Tensor.of(new double[] {-2, 0, 3}))
                .toDoubleArray());
        assertArrayEquals(new double[] {2, 1}, gradOfSum(new ELU(2), 0, 5));
        assertArrayEquals(new double[] {1, 1}, gradOfSum(new ELU(), 0, 5));
        assertArrayEquals(new double[] {0, 0, 5}, new ELU(2).forward(Tensor.of(new double[] {-0.0, 0, 5}))
                .toDoubleArray());
    }

    @Test
    void preluGivesTheSlopeAtZeroAndNothingToTheSlope() {
        PReLU layer = new PReLU(1, 0.75);
        Tensor x = Tensor.of(new double[] {-2, 0, 3}).requiresGrad();
        Tensor y = layer.forward(x);
        assertArrayEquals(new double[] {-1.5, 0, 3}, y.toDoubleArray());
        y.sum().backward();
        assertArrayEquals(new double[] {0.75, 0.75, 1}, x.grad().toDoubleArray());
        assertEquals(-2, layer.weight().grad().item(), "only the negative input moves the slope");
    }

    @Test
    void preluSlopesActPerChannel() {
        PReLU layer = new PReLU(2);
        layer.weight().set(Tensor.of(new float[] {0.5f, -1}));
        Tensor x = Tensor.of(new float[] {-2, -2, 4, -4, -6, 6}, 1, 2, 3);
        assertArrayEquals(new float[] {-1, -1, 4, 4, 6, 6}, layer.forward(x).toFloatArray());
        assertArrayEquals(new float[] {-1, 1}, layer.forward(Tensor.of(new float[] {-2, -1}, 1, 2)).toFloatArray());
        assertEquals(0.25, new PReLU(4).weight().value().get(3));
    }

    @Test
    void preluReturnsToItsInitialSlopeOnInitialize() {
        PReLU layer = new PReLU(3, 0.1);
        layer.weight().set(Tensor.of(new float[] {1, 2, 3}));
        layer.initialize(new Rng(5));
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f}, layer.weight().value().toFloatArray());
    }

    @Test
    void sharedPreluKeepsAScalarInputScalar() {
        assertArrayEquals(new int[0], new PReLU().forward(Tensor.scalar(-1.0)).shape());
        assertEquals(-0.25, new PReLU().forward(Tensor.scalar(-1.0)).item());
    }

    @Test
    void exponentialsStayFiniteFarFromZero() {
        double[] x = {-1000, -40, 0, 19.9, 20, 20.1, 1000};
        for (Module m : List.of(new ELU(), new Softplus(), new Sigmoid(), new Tanh())) {
            double[] grad = gradOfSum(m, x);
            assertTrue(Arrays.stream(grad).allMatch(Double::isFinite), m + " gradient " + Arrays.toString(grad));
        }
        Softplus softplus = new Softplus();
        double[] y = softplus.forward(Tensor.of(x)).toDoubleArray();
        assertEquals(0, y[0]);
        assertEquals(Math.log(2), y[2], 1e-16);
        assertEquals(Math.log1p(Math.exp(19.9)), y[3], 1e-14, "at or below the threshold the smooth branch");
        assertEquals(Math.log1p(Math.exp(20)), y[4], 1e-14);
        assertEquals(20.1, y[5], "above the threshold x itself");
        assertEquals(1000, y[6]);
        assertArrayEquals(new double[] {0, 0, 0.5, 1, 1, 1, 1}, gradOfSum(softplus, x), 1e-8);
        assertEquals(-1, new ELU().forward(Tensor.of(new double[] {-1000})).item());
        assertEquals(1000, new ELU().forward(Tensor.of(new double[] {1000})).item());
    }

    @Test
    void softplusThresholdScalesWithBeta() {
        Softplus softplus = new Softplus(2, 5);
        double[] y = softplus.forward(Tensor.of(new double[] {2.5, 2.6})).toDoubleArray();
        assertEquals(Math.log1p(Math.exp(5)) / 2, y[0], 1e-15);
        assertEquals(2.6, y[1]);
    }

    @Test
    void softmaxRowsAreDistributions() {
        Tensor x = Tensor.randn(new Rng(3), DType.FLOAT64, 4, 5).mul(10);
        Tensor p = new Softmax(1).forward(x);
        assertArrayEquals(new double[] {1, 1, 1, 1}, p.sum(1).toDoubleArray(), 1e-14);
        assertArrayEquals(p.log().toDoubleArray(), new LogSoftmax(1).forward(x).toDoubleArray(), 1e-12);
        Tensor columns = new Softmax(0).forward(x);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, columns.sum(0).toDoubleArray(), 1e-14);
        Tensor huge = new LogSoftmax(-1).forward(Tensor.of(new double[] {1000, 0}));
        assertArrayEquals(new double[] {0, -1000}, huge.toDoubleArray());
    }

    @Test
    void printAsPyTorchWithJavaNames() {
        assertEquals("ReLU()", new ReLU().toString());
        assertEquals("Sigmoid()", new Sigmoid().toString());
        assertEquals("Tanh()", new Tanh().toString());
        assertEquals("LeakyReLU(negativeSlope=0.1)", new LeakyReLU(0.1).toString());
        assertEquals("ELU(alpha=1.0)", new ELU().toString());
        assertEquals("PReLU(numParameters=3)", new PReLU(3).toString());
        assertEquals("Softplus(beta=1.0, threshold=20.0)", new Softplus().toString());
        assertEquals("Softmax(dim=1)", new Softmax(1).toString());
        assertEquals("LogSoftmax(dim=-1)", new LogSoftmax(-1).toString());
    }

    @Test
    void activationsWithoutParametersHaveNone() {
        for (Module m : List.of(new ReLU(), new Sigmoid(), new Tanh(), new LeakyReLU(), new ELU(), new Softplus(),
                new Softmax(0), new LogSoftmax(0))) {
            assertEquals(0, m.parameterCount(), m.toString());
        }
        assertEquals(List.of("weight"), List.copyOf(new PReLU(3).namedParameters().keySet()));
        assertEquals(3, new PReLU(3).parameterCount());
    }

    @Test
    void badArgumentsAndInputsAreNamed() {
        assertMessage("LeakyReLU: negative slope must be finite, got NaN", () -> new LeakyReLU(Double.NaN));
        assertMessage("ELU: alpha must be finite, got Infinity", () -> new ELU(Double.POSITIVE_INFINITY));
        assertMessage("Softplus: beta must be positive and finite, got 0.0", () -> new Softplus(0, 20));
        assertMessage("Softplus: threshold must be a number, got NaN", () -> new Softplus(1, Double.NaN));
        assertMessage("PReLU: number of parameters must be positive, got 0", () -> new PReLU(0));
        assertMessage("PReLU: initial slope must be finite, got NaN", () -> new PReLU(1, Double.NaN));
        assertMessage("PReLU(3): expected input of shape [N, 3, *] (one slope per channel in dimension 1), got [2, 4]",
                () -> new PReLU(3).forward(Tensor.zeros(2, 4)));
        assertMessage("PReLU(3): expected input of shape [N, 3, *]", () -> new PReLU(3).forward(Tensor.zeros(3)));
        assertMessage("Softmax(dim=2): dimension 2 is out of range for a tensor of rank 2",
                () -> new Softmax(2).forward(Tensor.zeros(2, 3)));
        assertMessage("LogSoftmax(dim=-3): dimension -3 is out of range for a tensor of rank 2",
                () -> new LogSoftmax(-3).forward(Tensor.zeros(2, 3)));
    }

    static void assertMessage(String fragment, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(fragment), "message: " + e.getMessage());
    }
}
