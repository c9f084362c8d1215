package org.jgrad.autograd.ops;

import org.jgrad.Tensor;

/**
 * Every {@code step}-th index of one dimension from {@code start} (inclusive), {@code length}
 * of them: a view. The gradient is the output gradient placed in a zero tensor of the input's
 * shape at the sliced positions.
 */
public final class Slice extends View {

    private final int dim;
    private final int start;
    private final int length;
    private final int step;

    /** Arguments are checked and normalized by the caller. */
    public Slice(Tensor x, int dim, int start, int length, int step) {
        super(x);
        this.dim = dim;
        this.start = start;
        this.length = length;
        this.step = step;
    }

    @Override
    int[] shape() {
        int[] shape = input(0).shape();
        shape[dim] = length;
        return shape;
    }

    @Override
    int[] strides() {
        int[] strides = input(0).strides();
        strides[dim] *= step;
        return strides;
    }

    @Override
    int offset() {
        return input(0).offset() + (length == 0 ? 0 : start * input(0).strides()[dim]);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor grad = Tensor.zeros(g.dtype(), input(0).shape());
        Kernels.copyInto(grad.slice(dim, start, start + length * step, step), g);
        return new Tensor[] {grad};
    }
}
