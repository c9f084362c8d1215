package org.jgrad.nn;

import java.util.Arrays;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * Merges dimensions {@code startDim} to {@code endDim} (inclusive; negative counts from the end)
 * into one, as PyTorch's {@code nn.Flatten}: by default {@code [N, *] → [N, product of *]}, e.g.
 * images {@code [N, 1, 28, 28]} into rows {@code [N, 784]} for a {@link Linear} layer. A view
 * when the input's layout allows it, else a copy; the gradient is reshaped back.
 */
public final class Flatten extends Module {

    private final int startDim;
    private final int endDim;

    /** Flattens every dimension but the first (the batch). */
    public Flatten() {
        this(1, -1);
    }

    /** Flattens dimensions {@code startDim} to {@code endDim}, both included. */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    /** The first dimension merged (negative counts from the end). */
    public int startDim() {
        return startDim;
    }

    /** The last dimension merged, included (negative counts from the end). */
    public int endDim() {
        return endDim;
    }

    @Override
    protected Tensor compute(Tensor input) {
        int rank = input.dim();
        int start = startDim < 0 ? startDim + rank : startDim;
        int end = endDim < 0 ? endDim + rank : endDim;
        if (start < 0 || end >= rank || start > end) {
            throw new IllegalArgumentException(this + ": cannot flatten dimensions " + startDim + " to " + endDim
                    + " of an input of shape " + Shape.format(input.shape()));
        }
        int[] shape = input.shape();
        int[] out = new int[rank - (end - start)];
        System.arraycopy(shape, 0, out, 0, start);
        out[start] = Shape.numel(Arrays.copyOfRange(shape, start, end + 1));
        System.arraycopy(shape, end + 1, out, start + 1, rank - end - 1);
        return input.reshape(out);
    }

    @Override
    protected String extraRepr() {
        return "startDim=" + startDim + ", endDim=" + endDim;
    }
}
