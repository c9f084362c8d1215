package org.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Linear} against PyTorch's {@code nn.Linear}: the weights of {@code linear.ref} (written
 * by {@code make_linear.py}) loaded through a state dictionary under PyTorch's names and
 * shapes, then the output and the gradients of {@code (y ⊙ g).sum()}, in float64.
 */
class LinearReferenceTest {

    private static final double TOLERANCE = 1e-12;
    private static final ReferenceValues REF = ReferenceValues.load("linear.ref");

    @ParameterizedTest
    @ValueSource(strings = {"linear", "linear_nobias", "linear_vector"})
    void matchesPyTorch(String name) {
        Tensor weight = REF.get(name + ".weight");
        boolean bias = !name.endsWith("nobias");
        Linear layer = new Linear(weight.size(1), weight.size(0), bias);
        layer.to(DType.FLOAT64);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("weight", weight);
        if (bias) {
            state.put("bias", REF.get(name + ".bias"));
        }
        layer.loadStateDict(state);

        Tensor x = REF.get(name + ".x").clone().requiresGrad();
        Tensor y = layer.forward(x);
        y.mul(REF.get(name + ".g")).sum().backward();

        assertClose(REF.get(name + ".y"), y);
        assertClose(REF.get(name + ".dx"), x.grad());
        assertClose(REF.get(name + ".dweight"), layer.weight().grad());
        if (bias) {
            assertClose(REF.get(name + ".dbias"), layer.bias().grad());
        }
    }

    private static void assertClose(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), TOLERANCE);
    }
}
