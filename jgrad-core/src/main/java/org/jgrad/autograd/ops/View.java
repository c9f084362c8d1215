package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.autograd.Function;

/**
 * A tensor that shares its input's storage, read with another shape, strides or offset:
 * reshape, permute/transpose, slice, expand. Subclasses give the new layout and the backward
 * rule; gradients flow back to the base tensor through them.
 */
abstract class View extends Function {

    View(Tensor x) {
        super(x);
    }

    /** The view's shape. */
    abstract int[] shape();

    /** The view's strides. */
    abstract int[] strides();

    /** The view's offset into the shared storage. */
    int offset() {
        return input(0).offset();
    }

    @Override
    protected final Tensor forward() {
        return Tensor.fromStorage(input(0).storage(), shape(), strides(), offset());
    }
}
