package org.jgrad.autograd.ops;

import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.autograd.Function;

/**
 * The same elements in row-major order under another shape: a view when the strides allow it
 * (see {@link Shape#viewStrides}), otherwise a copy. The gradient is reshaped back.
 */
public final class Reshape extends Function {

    private final int[] shape;

    /** {@code shape} has been checked to hold the same number of elements. */
    public Reshape(Tensor x, int[] shape) {
        super(x);
        this.shape = shape;
    }

    @Override
    protected Tensor forward() {
        Tensor x = input(0);
        int[] strides = Shape.viewStrides(x.shape(), x.strides(), shape);
        if (strides == null) {
            Tensor copy = Kernels.copy(x, x.dtype());
            return Tensor.fromStorage(copy.storage(), shape, org.jgrad.backend.Strided.rowMajorStrides(shape), 0);
        }
        return Tensor.fromStorage(x.storage(), shape, strides, x.offset());
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g.reshape(input(0).shape())};
    }
}
