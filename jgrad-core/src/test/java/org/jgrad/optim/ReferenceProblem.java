package org.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.jgrad.Tensor;
import org.jgrad.nn.Parameter;
import org.jgrad.nn.ReferenceValues;

/**
 * The problem of {@code make_optimizers.py}, in float64: {@code loss = mean((tanh(x·Wᵀ + b) −
 * y)²)} with the script's weight, bias and batch, and a comparison of tensors to its values.
 */
final class ReferenceProblem {

    /** Relative tolerance (against max(1, |expected|)) of every comparison with PyTorch. */
    static final double TOLERANCE = 1e-12;
    static final ReferenceValues REF = ReferenceValues.load("optimizers.ref");

    final Parameter weight = new Parameter(REF.get("problem.weight"));
    final Parameter bias = new Parameter(REF.get("problem.bias"));
    final List<Parameter> parameters = List.of(weight, bias);

    /** The loss at the current parameter values, recording the graph. */
    Tensor loss() {
        Tensor x = REF.get("problem.x");
        Tensor y = REF.get("problem.y");
        Tensor error = x.matmul(weight.value().t()).add(bias.value()).tanh().sub(y);
        return error.mul(error).mean();
    }

    /** Fills the parameters' gradients with those of the loss at the current values. */
    void backward() {
        weight.zeroGrad();
        bias.zeroGrad();
        loss().backward();
    }

    /** Asserts that {@code actual} equals the reference tensor {@code name} within {@link #TOLERANCE}. */
    static void assertMatches(String name, Tensor actual) {
        Tensor expected = REF.get(name);
        assertArrayEquals(expected.shape(), actual.shape(), name);
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            double error = Math.abs(a[i] - e[i]) / Math.max(1, Math.abs(e[i]));
            if (!(error <= TOLERANCE)) {
                throw new AssertionError(name + " [" + i + "]: expected " + e[i] + ", got " + a[i]
                        + " (relative error " + error + ")");
            }
        }
    }
}
