package org.jgrad.autograd.ops;

import org.jgrad.Tensor;

/** The dimensions reordered (a view); the gradient is permuted back by the inverse order. */
public final class Permute extends View {

    private final int[] order;

    /** Dimension {@code i} of the result is dimension {@code order[i]} of {@code x}. */
    public Permute(Tensor x, int[] order) {
        super(x);
        this.order = order;
    }

    @Override
    int[] shape() {
        return reorder(input(0).shape());
    }

    @Override
    int[] strides() {
        return reorder(input(0).strides());
    }

    private int[] reorder(int[] values) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        int[] inverse = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverse[order[i]] = i;
        }
        return new Tensor[] {g.permute(inverse)};
    }
}
