package org.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.nn.init.Init;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.junit.jupiter.api.Test;

/**
 * A {@link Linear} runs as one {@code Linear} node, and a {@link Sequential} runs a Linear and
 * the {@link ReLU} after it as one {@code LinearRelu} node, with the values and gradients of the
 * unfused ops bit for bit; a hook on either layer keeps them apart.
 */
class FusedLinearTest {

    private static Sequential mlp() {
        return (Sequential) new Sequential(new Linear(20, 16, Init.heNormal()), new ReLU(),
                new Linear(16, 12, Init.heNormal()), new ReLU(), new Linear(12, 3)).initialize(new Rng(70));
    }

    @Test
    void aLinearAndItsReluAreOneNode() {
        Tensor y = mlp().forward(Tensor.randn(new Rng(71), 5, 20));
        assertEquals("Linear", y.gradFn().name());
        Tensor hidden = y.gradFn().inputs().get(0);
        assertEquals("LinearRelu", hidden.gradFn().name());
        assertEquals("LinearRelu", hidden.gradFn().inputs().get(0).gradFn().name());
    }

    @Test
    void fusedValuesAndGradientsAreTheUnfusedOnesBitForBit() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Sequential model = mlp();
            model.to(dtype);
            Tensor x = Tensor.randn(new Rng(72), 7, 20).to(dtype);
            Tensor target = Tensor.of(new long[] {0, 1, 2, 0, 1, 2, 1}, 7);
            Tensor fused = model.forward(x);
            new CrossEntropyLoss().forward(fused, target).backward();

            List<Tensor> leaves = new ArrayList<>();
            for (Parameter p : model.parameters()) {
                leaves.add(p.value().detach().clone().requiresGrad());
            }
            Tensor h = x;
            for (int layer = 0; layer < 3; layer++) {
                h = h.matmul(leaves.get(2 * layer).t()).add(leaves.get(2 * layer + 1));
                h = layer < 2 ? h.relu() : h;
            }
            new CrossEntropyLoss().forward(h, target).backward();

            assertArrayEquals(bits(h), bits(fused), dtype + " output");
            for (int i = 0; i < leaves.size(); i++) {
                assertArrayEquals(bits(leaves.get(i).grad()), bits(model.parameters().get(i).value().grad()),
                        dtype + " gradient of parameter " + i);
            }
        }
    }

    @Test
    void aHookOnTheReluKeepsItsOwnNodeAndSeesItsOutput() {
        Sequential model = mlp();
        List<Tensor> seen = new ArrayList<>();
        try (var handle = model.get(1).addForwardHook((module, in, out) -> seen.add(out))) {
            Tensor y = model.forward(Tensor.randn(new Rng(73), 2, 20));
            Tensor hidden = y.gradFn().inputs().get(0);
            assertEquals("LinearRelu", hidden.gradFn().name(), "the second pair is still fused");
            Tensor first = hidden.gradFn().inputs().get(0);
            assertEquals("Relu", first.gradFn().name());
            assertEquals("Linear", first.gradFn().inputs().get(0).gradFn().name());
            assertEquals(List.of(first), seen);
        }
    }

    @Test
    void linearNamesWhatDoesNotFit() {
        Tensor x = Tensor.ones(2, 3);
        assertEquals("linear: weight must be [out, 3] for input [2, 3], got [4, 5]",
                assertThrows(IllegalArgumentException.class, () -> x.linear(Tensor.ones(4, 5))).getMessage());
        assertEquals("linearRelu: bias must be [4] for weight [4, 3], got [3]",
                assertThrows(IllegalArgumentException.class,
                        () -> x.linearRelu(Tensor.ones(4, 3), Tensor.ones(3))).getMessage());
        assertEquals("linear: input must have at least one dimension, got a scalar",
                assertThrows(IllegalArgumentException.class,
                        () -> Tensor.scalar(1.0).linear(Tensor.ones(1, 1))).getMessage());
    }

    private static long[] bits(Tensor t) {
        double[] values = t.toDoubleArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToLongBits(values[i]);
        }
        return out;
    }
}
