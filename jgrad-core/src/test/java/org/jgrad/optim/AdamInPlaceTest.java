package org.jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.jgrad.nn.Parameter;
import org.junit.jupiter.api.Test;

/**
 * Adam and AdamW update packed parameters in place with one kernel pass ({@code Backend.adam});
 * these tests hold that pass to the rule written with tensor operations, bit for bit, in float32
 * and float64, for every option, over several steps, with gradients that hold NaN, infinities
 * and signed zeros; and check that the buffers are updated in place.
 */
class AdamInPlaceTest {

    private static final int STEPS = 6;
    private static final int[][] SHAPES = {{1}, {3}, {7, 9}, {17}, {33, 31}};

    /** The optimizers under test, with the same hyper-parameters as {@link #expected}. */
    private record Case(String name, Function<List<Parameter>, Adam> make, double lr, double beta1, double beta2,
                        double eps, double weightDecay, boolean decoupled, boolean amsgrad) {
    }

    private static List<Case> cases() {
        return List.of(
                new Case("adam", p -> new Adam(p, 1e-3), 1e-3, 0.9, 0.999, 1e-8, 0, false, false),
                new Case("adam l2 amsgrad", p -> new Adam(p, 0.05).betas(0.8, 0.9).eps(1e-6).weightDecay(0.1)
                        .amsgrad(true), 0.05, 0.8, 0.9, 1e-6, 0.1, false, true),
                new Case("adamw", p -> new AdamW(p, 0.01), 0.01, 0.9, 0.999, 1e-8, 0.01, true, false),
                new Case("adamw amsgrad", p -> new AdamW(p, 0.3).weightDecay(0.5).amsgrad(true), 0.3, 0.9, 0.999,
                        1e-8, 0.5, true, true));
    }

    @Test
    void inPlaceUpdatesAreTheTensorRuleBitForBit() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (Case c : cases()) {
                Rng rng = new Rng(60);
                List<Parameter> params = new ArrayList<>();
                List<Tensor> values = new ArrayList<>();
                for (int[] shape : SHAPES) {
                    Tensor v = Tensor.randn(rng, shape).to(dtype);
                    params.add(new Parameter(v.clone()));
                    values.add(v);
                }
                Adam optimizer = c.make().apply(params);
                List<Map<String, Tensor>> state = new ArrayList<>();
                params.forEach(p -> state.add(new java.util.HashMap<>()));
                for (int step = 1; step <= STEPS; step++) {
                    for (int i = 0; i < params.size(); i++) {
                        Tensor grad = gradient(rng, params.get(i).shape(), dtype, step);
                        params.get(i).value().setGrad(grad);
                        values.set(i, expected(c, values.get(i), grad, state.get(i), step));
                    }
                    optimizer.step();
                    for (int i = 0; i < params.size(); i++) {
                        assertSameBits(values.get(i), params.get(i).value(), c.name() + " " + dtype + " step " + step
                                + " parameter " + i);
                    }
                }
            }
        }
    }

    /**
     * After the first step the moment buffers and the step counter are the same tensors step
     * after step, updated in place: a step allocates no tensor. (Read through reflection: the
     * state is the optimizer's own, and {@code stateDict()} hands out copies.)
     */
    @Test
    void theBuffersAreUpdatedInPlaceAfterTheFirstStep() throws ReflectiveOperationException {
        Parameter p = new Parameter(Tensor.randn(new Rng(61), 5, 4));
        Adam adam = new AdamW(List.of(p), 1e-2).amsgrad(true);
        p.value().setGrad(Tensor.randn(new Rng(62), 5, 4));
        adam.step();
        Map<String, Tensor> first = Map.copyOf(stateOf(adam));
        double[] expAvg = first.get("expAvg").toDoubleArray();
        p.value().setGrad(Tensor.randn(new Rng(63), 5, 4));
        adam.step();
        Map<String, Tensor> second = stateOf(adam);
        for (String key : List.of("step", "expAvg", "expAvgSq", "maxExpAvgSq")) {
            assertSame(first.get(key), second.get(key), key);
        }
        assertTrue(expAvg[0] != second.get("expAvg").toDoubleArray()[0], "expAvg changed");
        assertTrue(second.get("step").item() == 2, "step counted");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Tensor> stateOf(Optimizer optimizer) throws ReflectiveOperationException {
        var field = Optimizer.class.getDeclaredField("state");
        field.setAccessible(true);
        return ((List<Map<String, Tensor>>) field.get(optimizer)).get(0);
    }

    /** A gradient with special values from the third step on, all of the parameter's dtype. */
    private static Tensor gradient(Rng rng, int[] shape, DType dtype, int step) {
        double[] g = Tensor.randn(rng, shape).to(DType.FLOAT64).toDoubleArray();
        double[] specials = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1e-40};
        for (int i = 0; step >= 3 && i < g.length; i += 5) {
            g[i] = specials[(i / 5 + step) % specials.length];
        }
        return Tensor.of(g, shape).to(dtype);
    }

    /** The rule with tensor operations, as Adam wrote it before it had a kernel. */
    private static Tensor expected(Case c, Tensor value, Tensor grad, Map<String, Tensor> state, int step) {
        try (var scope = GradMode.noGrad()) {
            Tensor g = grad;
            if (c.decoupled()) {
                value = value.mul(1 - c.lr() * c.weightDecay());
            } else if (c.weightDecay() != 0) {
                g = grad.add(value.mul(c.weightDecay()));
            }
            Tensor m = state.getOrDefault("m", value.zerosLike()).mul(c.beta1()).add(g.mul(1 - c.beta1()));
            Tensor v = state.getOrDefault("v", value.zerosLike()).mul(c.beta2()).add(g.mul(g).mul(1 - c.beta2()));
            state.put("m", m);
            state.put("v", v);
            if (c.amsgrad()) {
                v = state.getOrDefault("vMax", value.zerosLike()).maximum(v);
                state.put("vMax", v);
            }
            double stepSize = c.lr() / (1 - Math.pow(c.beta1(), step));
            Tensor denominator = v.sqrt().div(Math.sqrt(1 - Math.pow(c.beta2(), step))).add(c.eps());
            return value.sub(m.div(denominator).mul(stepSize));
        }
    }

    private static void assertSameBits(Tensor expected, Tensor actual, String context) {
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        long[] eb = new long[e.length];
        long[] ab = new long[a.length];
        for (int i = 0; i < e.length; i++) {
            eb[i] = Double.doubleToLongBits(e[i]);
            ab[i] = Double.doubleToLongBits(a[i]);
        }
        assertArrayEquals(eb, ab, context);
    }
}
