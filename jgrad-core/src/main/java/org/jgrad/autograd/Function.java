package org.jgrad.autograd;

import java.util.List;
import org.jgrad.DType;
import org.jgrad.Tensor;

/**
 * One differentiable operation: its forward computation and its backward rule side by side.
 *
 * <p>A subclass takes its inputs in the constructor, computes its result in {@link #forward()}
 * without recording anything, and returns in {@link #backward(Tensor)} the gradient of the
 * loss with respect to each input, written with tensor operations. Callers run it with {@link
 * #apply()}, which records the function as the result's origin when grad mode is on and an
 * input requires a gradient. A gradient may have the shape of the broadcast result: the engine
 * sums it back to the input's shape, once, for every op.
 *
 * <p>Tensors needed by the backward pass beyond the inputs are kept with {@link #save} and read
 * with {@link #saved(int)}; the engine frees them after a backward pass unless asked to retain
 * the graph.
 */
public abstract class Function {

    private static final Tensor[] NOTHING = {};

    private final Tensor[] inputs;
    private Tensor[] saved = NOTHING;
    private boolean released;

    /** A function of the given inputs, in the order {@link #backward} returns their gradients. */
    protected Function(Tensor... inputs) {
        this.inputs = inputs;
    }

    /** Computes the result; records this function as its origin when a gradient will be needed. */
    public final Tensor apply() {
        Tensor result = forward();
        if (GradMode.isEnabled() && anyInputRequiresGrad()) {
            return result.withGradFn(this);
        }
        saved = NOTHING;
        return result;
    }

    /** The result, computed from the inputs without recording a graph. */
    protected abstract Tensor forward();

    /**
     * The gradient with respect to each input, given the gradient with respect to the result;
     * {@code null} for an input that needs none (see {@link #needsGrad(int)}). The tensors this
     * receives and makes live in arrays that the next backward pass reuses: a rule must not keep
     * them beyond its return (copy values out, e.g. with {@code toFloatArray()}, to keep them).
     */
    protected abstract Tensor[] backward(Tensor gradOutput);

    /** The op's name for messages and graph drawings, e.g. {@code Mul}. */
    public String name() {
        return getClass().getSimpleName();
    }

    /** The inputs, in order. */
    public final List<Tensor> inputs() {
        return List.of(inputs);
    }

    /** Input {@code i}. */
    protected final Tensor input(int i) {
        return inputs[i];
    }

    /** Whether the gradient of input {@code i} is wanted, so that work for others can be skipped. */
    protected final boolean needsGrad(int i) {
        return inputs[i].isRequiresGrad();
    }

    /**
     * A buffer that {@link #backward} may write input {@code i}'s gradient into and return, or
     * {@code null}: the gradient buffer {@code zeroGrad()} kept on a leaf input, when that
     * gradient is wanted and has this dtype; handed out once a pass. Saves copying a large
     * gradient, a weight's, into its buffer after the pass.
     */
    protected final Tensor gradientBuffer(int i, DType dtype) {
        Tensor input = inputs[i];
        return input.isLeaf() && input.isRequiresGrad() && input.dtype() == dtype ? input.claimGradBuffer() : null;
    }

    /** Keeps tensors for the backward pass (replacing any kept before). */
    protected final void save(Tensor... tensors) {
        saved = tensors;
    }

    /** Tensor {@code i} of those given to {@link #save}. */
    protected final Tensor saved(int i) {
        return saved[i];
    }

    /** Runs the backward rule, failing clearly when the graph was already freed. */
    final Tensor[] runBackward(Tensor gradOutput) {
        if (released) {
            throw new IllegalStateException("backward: the graph through " + name()
                    + " was already freed by an earlier backward(); call backward(true) the first time"
                    + " to keep it for a second pass");
        }
        Tensor[] grads = backward(gradOutput);
        if (grads.length != inputs.length) {
            throw new IllegalStateException(name() + ".backward returned " + grads.length
                    + " gradients for " + inputs.length + " inputs");
        }
        return grads;
    }

    /** Drops the tensors kept for backward; a later backward through this function fails. */
    final void release() {
        saved = NOTHING;
        released = true;
    }

    private boolean anyInputRequiresGrad() {
        for (Tensor input : inputs) {
            if (input.isRequiresGrad()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name();
    }
}
