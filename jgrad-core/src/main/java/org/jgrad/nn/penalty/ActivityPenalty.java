package org.jgrad.nn.penalty;

import org.jgrad.Tensor;
import org.jgrad.nn.Module;

/**
 * An L1 penalty on a layer's output, {@code λ·Σ |h|} summed over all elements of the batch, for
 * sparse representations: where the L1 weight penalty makes weights 0, this makes the hidden
 * units' activations {@code h} 0 for most inputs (the CS-S109A deck's {@code L + α·Ω(h)}).
 *
 * <p>It watches one module through a {@linkplain Module#addForwardHook forward hook} and
 * penalizes the output of that module's latest forward pass, so call {@link #of(Module)} after
 * the model's forward pass and before {@code backward()}:
 *
 * <pre>{@code
 * var sparsity = new ActivityPenalty(hidden, 1e-3);
 * Tensor l = loss.forward(model.forward(x), y).add(sparsity.of(model));
 * }</pre>
 *
 * The sum grows with the batch size; use {@code λ/N} for a per-example strength. Until the next
 * forward pass, the penalty keeps the latest output (and the graph behind it) alive; {@link
 * #close()} removes the hook and lets it go.
 */
public final class ActivityPenalty implements Regularizer, AutoCloseable {

    private final Module module;
    private final double lambda;
    private final Module.HookHandle hook;
    private Tensor activation;

    /** Penalizes {@code λ·Σ |h|} of the output {@code h} of {@code module}, which it starts watching. */
    public ActivityPenalty(Module module, double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("ActivityPenalty: lambda must be non-negative and finite, got "
                    + lambda);
        }
        this.module = module;
        this.lambda = lambda;
        this.hook = module.addForwardHook((m, input, output) -> activation = output);
    }

    /**
     * {@code λ·Σ |h|} of the watched module's latest output; fails when the module is not part of
     * {@code model} or has no recorded forward pass (none
     * since this penalty was made, or it was closed).
     */
    @Override
    public Tensor of(Module model) {
        if (model.namedModules().values().stream().noneMatch(m -> m == module)) {
            throw new IllegalArgumentException("ActivityPenalty: the watched module "
                    + module.getClass().getSimpleName() + " is not part of the model");
        }
        if (activation == null) {
            throw new IllegalStateException("ActivityPenalty: the watched module " + module.getClass().getSimpleName()
                    + " has no recorded forward pass; call of(model) after the model's forward pass");
        }
        return activation.abs().sum().mul(lambda);
    }

    /** The strength {@code λ}. */
    public double lambda() {
        return lambda;
    }

    /** Stops watching the module and drops the output it kept. */
    @Override
    public void close() {
        hook.close();
        activation = null;
    }

    @Override
    public String toString() {
        return "ActivityPenalty(" + module.getClass().getSimpleName() + ", lambda=" + lambda + ")";
    }
}
