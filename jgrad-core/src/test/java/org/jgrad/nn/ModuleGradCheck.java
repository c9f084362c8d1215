package org.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradCheck;

/**
 * Gradient-checks a module with respect to its input and every one of its parameters, in
 * float64, with {@link GradCheck} (central differences, error relative to
 * {@code max(1, |gradient|)}).
 *
 * <p>The input and the parameters' values are copied to float64; for the duration of the check
 * each parameter is bound to its copy, so the module computes in float64 and the finite
 * differences perturb its parameters as well as its input. Afterwards the module is as it was:
 * the parameters get their own tensors back, and parameters and buffers (running statistics
 * that training-mode passes moved) their values. The module runs in whatever mode it is in:
 * put it in {@link Module#eval()} first to check evaluation. Public, so that the tests of
 * {@code org.jgrad.nn}'s sub-packages can use it too.
 *
 * <pre>{@code
 * ModuleGradCheck.assertPasses(new Linear(4, 3), Tensor.randn(new Rng(1), DType.FLOAT64, 2, 4));
 * ModuleGradCheck.assertPasses(new Dropout(0.5), x, 7);   // stochastic in training mode
 * }</pre>
 *
 * <p>A module that draws noise at every forward pass (dropout, Gaussian noise, weight noise)
 * must see the same noise in each of the many evaluations of a check: the seeded variants
 * re-{@linkplain Module#initialize(Rng) initialize} the module from {@code new Rng(seed)} before
 * every forward pass, which restarts its random streams, and then bind the checked values.
 */
public final class ModuleGradCheck {

    /** The tolerance of {@link #assertPasses}, DESIGN.md's for every op. */
    public static final double TOLERANCE = 1e-6;

    private ModuleGradCheck() {
    }

    /** The worst-agreeing element, under the name of what it belongs to: {@code input} or a parameter's dotted name. */
    public record Result(String name, GradCheck.Result worst) {

        /** Whether the worst error is within {@code tolerance}. */
        public boolean passes(double tolerance) {
            return worst.passes(tolerance);
        }

        @Override
        public String toString() {
            return name + " " + worst.toString().replaceFirst("^input \\d+ ", "");
        }
    }

    /** Checks a module whose forward pass is a deterministic function of its input and parameters. */
    public static Result check(Module module, Tensor input) {
        return check(module, input, () -> { });
    }

    /** Checks a stochastic module, re-initialized from {@code new Rng(seed)} before every forward pass. */
    public static Result check(Module module, Tensor input, long seed) {
        return check(module, input, () -> module.initialize(new Rng(seed)));
    }

    /** Fails unless {@link #check(Module, Tensor)} is within {@link #TOLERANCE}. */
    public static void assertPasses(Module module, Tensor input) {
        Result result = check(module, input);
        assertTrue(result.passes(TOLERANCE), module + ": " + result);
    }

    /** Fails unless {@link #check(Module, Tensor, long)} is within {@link #TOLERANCE}. */
    public static void assertPasses(Module module, Tensor input, long seed) {
        Result result = check(module, input, seed);
        assertTrue(result.passes(TOLERANCE), module + ": " + result);
    }

    private static Result check(Module module, Tensor input, Runnable beforeForward) {
        Map<String, Tensor> state = module.stateDict();
        List<String> names = new ArrayList<>(List.of("input"));
        List<Parameter> parameters = new ArrayList<>();
        List<Tensor> originals = new ArrayList<>();
        module.namedParameters().forEach((name, p) -> {
            names.add(name);
            parameters.add(p);
            originals.add(p.value());
        });
        List<Tensor> inputs = new ArrayList<>(List.of(input));
        inputs.addAll(originals);
        try {
            GradCheck.Result worst = GradCheck.check(xs -> {
                bind(parameters, originals);
                beforeForward.run();
                bind(parameters, List.of(xs).subList(1, xs.length));
                return module.forward(xs[0]);
            }, inputs.toArray(Tensor[]::new));
            return new Result(names.get(worst.input()), worst);
        } finally {
            bind(parameters, originals);
            module.loadStateDict(state);
        }
    }

    private static void bind(List<Parameter> parameters, List<Tensor> values) {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).bind(values.get(i));
        }
    }
}
