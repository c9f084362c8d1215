package org.jgrad.backend;

/**
 * A backend that hands every kernel to another one; a faster backend extends it and overrides
 * only the kernels it accelerates (and, in those, hands on the cases it does not). {@link
 * #linear} is not handed on: its default composes this backend's own kernels.
 */
public abstract class DelegatingBackend implements Backend {

    private final Backend fallback;

    /** A backend that runs everything it does not override on {@code fallback}. */
    protected DelegatingBackend(Backend fallback) {
        this.fallback = fallback;
    }

    /** The backend that runs what this one does not. */
    protected final Backend fallback() {
        return fallback;
    }

    @Override
    public void map(UnaryOp op, Strided src, Strided dst, int[] shape) {
        fallback.map(op, src, dst, shape);
    }

    @Override
    public void zip(BinaryOp op, Strided a, Strided b, Strided dst, int[] shape) {
        fallback.zip(op, a, b, dst, shape);
    }

    @Override
    public void where(Strided mask, Strided a, Strided b, Strided dst, int[] shape) {
        fallback.where(mask, a, b, dst, shape);
    }

    @Override
    public void reduce(ReduceOp op, Strided src, int[] shape, int reducedRank, Strided dst) {
        fallback.reduce(op, src, shape, reducedRank, dst);
    }

    @Override
    public void reduceWithIndex(ReduceOp op, Strided src, int[] shape, Strided values, Strided indices) {
        fallback.reduceWithIndex(op, src, shape, values, indices);
    }

    @Override
    public void matmul(Strided a, Strided b, Strided c, int m, int n, int k) {
        fallback.matmul(a, b, c, m, n, k);
    }

    @Override
    public void logSoftmax(Strided src, int[] shape, Strided dst) {
        fallback.logSoftmax(src, shape, dst);
    }

    @Override
    public void adam(AdamStep step, Strided value, Strided grad, Strided expAvg, Strided expAvgSq,
                     Strided maxExpAvgSq, int n) {
        fallback.adam(step, value, grad, expAvg, expAvgSq, maxExpAvgSq, n);
    }

    @Override
    public void gather(Strided src, int dim, Strided index, Strided dst, int[] indexShape) {
        fallback.gather(src, dim, index, dst, indexShape);
    }

    @Override
    public void scatterAdd(Strided dst, int dim, Strided index, Strided src, int[] indexShape) {
        fallback.scatterAdd(dst, dim, index, src, indexShape);
    }

    @Override
    public void unsignedBytesToFloats(byte[] src, int srcOffset, float[] dst, int dstOffset, int length, float divisor) {
        fallback.unsignedBytesToFloats(src, srcOffset, dst, dstOffset, length, divisor);
    }
}
