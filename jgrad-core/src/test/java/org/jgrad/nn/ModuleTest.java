package org.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link Module}'s contract, on {@link Sequential}, {@link Linear} and a custom module: names,
 * sharing, modes, state dictionaries, summaries, printing, initialization, hooks and dtypes.
 */
class ModuleTest {

    /** A custom module holding a Sequential under the name {@code layers}, and a buffer. */
    private static final class Net extends Module {

        private final Sequential layers;

        Net() {
            layers = registerModule("layers", new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2)));
            registerBuffer("steps", Tensor.zeros(1));
        }

        @Override
        protected Tensor compute(Tensor input) {
            return layers.forward(input);
        }
    }

    private static Sequential mlp() {
        return new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 128), new ReLU(), new Linear(128, 10));
    }

    @Test
    void namedParametersAreDottedPathsInRegistrationOrder() {
        var model = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"),
                List.copyOf(model.namedParameters().keySet()));
        assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"),
                List.copyOf(new Net().namedParameters().keySet()));
        assertEquals(List.of("", "layers", "layers.0", "layers.1", "layers.2"),
                List.copyOf(new Net().namedModules().keySet()));
        assertEquals(List.of("steps"), List.copyOf(new Net().namedBuffers().keySet()));
        assertSame(model.get(2).namedParameters().get("weight"), model.namedParameters().get("2.weight"));
    }

    @Test
    void aSharedParameterAppearsOnceUnderItsFirstName() {
        Linear shared = new Linear(4, 4);
        var model = new Sequential(shared, new ReLU(), shared);
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(model.namedParameters().keySet()));
        assertEquals(2, model.parameters().size());
        assertEquals(4 * 4 + 4, model.parameterCount());
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(model.stateDict().keySet()));
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Net net = new Net();
        assertTrue(net.namedModules().values().stream().allMatch(Module::isTraining));
        assertSame(net, net.eval());
        assertTrue(net.namedModules().values().stream().noneMatch(Module::isTraining));
        net.layers.get(0).train();
        assertFalse(net.isTraining());
        assertTrue(net.layers.get(0).isTraining());
        net.train();
        assertTrue(net.namedModules().values().stream().allMatch(Module::isTraining));
    }

    @Test
    void aStateDictLoadedIntoAFreshModelGivesIdenticalOutputs() {
        Sequential trained = (Sequential) mlp().initialize(new Rng(1));
        Sequential fresh = (Sequential) mlp().initialize(new Rng(2));
        Tensor x = Tensor.randn(new Rng(3), 5, 784);
        assertFalse(Arrays.equals(trained.forward(x).toFloatArray(), fresh.forward(x).toFloatArray()));

        Map<String, Tensor> state = trained.stateDict();
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"),
                List.copyOf(state.keySet()));
        fresh.loadStateDict(state);
        assertArrayEquals(trained.forward(x).toFloatArray(), fresh.forward(x).toFloatArray());
        // The entries are copies, not the parameters themselves.
        assertNotSame(((Linear) trained.get(0)).weight().value().storage(), state.get("0.weight").storage());
        assertFalse(state.get("0.weight").isRequiresGrad());
    }

    @Test
    void aStateDictIncludesBuffers() {
        Net source = new Net();
        source.namedBuffers().get("steps").copyFrom(Tensor.of(new float[] {7}));
        Net target = new Net();
        target.loadStateDict(source.stateDict());
        assertEquals(7, target.namedBuffers().get("steps").item());
    }

    @Test
    void loadStateDictReportsEveryProblemAtOnceAndChangesNothing() {
        Sequential model = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2));
        Map<String, Tensor> before = model.stateDict();
        Map<String, Tensor> bad = new LinkedHashMap<>();
        bad.put("0.weight", Tensor.ones(4, 3));            // fine, but must not be loaded
        bad.put("0.bias", Tensor.ones(5));                 // wrong shape
        bad.put("2.weight", Tensor.ones(3, 4));            // wrong shape
        bad.put("3.weight", Tensor.ones(2, 4));            // unexpected
        bad.put("extra", Tensor.ones(1));                  // unexpected
        // "2.bias" is missing.
        var e = assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(bad));
        String message = e.getMessage();
        for (String fragment : List.of("loadStateDict", "missing [2.bias]", "unexpected [3.weight, extra]",
                "0.bias: expected shape [4], got [5]", "2.weight: expected shape [2, 4], got [3, 4]")) {
            assertTrue(message.contains(fragment), "'" + fragment + "' not in: " + message);
        }
        model.stateDict().forEach((name, value) ->
                assertArrayEquals(before.get(name).toFloatArray(), value.toFloatArray(), name));
    }

    @Test
    void summaryListsEachLayerWithItsOutputShapeAndParameters() {
        String summary = mlp().summary(784);
        List<String> lines = summary.lines().toList();
        assertEquals(List.of("Layer", "Type", "Output", "shape", "Params"), List.of(lines.get(0).trim().split("\\s+")));
        assertEquals(List.of("0", "Linear", "[256]", "200,960"), List.of(lines.get(2).trim().split("\\s+")));
        assertEquals(List.of("1", "ReLU", "[256]", "0"), List.of(lines.get(3).trim().split("\\s+")));
        assertEquals(List.of("2", "Linear", "[128]", "32,896"), List.of(lines.get(4).trim().split("\\s+")));
        assertEquals(List.of("3", "ReLU", "[128]", "0"), List.of(lines.get(5).trim().split("\\s+")));
        assertEquals(List.of("4", "Linear", "[10]", "1,290"), List.of(lines.get(6).trim().split("\\s+")));
        assertEquals("Total parameters: 235,146", lines.get(lines.size() - 1));
        assertTrue(mlp().summary(32, 784).contains("[32, 10]"));
    }

    @Test
    void summaryLeavesTheModelAsItWas() {
        Sequential model = mlp();
        float[] weights = ((Linear) model.get(0)).weight().value().toFloatArray();
        model.summary(2, 784);
        assertTrue(model.isTraining());
        assertNull(((Linear) model.get(0)).weight().grad());
        assertArrayEquals(weights, ((Linear) model.get(0)).weight().value().toFloatArray());
    }

    @Test
    void printsLikePyTorchsRepr() {
        assertEquals("""
                Sequential(
                  (0): Linear(784, 256)
                  (1): ReLU()
                  (2): Linear(256, 128)
                  (3): ReLU()
                  (4): Linear(128, 10)
                )""", mlp().toString());
        assertEquals("""
                Net(
                  (layers): Sequential(
                    (0): Linear(3, 4)
                    (1): ReLU()
                    (2): Linear(4, 2)
                  )
                )""", new Net().toString());
    }

    @Test
    void initializeGivesTheSameWeightsForTheSameSeed() {
        Map<String, Tensor> first = mlp().initialize(new Rng(7)).stateDict();
        Map<String, Tensor> again = mlp().initialize(new Rng(7)).stateDict();
        Map<String, Tensor> other = mlp().initialize(new Rng(8)).stateDict();
        first.forEach((name, value) -> {
            assertArrayEquals(value.toFloatArray(), again.get(name).toFloatArray(), name);
            assertFalse(Arrays.equals(value.toFloatArray(), other.get(name).toFloatArray()), name);
        });
        // Each layer draws from its own stream: two layers of one shape differ.
        Sequential twins = (Sequential) new Sequential(new Linear(5, 5), new Linear(5, 5)).initialize(new Rng(7));
        assertFalse(Arrays.equals(((Linear) twins.get(0)).weight().value().toFloatArray(),
                ((Linear) twins.get(1)).weight().value().toFloatArray()));
    }

    @Test
    void reseedRestartsTheNoiseStreamsAndKeepsTheWeights() {
        Sequential model = new Sequential(new Linear(4, 4).weightNoise(0.1), new GaussianNoise(0.5), new Dropout(0.5));
        model.initialize(new Rng(1));
        Map<String, Tensor> weights = model.stateDict();
        Tensor x = Tensor.ones(3, 4);
        model.reseed(new Rng(9));
        float[] first = model.forward(x).toFloatArray();
        float[] next = model.forward(x).toFloatArray();
        model.reseed(new Rng(9));
        assertArrayEquals(first, model.forward(x).toFloatArray(), "the same seed draws the same noise again");
        assertArrayEquals(next, model.forward(x).toFloatArray());
        assertFalse(Arrays.equals(first, next), "each pass draws new noise");
        model.reseed(new Rng(10));
        assertFalse(Arrays.equals(first, model.forward(x).toFloatArray()), "another seed draws other noise");
        model.stateDict().forEach((name, value) ->
                assertArrayEquals(weights.get(name).toFloatArray(), value.toFloatArray(), name));
    }

    @Test
    void forwardHooksSeeEachPassUntilRemoved() {
        Sequential model = new Sequential(new Linear(3, 2), new ReLU());
        List<String> seen = new ArrayList<>();
        Module.HookHandle handle = model.get(0).addForwardHook((module, in, out) ->
                seen.add(module + " " + Arrays.toString(in.shape()) + " -> " + Arrays.toString(out.shape())));
        model.forward(Tensor.ones(4, 3));
        model.forward(Tensor.ones(3));
        assertEquals(List.of("Linear(3, 2) [4, 3] -> [4, 2]", "Linear(3, 2) [3] -> [2]"), seen);
        handle.close();
        model.forward(Tensor.ones(4, 3));
        assertEquals(2, seen.size());
    }

    @Test
    void zeroGradForgetsEveryGradient() {
        Net net = new Net();
        net.forward(Tensor.ones(2, 3)).sum().backward();
        assertTrue(net.parameters().stream().allMatch(p -> p.grad() != null));
        net.zeroGrad();
        assertTrue(net.parameters().stream().allMatch(p -> p.grad() == null));
    }

    @Test
    void toConvertsParametersInPlaceOfTheirValues() {
        Net net = new Net();
        List<Parameter> parameters = net.parameters();
        Map<String, Tensor> state = net.stateDict();
        net.forward(Tensor.ones(2, 3)).sum().backward();
        assertSame(net, net.to(DType.FLOAT64));
        assertEquals(parameters, net.parameters());
        net.namedParameters().forEach((name, p) -> {
            assertEquals(DType.FLOAT64, p.value().dtype());
            assertTrue(p.value().isLeaf() && p.value().isRequiresGrad());
            assertNull(p.grad());
            assertArrayEquals(state.get(name).toDoubleArray(), p.value().toDoubleArray(), name);
        });
        assertEquals(DType.FLOAT32, net.namedBuffers().get("steps").dtype());
        assertEquals(DType.FLOAT64, net.forward(Tensor.ones(2, 3)).dtype());
        var e = assertThrows(IllegalArgumentException.class, () -> net.to(DType.INT64));
        assertEquals("Net.to: parameters need a floating-point dtype, got int64", e.getMessage());
    }

    @Test
    void registrationRejectsBadAndDuplicateNames() {
        class Bad extends Module {
            Bad(String first, String second) {
                registerParameter(first, new Parameter(Tensor.zeros(1)));
                registerModule(second, new Identity());
            }

            @Override
            protected Tensor compute(Tensor input) {
                return input;
            }
        }
        var dotted = assertThrows(IllegalArgumentException.class, () -> new Bad("a.b", "c"));
        assertEquals("Bad: invalid name 'a.b' (must be non-empty, without dots)", dotted.getMessage());
        var twice = assertThrows(IllegalArgumentException.class, () -> new Bad("a", "a"));
        assertEquals("Bad: 'a' is already registered", twice.getMessage());
    }

    @Test
    void aWholeModelPassesTheGradientCheck() {
        var result = ModuleGradCheck.check(new Net(), Tensor.randn(new Rng(4), DType.FLOAT64, 5, 3));
        assertTrue(result.passes(ModuleGradCheck.TOLERANCE), result.toString());
    }
}
