package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.autograd.Function;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.UnaryOp;

/**
 * {@code log Σ exp(x)} over some dimensions, computed as {@code m + log Σ exp(x − m)} with
 * {@code m} the maximum so that nothing overflows; a fused primitive because the composition
 * would lose that. Its gradient is the softmax, {@code exp(x − y)}.
 */
public final class LogSumExp extends Function {

    private final int[] dims;
    private final boolean keepDim;

    /** Reduces {@code x} over {@code dims}, which are normalized and sorted. */
    public LogSumExp(Tensor x, int[] dims, boolean keepDim) {
        super(x);
        this.dims = dims;
        this.keepDim = keepDim;
    }

    @Override
    protected Tensor forward() {
        Tensor x = input(0);
        Tensor max = Kernels.reduce(ReduceOp.MAX, x, dims, true);
        Tensor finiteMax = Kernels.where(Kernels.map(UnaryOp.ABS, max).lt(Double.POSITIVE_INFINITY),
                max, Tensor.scalar(0.0, x.dtype()));
        Tensor shifted = Kernels.map(UnaryOp.EXP, Kernels.zip("logSumExp", BinaryOp.SUB, x, finiteMax));
        Tensor sum = Kernels.reduce(ReduceOp.SUM, shifted, dims, true);
        Tensor y = Kernels.zip("logSumExp", BinaryOp.ADD, Kernels.map(UnaryOp.LOG, sum), finiteMax);
        save(y);
        return keepDim ? y : y.reshape(Kernels.droppedShape(x.shape(), dims));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = input(0);
        int[] kept = Kernels.reducedShape(x.shape(), dims);
        return new Tensor[] {g.reshape(kept).mul(x.sub(saved(0)).exp())};
    }
}
