package org.jgrad.nn;

import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;

/**
 * A learnable tensor of a module: a leaf that requires grad, whose gradient {@code backward()}
 * fills and whose values optimizers update in place. Modules read it with {@link #value()}.
 */
public final class Parameter {

    private Tensor value;

    /** A parameter holding {@code initial} (copied, so the caller's tensor is not shared). */
    public Parameter(Tensor initial) {
        if (!initial.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Parameter: needs a floating-point tensor, got " + initial.dtype());
        }
        try (var scope = GradMode.noGrad()) {
            this.value = initial.detach().clone().requiresGrad();
        }
    }

    /**
     * The current values: a leaf tensor that requires grad, updated in place by optimizers. Read
     * it at each use rather than keeping it: {@link Module#to} replaces it.
     */
    public Tensor value() {
        return value;
    }

    /** The gradient accumulated by backward, or {@code null} before any. */
    public Tensor grad() {
        return value.grad();
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        value.zeroGrad();
    }

    /** The extent of each dimension. */
    public int[] shape() {
        return value.shape();
    }

    /** The number of scalar values. */
    public int numel() {
        return value.numel();
    }

    /** Overwrites the values in place with {@code source} (this shape, or broadcastable to it), outside any graph. */
    public void set(Tensor source) {
        try (var scope = GradMode.noGrad()) {
            value.copyFrom(source);
        }
    }

    /**
     * Makes {@code leaf}, a floating-point tensor that requires grad, this parameter's values in
     * place of the current ones; the parameter keeps its identity, so optimizers holding it see
     * the change. Used by {@link Module#to} and by gradient checks that perturb parameters.
     */
    void bind(Tensor leaf) {
        if (!leaf.isLeaf() || !leaf.isRequiresGrad() || !leaf.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("Parameter: needs a floating-point leaf that requires grad, got "
                    + leaf);
        }
        value = leaf;
    }

    @Override
    public String toString() {
        return "Parameter " + value;
    }
}
