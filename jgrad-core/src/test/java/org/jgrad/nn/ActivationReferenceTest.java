package org.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Activations and batch normalization against PyTorch 1.13 in float64: outputs, input
 * gradients of {@code (out · g).sum()}, parameter gradients and running statistics, frozen in
 * {@code reference/activations.ref} by {@code make_activations.py}.
 *
 * <p>Tolerance: {@code 1e-12 · max(1, |expected|)}, relative for values above 1 and absolute
 * below. The absolute floor is needed where PyTorch calls a libm function jgrad composes from
 * others: its softplus takes {@code log1p(e^x)}, jgrad {@code log(1 + e^x)}, equal to within
 * {@code 1e-16} absolute but not relative far below zero (at {@code x = −30} the value is
 * {@code 9e-14}); ELU's {@code expm1} against {@code exp(x) − 1} is the same story.
 */
class ActivationReferenceTest {

    private static final double TOLERANCE = 1e-12;
    private static final ReferenceValues REF = ReferenceValues.load("activations.ref");

    static Stream<Arguments> elementWise() {
        return Stream.of(
                Arguments.of("sigmoid", (Supplier<Module>) Sigmoid::new),
                Arguments.of("tanh", (Supplier<Module>) Tanh::new),
                Arguments.of("relu", (Supplier<Module>) ReLU::new),
                Arguments.of("leakyrelu", (Supplier<Module>) () -> new LeakyReLU(0.1)),
                Arguments.of("elu", (Supplier<Module>) () -> new ELU(1.0)),
                Arguments.of("softmax", (Supplier<Module>) () -> new Softmax(1)),
                Arguments.of("logsoftmax", (Supplier<Module>) () -> new LogSoftmax(1)),
                Arguments.of("softplus", (Supplier<Module>) Softplus::new),
                Arguments.of("softplus_beta2", (Supplier<Module>) () -> new Softplus(2, 5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementWise")
    void matchesPyTorch(String name, Supplier<Module> layer) {
        runCase(name, layer.get());
    }

    @Test
    void sharedPreluMatchesPyTorch() {
        PReLU layer = new PReLU();
        layer.to(DType.FLOAT64);
        layer.weight().set(REF.get("prelu.weight"));
        runCase("prelu", layer);
        assertClose("prelu.dweight", REF.get("prelu.dweight"), layer.weight().grad());
    }

    @Test
    void perChannelPreluMatchesPyTorch() {
        PReLU layer = new PReLU(5);
        layer.to(DType.FLOAT64);
        layer.weight().set(REF.get("prelu5.weight"));
        runCase("prelu5", layer);
        assertClose("prelu5.dweight", REF.get("prelu5.dweight"), layer.weight().grad());
    }

    @Test
    void batchNormTrainingStepAndEvaluationMatchPyTorch() {
        BatchNorm1d layer = new BatchNorm1d(4);
        layer.to(DType.FLOAT64);
        layer.weight().set(REF.get("bn.weight"));
        layer.bias().set(REF.get("bn.bias"));
        runCase("bn.train", layer);
        assertParameterGradients("bn.train", layer);
        assertClose("bn.running_mean", REF.get("bn.running_mean"), layer.runningMean());
        assertClose("bn.running_var", REF.get("bn.running_var"), layer.runningVar());

        layer.zeroGrad();
        layer.eval();
        runCase("bn.eval", layer);
        assertParameterGradients("bn.eval", layer);
    }

    @Test
    void batchNormOverPositionsMatchesPyTorch() {
        BatchNorm1d layer = new BatchNorm1d(3, 1e-3, 0.3);
        layer.to(DType.FLOAT64);
        layer.weight().set(REF.get("bn3.weight"));
        layer.bias().set(REF.get("bn3.bias"));
        runCase("bn3.train", layer);
        assertParameterGradients("bn3.train", layer);
        assertClose("bn3.running_mean", REF.get("bn3.running_mean"), layer.runningMean());
        assertClose("bn3.running_var", REF.get("bn3.running_var"), layer.runningVar());
    }

    /** Runs {@code module} on the case's input and compares output and input gradient. */
    private static void runCase(String name, Module module) {
        Tensor x = REF.get(name + ".x").detach().requiresGrad();
        Tensor y = module.forward(x);
        y.mul(REF.get(name + ".g")).sum().backward();
        assertClose(name + ".y", REF.get(name + ".y"), y);
        assertClose(name + ".dx", REF.get(name + ".dx"), x.grad());
    }

    private static void assertParameterGradients(String name, BatchNorm1d layer) {
        assertClose(name + ".dweight", REF.get(name + ".dweight"), layer.weight().grad());
        assertClose(name + ".dbias", REF.get(name + ".dbias"), layer.bias().grad());
    }

    private static void assertClose(String name, Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape(), name + " shape");
        assertTrue(actual.dtype() == DType.FLOAT64, name + " is computed in float64, got " + actual.dtype());
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            double error = Math.abs(a[i] - e[i]) / Math.max(1, Math.abs(e[i]));
            assertTrue(error <= TOLERANCE, name + "[" + i + "]: expected " + e[i] + ", got " + a[i]
                    + " (error " + error + ")");
        }
    }
}
