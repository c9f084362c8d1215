package org.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.nn.Parameter;
import org.junit.jupiter.api.Test;

/** The {@link Optimizer} contract: validation, skipped parameters, no graph, state save and load. */
class OptimizerTest {

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void rejectsBadHyperParametersByName() {
        List<Parameter> p = List.of(new Parameter(Tensor.zeros(2)));
        assertEquals("Adam: learning rate must be positive, got -0.1", message(() -> new Adam(p, -0.1)));
        assertEquals("AdamW: beta2 must be in [0, 1), got 1.0", message(() -> new AdamW(p, 0.1).betas(0.9, 1)));
        assertEquals("SGD: momentum must be non-negative, got -0.5", message(() -> new SGD(p, 0.1).momentum(-0.5)));
        assertEquals("RMSProp: eps must be positive, got 0.0", message(() -> new RMSProp(p, 0.1).eps(0)));
        assertEquals("AdaGrad: weight decay must be non-negative, got NaN",
                message(() -> new AdaGrad(p, 0.1).weightDecay(Double.NaN)));
        assertEquals("Adadelta: rho must be in [0, 1), got 1.5", message(() -> new Adadelta(p).rho(1.5)));
        assertEquals("SGD: got an empty parameter list", message(() -> new SGD(List.of(), 0.1)));
        assertEquals("SGD: parameter 1 appears more than once", message(() -> new SGD(List.of(p.get(0), p.get(0)), 0.1)));
        assertEquals("SGD: learning rate must be non-negative, got -1.0",
                message(() -> new SGD(p, 0.1).setLearningRate(-1)));
        assertEquals("StepLR: step size must be positive, got 0", message(() -> new StepLR(0, 0.1)));
        assertEquals("LinearWarmUp: start factor must be in (0, 1], got 0.0", message(() -> new LinearWarmUp(3, 0)));
        assertEquals("ReduceLROnPlateau: factor must be in (0, 1), got 1.0",
                message(() -> new ReduceLROnPlateau(new SGD(p, 0.1)).factor(1)));
    }

    @Test
    void nesterovNeedsMomentum() {
        var p = new Parameter(Tensor.zeros(2));
        p.value().setGrad(Tensor.ones(2));
        var sgd = new SGD(List.of(p), 0.1).nesterov(true);
        var e = assertThrows(IllegalStateException.class, sgd::step);
        assertEquals("SGD: Nesterov momentum needs momentum > 0 and dampening 0, got momentum 0.0 and dampening 0.0",
                e.getMessage());
    }

    @Test
    void plateauNeedsTheMetric() {
        var plateau = new ReduceLROnPlateau(new SGD(List.of(new Parameter(Tensor.zeros(1))), 0.1));
        assertThrows(IllegalStateException.class, plateau::step);
    }

    @Test
    void skipsParametersWithoutGradientAndRecordsNoGraph() {
        var a = new Parameter(Tensor.of(new double[] {1, 2}));
        var b = new Parameter(Tensor.of(new double[] {3}));
        a.value().mul(a.value()).sum().backward();
        var adam = new Adam(List.of(a, b), 0.1);
        adam.step();
        assertTrue(a.value().isLeaf());
        assertTrue(a.value().isRequiresGrad());
        assertArrayEquals(new double[] {0.9, 1.9}, a.value().toDoubleArray(), 1e-7);
        assertArrayEquals(new double[] {3}, b.value().toDoubleArray());
        assertFalse(adam.stateDict().keySet().stream().anyMatch(k -> k.startsWith("1.")));
        adam.zeroGrad();
        assertNull(a.grad());
    }

    @Test
    void stateDictRoundTripResumesTheSameTrajectory() {
        var first = new ReferenceProblem();
        var adam = new Adam(first.parameters, 0.05).amsgrad(true);
        for (int k = 0; k < 3; k++) {
            first.backward();
            adam.step();
        }
        Map<String, Tensor> saved = adam.stateDict();
        assertEquals(List.of("lr", "0.step", "0.expAvg", "0.expAvgSq", "0.maxExpAvgSq", "1.step", "1.expAvg",
                "1.expAvgSq", "1.maxExpAvgSq"), List.copyOf(saved.keySet()));

        var second = new ReferenceProblem();
        second.weight.set(first.weight.value());
        second.bias.set(first.bias.value());
        var resumed = new Adam(second.parameters, 1).amsgrad(true);
        resumed.loadStateDict(saved);
        assertEquals(0.05, resumed.learningRate());
        for (int k = 0; k < 2; k++) {
            first.backward();
            adam.step();
            second.backward();
            resumed.step();
        }
        assertArrayEquals(first.weight.value().toDoubleArray(), second.weight.value().toDoubleArray(), 0);
    }

    @Test
    void loadStateDictCollectsEveryProblemAndChangesNothing() {
        var problem = new ReferenceProblem();
        var sgd = new SGD(problem.parameters, 0.1).momentum(0.9);
        problem.backward();
        sgd.step();
        Map<String, Tensor> before = sgd.stateDict();
        var e = assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(Map.of(
                "0.momentumBuffer", Tensor.zeros(2, 2),
                "7.momentumBuffer", Tensor.zeros(3),
                "bogus", Tensor.zeros(1))));
        assertTrue(e.getMessage().startsWith("SGD.loadStateDict: "), e.getMessage());
        assertTrue(e.getMessage().contains("0.momentumBuffer: expected shape [3, 4] or a scalar, got [2, 2]"),
                e.getMessage());
        assertTrue(e.getMessage().contains("7.momentumBuffer: no parameter 7 (2 parameters)"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected key 'bogus'"), e.getMessage());
        assertArrayEquals(before.get("0.momentumBuffer").toDoubleArray(),
                sgd.stateDict().get("0.momentumBuffer").toDoubleArray());
    }
}
