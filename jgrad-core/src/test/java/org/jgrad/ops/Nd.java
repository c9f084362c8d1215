package org.jgrad.ops;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import org.jgrad.Tensor;

/**
 * A plain float64 n-dimensional array for reference computations: row-major {@code double[]}
 * values and a shape, with every operation written as explicit loops over indices. It uses
 * nothing of jgrad beyond reading a tensor's values once ({@link #of}), so the op-spec table
 * compares jgrad against an implementation that shares none of its code.
 */
record Nd(double[] data, int[] shape) {

    /** The values of {@code t}, in row-major order, with its shape. */
    static Nd of(Tensor t) {
        return new Nd(t.toDoubleArray(), t.shape());
    }

    int rank() {
        return shape.length;
    }

    int numel() {
        return data.length;
    }

    /** Element at a full index (no negative indices). */
    double at(int... index) {
        return data[ravel(index, shape)];
    }

    /** An array of {@code shape} whose element at each index is {@code valueAt(index)}. */
    static Nd build(int[] shape, ToDoubleFunction<int[]> valueAt) {
        int n = 1;
        for (int e : shape) {
            n *= e;
        }
        double[] out = new double[n];
        for (int flat = 0; flat < n; flat++) {
            out[flat] = valueAt.applyAsDouble(unravel(flat, shape));
        }
        return new Nd(out, shape.clone());
    }

    static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    static int ravel(int[] index, int[] shape) {
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException(Arrays.toString(index) + " in " + Arrays.toString(shape));
            }
            flat = flat * shape[d] + index[d];
        }
        return flat;
    }

    static int normalize(int dim, int rank) {
        return dim < 0 ? dim + rank : dim;
    }

    // ---------------------------------------------------------------- element-wise

    Nd map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(data[i]);
        }
        return new Nd(out, shape.clone());
    }

    /** NumPy broadcasting of two shapes. */
    static int[] broadcastShape(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int d = 0; d < rank; d++) {
            int ea = d < rank - a.length ? 1 : a[d - (rank - a.length)];
            int eb = d < rank - b.length ? 1 : b[d - (rank - b.length)];
            if (ea != eb && ea != 1 && eb != 1) {
                throw new IllegalArgumentException("reference: not broadcastable");
            }
            out[d] = Math.max(ea, eb);
        }
        return out;
    }

    /** The element that index {@code outIndex} of a broadcast result reads from this array. */
    double atBroadcast(int[] outIndex) {
        int lead = outIndex.length - shape.length;
        int[] index = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            index[d] = shape[d] == 1 ? 0 : outIndex[d + lead];
        }
        return at(index);
    }

    static Nd zip(Nd a, Nd b, DoubleBinaryOperator f) {
        return build(broadcastShape(a.shape, b.shape), i -> f.applyAsDouble(a.atBroadcast(i), b.atBroadcast(i)));
    }

    static Nd where(Nd mask, Nd a, Nd b) {
        int[] shape = broadcastShape(broadcastShape(mask.shape, a.shape), b.shape);
        return build(shape, i -> mask.atBroadcast(i) != 0 ? a.atBroadcast(i) : b.atBroadcast(i));
    }

    Nd expand(int... target) {
        return build(broadcastShape(shape, target), this::atBroadcast);
    }

    // ---------------------------------------------------------------- reductions

    /**
     * {@code f} applied to the values of every slice over {@code dims} (all when empty; negative
     * counts from the end); those dimensions are kept with extent 1 when {@code keepDim}. A
     * scalar counts as one slice of one value, whatever {@code dims} says, as in PyTorch.
     */
    Nd reduce(int[] dims, boolean keepDim, ToDoubleFunction<double[]> f) {
        if (rank() == 0) {
            return new Nd(new double[] {f.applyAsDouble(data.clone())}, new int[0]);
        }
        boolean[] reduced = new boolean[rank()];
        for (int d : dims) {
            reduced[normalize(d, rank())] = true;
        }
        if (dims.length == 0) {
            Arrays.fill(reduced, true);
        }
        int[] kept = shape.clone();
        int count = 1;
        for (int d = 0; d < rank(); d++) {
            if (reduced[d]) {
                kept[d] = 1;
                count *= shape[d];
            }
        }
        double[] out = new double[numel() / Math.max(count, 1)];
        double[][] groups = new double[out.length][count];
        int[] filled = new int[out.length];
        for (int flat = 0; flat < numel(); flat++) {
            int[] index = unravel(flat, shape);
            for (int d = 0; d < rank(); d++) {
                if (reduced[d]) {
                    index[d] = 0;
                }
            }
            int group = ravel(index, kept);
            groups[group][filled[group]++] = data[flat];
        }
        for (int g = 0; g < out.length; g++) {
            out[g] = f.applyAsDouble(groups[g]);
        }
        if (keepDim) {
            return new Nd(out, kept);
        }
        int[] dropped = new int[rank() - (dims.length == 0 ? rank() : dims.length)];
        for (int d = 0, j = 0; d < rank(); d++) {
            if (!reduced[d]) {
                dropped[j++] = shape[d];
            }
        }
        return new Nd(out, dropped);
    }

    /** Every line along {@code dim} replaced by {@code f} of it (same length): softmax and friends. */
    Nd alongDim(int dim, UnaryOperator<double[]> f) {
        if (rank() == 0) {
            return new Nd(f.apply(data.clone()), new int[0]);
        }
        int d = normalize(dim, rank());
        double[] out = new double[numel()];
        for (int flat = 0; flat < numel(); flat++) {
            int[] index = unravel(flat, shape);
            if (index[d] != 0) {
                continue;
            }
            double[] line = new double[shape[d]];
            for (int k = 0; k < line.length; k++) {
                index[d] = k;
                line[k] = at(index);
            }
            double[] mapped = f.apply(line);
            for (int k = 0; k < line.length; k++) {
                index[d] = k;
                out[ravel(index, shape)] = mapped[k];
            }
        }
        return new Nd(out, shape.clone());
    }

    // ---------------------------------------------------------------- layout

    Nd reshape(int... target) {
        int[] out = target.clone();
        int known = 1;
        int unknown = -1;
        for (int d = 0; d < out.length; d++) {
            if (out[d] == -1) {
                unknown = d;
            } else {
                known *= out[d];
            }
        }
        if (unknown >= 0) {
            out[unknown] = numel() / known;
        }
        return new Nd(data.clone(), out);
    }

    Nd permute(int... order) {
        int[] target = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            target[i] = shape[normalize(order[i], rank())];
        }
        return build(target, i -> {
            int[] source = new int[rank()];
            for (int k = 0; k < order.length; k++) {
                source[normalize(order[k], rank())] = i[k];
            }
            return at(source);
        });
    }

    Nd transpose(int a, int b) {
        int[] order = new int[rank()];
        Arrays.setAll(order, i -> i);
        order[normalize(a, rank())] = normalize(b, rank());
        order[normalize(b, rank())] = normalize(a, rank());
        return permute(order);
    }

    /** Python's {@code x[start:end:step]} along {@code dim}: negative values count from the end, then clip. */
    Nd slice(int dim, int start, int end, int step) {
        int d = normalize(dim, rank());
        int n = shape[d];
        int from = Math.min(Math.max(start < 0 ? start + n : start, 0), n);
        int to = Math.min(Math.max(end < 0 ? end + n : end, from), n);
        int[] target = shape.clone();
        target[d] = (to - from + step - 1) / step;
        return build(target, i -> {
            int[] source = i.clone();
            source[d] = from + i[d] * step;
            return at(source);
        });
    }

    /** Index {@code index} of {@code dim}, dropped. */
    Nd select(int dim, int index) {
        int d = normalize(dim, rank());
        int i = index < 0 ? index + shape[d] : index;
        int[] target = new int[rank() - 1];
        for (int k = 0, j = 0; k < rank(); k++) {
            if (k != d) {
                target[j++] = shape[k];
            }
        }
        return build(target, out -> {
            int[] source = new int[rank()];
            for (int k = 0, j = 0; k < rank(); k++) {
                source[k] = k == d ? i : out[j++];
            }
            return at(source);
        });
    }

    static Nd concat(int dim, Nd... parts) {
        int d = normalize(dim, parts[0].rank());
        int[] target = parts[0].shape.clone();
        target[d] = 0;
        for (Nd part : parts) {
            target[d] += part.shape[d];
        }
        return build(target, i -> {
            int[] source = i.clone();
            for (Nd part : parts) {
                if (source[d] < part.shape[d]) {
                    return part.at(source);
                }
                source[d] -= part.shape[d];
            }
            throw new IllegalStateException();
        });
    }

    // ---------------------------------------------------------------- indexing and products

    /** {@code out[p] = this[p with p[dim] = index[p]]}. */
    Nd gather(int dim, Nd index) {
        int d = normalize(dim, rank());
        return build(index.shape, p -> {
            int[] source = p.clone();
            source[d] = (int) index.at(p);
            return at(source);
        });
    }

    /** A copy with {@code src[p]} added at {@code p with p[dim] = index[p]}. */
    Nd scatterAdd(int dim, Nd index, Nd src) {
        int d = normalize(dim, rank());
        double[] out = data.clone();
        for (int flat = 0; flat < index.numel(); flat++) {
            int[] p = unravel(flat, index.shape);
            double value = src.at(p);
            p[d] = (int) index.data[flat];
            out[ravel(p, shape)] += value;
        }
        return new Nd(out, shape.clone());
    }

    /**
     * PyTorch's matmul: a 1-D left operand is a row and a 1-D right operand a column, both
     * dropped afterwards; dimensions before the last two broadcast.
     */
    static Nd matmul(Nd a, Nd b) {
        Nd left = a.rank() == 1 ? a.reshape(1, a.shape[0]) : a;
        Nd right = b.rank() == 1 ? b.reshape(b.shape[0], 1) : b;
        int m = left.shape[left.rank() - 2];
        int k = left.shape[left.rank() - 1];
        int n = right.shape[right.rank() - 1];
        int[] batch = broadcastShape(Arrays.copyOf(left.shape, left.rank() - 2),
                Arrays.copyOf(right.shape, right.rank() - 2));
        int[] target = Arrays.copyOf(batch, batch.length + 2);
        target[batch.length] = m;
        target[batch.length + 1] = n;
        Nd product = build(target, i -> {
            int[] ai = batchIndex(left, i, batch.length);
            int[] bi = batchIndex(right, i, batch.length);
            double s = 0;
            for (int p = 0; p < k; p++) {
                ai[ai.length - 2] = i[batch.length];
                ai[ai.length - 1] = p;
                bi[bi.length - 2] = p;
                bi[bi.length - 1] = i[batch.length + 1];
                s += left.at(ai) * right.at(bi);
            }
            return s;
        });
        int[] out = product.shape;
        if (b.rank() == 1) {
            out = Arrays.copyOf(out, out.length - 1);
        }
        if (a.rank() == 1) {
            int[] dropped = new int[out.length - 1];
            int drop = out.length - (b.rank() == 1 ? 1 : 2);
            for (int d = 0, j = 0; d < out.length; d++) {
                if (d != drop) {
                    dropped[j++] = out[d];
                }
            }
            out = dropped;
        }
        return new Nd(product.data, out);
    }

    /** The index into {@code x} for output index {@code out}: its batch part broadcast, last two left for the caller. */
    private static int[] batchIndex(Nd x, int[] out, int batchRank) {
        int[] index = new int[x.rank()];
        int lead = batchRank - (x.rank() - 2);
        for (int d = 0; d < x.rank() - 2; d++) {
            index[d] = x.shape[d] == 1 ? 0 : out[d + lead];
        }
        return index;
    }
}
