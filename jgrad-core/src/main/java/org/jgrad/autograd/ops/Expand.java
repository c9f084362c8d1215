package org.jgrad.autograd.ops;

import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * The input repeated along dimensions of extent 1 (and new leading dimensions) without copying:
 * those dimensions get stride 0. The engine sums the gradient back to the input's shape.
 */
public final class Expand extends View {

    private final int[] shape;

    /** {@code shape} has been checked to be a broadcast of the input's shape. */
    public Expand(Tensor x, int[] shape) {
        super(x);
        this.shape = shape;
    }

    @Override
    int[] shape() {
        return shape.clone();
    }

    @Override
    int[] strides() {
        return Shape.broadcastStrides(input(0).shape(), input(0).strides(), shape);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g};
    }
}
