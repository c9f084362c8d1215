package org.jgrad.backend;

/**
 * The kernels every tensor operation is built from. Implementations trust their arguments:
 * shapes, strides and offsets were checked by the tensor layer, the destination never overlaps
 * an input unless it is the same operand element for element, and storages of mixed element
 * types are allowed (values convert through {@code double}).
 */
public interface Backend {

    /** A short name for logs, e.g. {@code reference}. */
    String name();

    /** {@code dst = op(src)} element-wise over {@code shape}. */
    void map(UnaryOp op, Strided src, Strided dst, int[] shape);

    /** {@code dst = op(a, b)} element-wise over {@code shape}; broadcast operands have stride 0. */
    void zip(BinaryOp op, Strided a, Strided b, Strided dst, int[] shape);

    /** {@code dst = mask != 0 ? a : b} element-wise over {@code shape}. */
    void where(Strided mask, Strided a, Strided b, Strided dst, int[] shape);

    /**
     * Reduces the trailing {@code reducedRank} dimensions of {@code src} (of the given shape);
     * {@code dst} is indexed by the leading {@code shape.length - reducedRank} dimensions.
     */
    void reduce(ReduceOp op, Strided src, int[] shape, int reducedRank, Strided dst);

    /**
     * Finds the extremum over the last dimension of {@code src}, storing its value and the
     * index of its first occurrence; both destinations are indexed by the leading dimensions.
     */
    void reduceWithIndex(ReduceOp op, Strided src, int[] shape, Strided values, Strided indices);

    /**
     * {@code c = a · b} for an {@code m × k} matrix {@code a} and a {@code k × n} matrix
     * {@code b}; each operand's strides are {row, column}, so transposes cost nothing.
     */
    void matmul(Strided a, Strided b, Strided c, int m, int n, int k);

    /**
     * {@code c = activation(a · b + bias)}: a dense layer's product with its bias added and its
     * activation applied as the result is stored. {@code bias} is read as an {@code m × n}
     * operand (a row broadcast with row stride 0) or is {@code null}; {@code activation} is any
     * unary op. Every step rounds as {@link #matmul}, {@link #zip} and {@link #map} would, one
     * after the other, which is what this default does; a backend fuses them into one pass.
     */
    default void linear(Strided a, Strided b, Strided bias, Strided c, int m, int n, int k, UnaryOp activation) {
        matmul(a, b, c, m, n, k);
        int[] shape = {m, n};
        if (bias != null) {
            zip(BinaryOp.ADD, c, bias, c, shape);
        }
        if (activation != UnaryOp.IDENTITY) {
            map(activation, c, c, shape);
        }
    }

    /**
     * {@code dst = x − log Σ exp(x)} along the last dimension of {@code src}, computed without
     * overflow as {@code x − (m + log Σ exp(x − m))} with {@code m} the row's maximum (0 when that
     * is infinite or NaN, so that a row with NaN gives NaN and a row of −∞ gives NaN, as the
     * composition does).
     */
    void logSoftmax(Strided src, int[] shape, Strided dst);

    /**
     * One Adam update of {@code n} elements in place (see {@link AdamStep} for the rule and its
     * rounding): the parameter {@code value}, its gradient {@code grad} (read only), and the
     * moment buffers {@code expAvg}, {@code expAvgSq} and, for AMSGrad, {@code maxExpAvgSq}
     * (else {@code null}). All are packed runs (stride 1) of one floating-point type.
     */
    void adam(AdamStep step, Strided value, Strided grad, Strided expAvg, Strided expAvgSq, Strided maxExpAvgSq, int n);

    /**
     * {@code dst[p] = src[p with p[dim] replaced by index[p]]} for every position {@code p} of
     * {@code indexShape}.
     */
    void gather(Strided src, int dim, Strided index, Strided dst, int[] indexShape);

    /**
     * {@code dst[p with p[dim] replaced by index[p]] += src[p]} for every position {@code p} of
     * {@code indexShape}, in row-major order of {@code p}.
     */
    void scatterAdd(Strided dst, int dim, Strided index, Strided src, int[] indexShape);

    /**
     * {@code dst[dstOffset + i] = (src[srcOffset + i] & 0xFF) / divisor} for {@code i < length}:
     * unsigned bytes (pixels, say) to float32, scaled by one float division each, so every
     * backend gives the same bits (a multiplication by the reciprocal would not). The data sets
     * that keep images as bytes form their batches with it.
     */
    void unsignedBytesToFloats(byte[] src, int srcOffset, float[] dst, int dstOffset, int length, float divisor);
}
