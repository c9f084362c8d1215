package org.jgrad.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;

/**
 * A piece of a network: a function of one tensor with its own parameters, buffers and
 * sub-modules, as PyTorch's {@code nn.Module}.
 *
 * <p>Subclasses compute in {@link #compute(Tensor)} and register what they own in their
 * constructor: {@link #registerParameter}, {@link #registerModule}, {@link #registerBuffer}.
 * Callers use {@link #forward(Tensor)}, which also runs the {@linkplain #addForwardHook hooks}.
 * Names are dotted paths in registration order ({@code layers.0.weight}), as PyTorch's, so
 * state dictionaries line up with the module tree.
 *
 * <p>Randomness has no global source: a module that draws initial weights or noise does so in
 * {@link #reset(Rng)}. Layers built without an {@code Rng} draw from {@code new Rng(0)}, so two
 * layers of the same shape built that way start equal; {@link #initialize(Rng)} redraws the
 * whole tree from independent streams of one seed.
 */
public abstract class Module {

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private final List<ForwardHook> hooks = new ArrayList<>();
    private boolean training = true;

    /** The output for {@code input}; runs {@link #compute} and then every forward hook. */
    public final Tensor forward(Tensor input) {
        Tensor output = compute(input);
        for (ForwardHook hook : List.copyOf(hooks)) {
            hook.afterForward(this, input, output);
        }
        return output;
    }

    /** What this module computes; {@link #isTraining()} tells training from evaluation. */
    protected abstract Tensor compute(Tensor input);

    // ---------------------------------------------------------------- registration

    /** Makes {@code parameter} this module's under {@code name}; returns it. */
    protected final Parameter registerParameter(String name, Parameter parameter) {
        claim(name);
        parameters.put(name, parameter);
        return parameter;
    }

    /** Makes {@code module} a child of this one under {@code name}; returns it. */
    protected final <M extends Module> M registerModule(String name, M module) {
        claim(name);
        children.put(name, module);
        return module;
    }

    /**
     * Keeps {@code tensor} as state that is saved and loaded but not learned (e.g. batch
     * normalization's running mean); the module updates it in place. Returns it.
     */
    protected final Tensor registerBuffer(String name, Tensor tensor) {
        claim(name);
        buffers.put(name, tensor);
        return tensor;
    }

    private void claim(String name) {
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": invalid name '" + name
                    + "' (must be non-empty, without dots)");
        }
        if (parameters.containsKey(name) || children.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": '" + name + "' is already registered");
        }
    }

    // ---------------------------------------------------------------- the tree

    /** The direct sub-modules, by name, in registration order. */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Every parameter of this module and its descendants, each once, in registration order. */
    public final List<Parameter> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /** Every parameter by dotted name ({@code layers.0.weight}); a shared one appears once, under its first name. */
    public final Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collectParameters("", out, seen);
        return Collections.unmodifiableMap(out);
    }

    private void collectParameters(String prefix, Map<String, Parameter> out, Set<Parameter> seen) {
        parameters.forEach((name, p) -> {
            if (seen.add(p)) {
                out.put(prefix + name, p);
            }
        });
        children.forEach((name, child) -> child.collectParameters(prefix + name + ".", out, seen));
    }

    /** Every buffer by dotted name. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collectBuffers("", out);
        return Collections.unmodifiableMap(out);
    }

    private void collectBuffers(String prefix, Map<String, Tensor> out) {
        buffers.forEach((name, b) -> out.put(prefix + name, b));
        children.forEach((name, child) -> child.collectBuffers(prefix + name + ".", out));
    }

    /** This module and every descendant by dotted name, this one under {@code ""}, depth first. */
    public final Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", out);
        return Collections.unmodifiableMap(out);
    }

    private void collectModules(String name, Map<String, Module> out) {
        out.put(name, this);
        children.forEach((child, m) -> m.collectModules(name.isEmpty() ? child : name + "." + child, out));
    }

    /** The number of learnable scalars, counting shared parameters once. */
    public final long parameterCount() {
        return parameters().stream().mapToLong(Parameter::numel).sum();
    }

    /**
     * Redraws every parameter and restarts every random stream in this tree: each module, in
     * {@link #namedModules()} order, gets its own {@linkplain Rng#split() split} of {@code rng}
     * for {@link #reset(Rng)}. The same seed gives the same weights. Returns this module.
     */
    public final Module initialize(Rng rng) {
        try (var scope = GradMode.noGrad()) {
            namedModules().values().forEach(module -> module.reset(rng.split()));
        }
        return this;
    }

    /**
     * Draws this module's own initial parameters (not its children's) and restarts its random
     * streams from {@code rng}; runs without recording a graph. By default there are no
     * parameters to draw, so it only {@linkplain #restartStreams(Rng) restarts the streams}.
     */
    protected void reset(Rng rng) {
        restartStreams(rng);
    }

    /**
     * Restarts every random stream in this tree (dropout masks, noise) and leaves the weights
     * as they are: each module, in {@link #namedModules()} order, gets its own {@linkplain
     * Rng#split() split} of {@code rng} for {@link #restartStreams(Rng)}. A trainer calls it at
     * every epoch with a stream derived from its seed and the epoch, so that a run resumed at
     * an epoch boundary draws the same masks as an uninterrupted one. Returns this module.
     */
    public final Module reseed(Rng rng) {
        namedModules().values().forEach(module -> module.restartStreams(rng.split()));
        return this;
    }

    /** Restarts this module's own random streams (not its children's) from {@code rng}. Does nothing by default. */
    protected void restartStreams(Rng rng) {
    }

    /**
     * Converts every parameter of this tree to {@code dtype}, as PyTorch's {@code
     * module.to(torch.float64)}: float64 for gradient checks and comparisons with reference
     * values, float32 for speed. Parameters keep their identity (an optimizer already holding
     * them sees the change) and lose their gradients. Buffers keep their type, because the
     * modules that own them update them in place; their values convert wherever they meet
     * parameters. Returns this module.
     */
    public final Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".to: parameters need a floating-point"
                    + " dtype, got " + dtype);
        }
        try (var scope = GradMode.noGrad()) {
            parameters().forEach(p -> p.bind(p.value().detach().to(dtype).clone().requiresGrad()));
        }
        return this;
    }

    /** Forgets the gradients of all parameters. */
    public final void zeroGrad() {
        parameters().forEach(Parameter::zeroGrad);
    }

    // ---------------------------------------------------------------- modes and hooks

    /** Puts this module and its descendants in training mode (dropout active, batch statistics); returns it. */
    public final Module train() {
        return train(true);
    }

    /** Puts this module and its descendants in evaluation mode (dropout off, running statistics); returns it. */
    public final Module eval() {
        return train(false);
    }

    /** Sets training mode on this module and its descendants; returns it. */
    public final Module train(boolean enabled) {
        training = enabled;
        children.values().forEach(child -> child.train(enabled));
        return this;
    }

    /** Whether this module is in training mode. */
    public final boolean isTraining() {
        return training;
    }

    /** Calls {@code hook} after every forward pass of this module until the returned handle is closed. */
    public final HookHandle addForwardHook(ForwardHook hook) {
        hooks.add(hook);
        return () -> hooks.remove(hook);
    }

    /** Whether any forward hook is registered: a module with one must run through {@link #forward}. */
    final boolean hasForwardHooks() {
        return !hooks.isEmpty();
    }

    /** Removes a hook when closed. */
    public interface HookHandle extends AutoCloseable {
        @Override
        void close();
    }

    // ---------------------------------------------------------------- state

    /** Copies of every parameter's and buffer's values by dotted name: what a model file stores. */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        try (var scope = GradMode.noGrad()) {
            namedParameters().forEach((name, p) -> out.put(name, p.value().detach().clone()));
            namedBuffers().forEach((name, b) -> out.put(name, b.detach().clone()));
        }
        return out;
    }

    /**
     * Overwrites every parameter and buffer with the entry of the same name. All problems —
     * missing entries, unexpected ones, wrong shapes — are collected into one error, and then
     * nothing is changed.
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        Map<String, Tensor> targets = new LinkedHashMap<>();
        namedParameters().forEach((name, p) -> targets.put(name, p.value()));
        targets.putAll(namedBuffers());
        List<String> problems = new ArrayList<>();
        Set<String> missing = new TreeSet<>(targets.keySet());
        missing.removeAll(state.keySet());
        Set<String> unexpected = new TreeSet<>(state.keySet());
        unexpected.removeAll(targets.keySet());
        if (!missing.isEmpty()) {
            problems.add("missing " + missing);
        }
        if (!unexpected.isEmpty()) {
            problems.add("unexpected " + unexpected);
        }
        targets.forEach((name, target) -> {
            Tensor given = state.get(name);
            if (given != null && !Arrays.equals(given.shape(), target.shape())) {
                problems.add(name + ": expected shape " + Shape.format(target.shape()) + ", got "
                        + Shape.format(given.shape()));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("loadStateDict: " + String.join("; ", problems));
        }
        try (var scope = GradMode.noGrad()) {
            targets.forEach((name, target) -> target.copyFrom(state.get(name)));
        }
    }

    // ---------------------------------------------------------------- printing

    /**
     * A table of the leaf modules in the order they run on an input of {@code inputShape}
     * (batch dimension included): name, type, output shape and parameter count, then the
     * totals. Runs one forward pass on zeros in evaluation mode, without recording a graph.
     */
    public final String summary(int... inputShape) {
        List<String[]> rows = new ArrayList<>();
        Map<Module, String> names = new IdentityHashMap<>();
        namedModules().forEach((name, m) -> names.put(m, name));
        List<HookHandle> handles = new ArrayList<>();
        names.keySet().stream().filter(m -> m.children.isEmpty()).forEach(m -> handles.add(m.addForwardHook(
                (module, in, out) -> rows.add(new String[] {names.get(module), module.getClass().getSimpleName(),
                        Shape.format(out.shape()), String.format("%,d", module.ownParameterCount())}))));
        boolean wasTraining = training;
        try (var scope = GradMode.noGrad()) {
            eval();
            forward(Tensor.zeros(inputShape));
        } finally {
            train(wasTraining);
            handles.forEach(HookHandle::close);
        }
        return SummaryTable.render(rows, parameterCount());
    }

    private long ownParameterCount() {
        return parameters.values().stream().mapToLong(Parameter::numel).sum();
    }

    /**
     * PyTorch's representation: the type with {@link #extraRepr()} in parentheses, children
     * indented one per line, e.g. {@code Linear(784, 256)}.
     */
    @Override
    public String toString() {
        if (children.isEmpty()) {
            return getClass().getSimpleName() + "(" + extraRepr() + ")";
        }
        StringBuilder out = new StringBuilder(getClass().getSimpleName()).append("(\n");
        children.forEach((name, child) -> out.append("  (").append(name).append("): ")
                .append(child.toString().replace("\n", "\n  ")).append('\n'));
        return out.append(')').toString();
    }

    /** The arguments shown in {@link #toString()}, e.g. {@code 784, 256} for a linear layer. */
    protected String extraRepr() {
        return "";
    }
}
