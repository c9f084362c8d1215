package org.jgrad.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.jgrad.nn.Parameter;

/**
 * Updates a fixed list of parameters from their gradients, one {@link #step()} per batch:
 *
 * <pre>{@code
 * var optimizer = new Adam(model.parameters(), 1e-3);
 * optimizer.zeroGrad();
 * loss.forward(model.forward(x), target).backward();
 * optimizer.step();
 * }</pre>
 *
 * <p>Each subclass writes its update rule in its documentation. Parameters whose gradient is
 * {@code null} (none reached them) are skipped, their state untouched, as in PyTorch. Values are
 * changed in place, outside any graph. The per-parameter state (moment estimates, step counts)
 * is kept here by parameter index and name, so that {@link #stateDict()} can save it and {@link
 * #loadStateDict(Map)} restore it.
 */
public abstract class Optimizer {

    private static final Pattern STATE_KEY = Pattern.compile("(\\d+)\\.(\\w+)");
    private static final String LEARNING_RATE_KEY = "lr";

    private final List<Parameter> parameters;
    private final List<Map<String, Tensor>> state;
    private double learningRate;

    /**
     * An optimizer of {@code parameters} (a non-empty list without repeats) with the given
     * positive learning rate.
     */
    protected Optimizer(List<Parameter> parameters, double learningRate) {
        Objects.requireNonNull(parameters, "parameters");
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException(name() + ": got an empty parameter list");
        }
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < parameters.size(); i++) {
            if (!seen.add(Objects.requireNonNull(parameters.get(i), "parameter " + i))) {
                throw new IllegalArgumentException(name() + ": parameter " + i + " appears more than once");
            }
        }
        this.parameters = List.copyOf(parameters);
        this.learningRate = Checks.positive(name(), "learning rate", learningRate);
        this.state = new ArrayList<>();
        parameters.forEach(p -> state.add(new LinkedHashMap<>()));
    }

    /** The parameters this optimizer updates, in the order given. */
    public final List<Parameter> parameters() {
        return parameters;
    }

    /** The current learning rate η. */
    public final double learningRate() {
        return learningRate;
    }

    /**
     * Sets the learning rate used from the next step on; schedules call this. Zero is allowed
     * (a cosine schedule may end there), a negative rate is not.
     */
    public final void setLearningRate(double learningRate) {
        this.learningRate = Checks.nonNegative(name(), "learning rate", learningRate);
    }

    /** Updates every parameter that has a gradient, in place and without recording a graph. */
    public final void step() {
        try (var scope = GradMode.noGrad()) {
            for (int i = 0; i < parameters.size(); i++) {
                Tensor value = parameters.get(i).value();
                Tensor grad = value.grad();
                if (grad != null) {
                    update(value, grad, state.get(i));
                }
            }
        }
    }

    /**
     * Applies this optimizer's rule to one parameter: reads {@code grad}, reads and replaces
     * entries of {@code state} (its own map for this parameter, empty before the first update)
     * and overwrites {@code value} with {@link Tensor#copyFrom}. Runs with no graph recorded;
     * must not modify {@code grad}, which other parameters' gradients may share.
     */
    protected abstract void update(Tensor value, Tensor grad, Map<String, Tensor> state);

    /** Forgets every parameter's gradient, so that the next backward starts from zero. */
    public final void zeroGrad() {
        parameters.forEach(Parameter::zeroGrad);
    }

    /**
     * Copies of the optimizer's state: the learning rate under {@code lr} (a float64 scalar),
     * and each parameter's state tensors under {@code index.name}, e.g. {@code 0.expAvg}; what
     * a checkpoint stores to resume training.
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(LEARNING_RATE_KEY, Tensor.scalar(learningRate, DType.FLOAT64));
        for (int i = 0; i < state.size(); i++) {
            for (var entry : state.get(i).entrySet()) {
                out.put(i + "." + entry.getKey(), entry.getValue().clone());
            }
        }
        return out;
    }

    /**
     * Replaces the state with (copies of) a map written by {@link #stateDict()}. Every problem
     * — a malformed key, an index out of range, a tensor whose shape is neither its parameter's
     * nor a scalar — is collected into one error, and then nothing is changed.
     */
    public final void loadStateDict(Map<String, Tensor> saved) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Tensor>> loaded = new ArrayList<>();
        parameters.forEach(p -> loaded.add(new LinkedHashMap<>()));
        saved.forEach((key, tensor) -> {
            Matcher m = STATE_KEY.matcher(key);
            if (key.equals(LEARNING_RATE_KEY)) {
                if (tensor.numel() != 1 || !(tensor.item() >= 0)) {
                    problems.add("lr: expected a non-negative scalar, got " + tensor);
                }
            } else if (!m.matches()) {
                problems.add("unexpected key '" + key + "'");
            } else if (Integer.parseInt(m.group(1)) >= parameters.size()) {
                problems.add(key + ": no parameter " + m.group(1) + " (" + parameters.size() + " parameters)");
            } else {
                int index = Integer.parseInt(m.group(1));
                int[] expected = parameters.get(index).shape();
                if (tensor.dim() != 0 && !Arrays.equals(tensor.shape(), expected)) {
                    problems.add(key + ": expected shape " + Shape.format(expected) + " or a scalar, got "
                            + Shape.format(tensor.shape()));
                }
                loaded.get(index).put(m.group(2), tensor.detach().clone());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(name() + ".loadStateDict: " + String.join("; ", problems));
        }
        if (saved.containsKey(LEARNING_RATE_KEY)) {
            learningRate = saved.get(LEARNING_RATE_KEY).item();
        }
        for (int i = 0; i < state.size(); i++) {
            state.get(i).clear();
            state.get(i).putAll(loaded.get(i));
        }
    }

    /** The name errors start with: the class's simple name. */
    protected final String name() {
        return getClass().getSimpleName();
    }

    /** L2 weight decay folded into the gradient: {@code g + λ·w}, or {@code g} itself when λ = 0. */
    protected static Tensor withWeightDecay(Tensor grad, Tensor value, double weightDecay) {
        return weightDecay == 0 ? grad : grad.add(value.mul(weightDecay));
    }

    /** The exponential moving average {@code decay·average + (1 − decay)·x}. */
    protected static Tensor ema(Tensor average, double decay, Tensor x) {
        return average.mul(decay).add(x.mul(1 - decay));
    }

    /** {@code state[name]}, or zeros shaped like {@code value} before the first update. */
    protected static Tensor buffer(Map<String, Tensor> state, String name, Tensor value) {
        Tensor t = state.get(name);
        return t != null ? t : value.zerosLike();
    }

    /** Counts one more step in {@code state["step"]} (a float64 scalar, as PyTorch keeps it) and returns the count. */
    protected static int countStep(Map<String, Tensor> state) {
        Tensor previous = state.get("step");
        int step = previous == null ? 1 : (int) previous.item() + 1;
        state.put("step", Tensor.scalar(step, DType.FLOAT64));
        return step;
    }

    @Override
    public String toString() {
        return name() + "(lr=" + learningRate + ", " + parameters.size() + " parameters)";
    }
}
