package org.jgrad;

import java.util.Arrays;

/** Static helpers for shapes and strides: sizes, broadcasting, dimension checks, views. */
public final class Shape {

    private Shape() {
    }

    /** Number of elements of a tensor of this shape (1 for a scalar). */
    public static int numel(int[] shape) {
        long n = 1;
        for (int extent : shape) {
            n *= extent;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + format(shape) + " has " + n
                    + " elements, more than the " + Integer.MAX_VALUE + " a tensor can hold");
        }
        return (int) n;
    }

    /** {@code [2, 3]}. */
    public static String format(int[] shape) {
        return Arrays.toString(shape);
    }

    /** Checks that every extent is non-negative, naming {@code op} otherwise. */
    public static int[] checkShape(String op, int[] shape) {
        for (int extent : shape) {
            if (extent < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + format(shape));
            }
        }
        numel(shape);
        return shape.clone();
    }

    /** The shape two operands broadcast to, following NumPy's rules. */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int d = 0; d < rank; d++) {
            int ea = d < rank - a.length ? 1 : a[d - (rank - a.length)];
            int eb = d < rank - b.length ? 1 : b[d - (rank - b.length)];
            if (ea != eb && ea != 1 && eb != 1) {
                throw new IllegalArgumentException(op + ": shapes " + format(a) + " and " + format(b)
                        + " are not broadcastable (dim " + d + ": " + ea + " vs " + eb + ")");
            }
            out[d] = ea == 1 ? eb : ea;
        }
        return out;
    }

    /**
     * Strides that read an operand of shape {@code shape} as if it had shape {@code target}:
     * broadcast dimensions get stride 0. The caller has checked that it broadcasts.
     */
    public static int[] broadcastStrides(int[] shape, int[] strides, int[] target) {
        int[] out = new int[target.length];
        int lead = target.length - shape.length;
        for (int d = lead; d < target.length; d++) {
            out[d] = shape[d - lead] == 1 && target[d] != 1 ? 0 : strides[d - lead];
        }
        return out;
    }

    /** {@code dim} made non-negative, or an error naming {@code op} when it is out of range. */
    public static int normalizeDim(String op, int dim, int rank) {
        int bound = Math.max(rank, 1);
        if (dim < -bound || dim >= bound) {
            throw new IllegalArgumentException(op + ": dimension " + dim + " is out of range for a tensor of rank "
                    + rank + " (expected " + -bound + " to " + (bound - 1) + ")");
        }
        return dim < 0 ? dim + bound : dim;
    }

    /** Dimensions made non-negative, checked, sorted and free of repeats; empty means all. */
    public static int[] normalizeDims(String op, int[] dims, int rank) {
        if (dims.length == 0) {
            int[] all = new int[rank];
            Arrays.setAll(all, d -> d);
            return all;
        }
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = normalizeDim(op, dims[i], rank);
        }
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) {
                throw new IllegalArgumentException(op + ": dimension " + out[i] + " appears more than once in "
                        + Arrays.toString(dims));
            }
        }
        return out;
    }

    /** Whether a tensor with these strides is packed in row-major order. */
    public static boolean isContiguous(int[] shape, int[] strides) {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /**
     * Strides that let data of {@code oldShape} and {@code oldStrides} be read as
     * {@code newShape} without copying, or {@code null} when only a copy can do it. This is
     * PyTorch's rule: dimensions may be split or merged only where memory is contiguous.
     */
    public static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
        int[] newStrides = new int[newShape.length];
        if (oldShape.length == 0 || numel(oldShape) == 0) {
            return org.jgrad.backend.Strided.rowMajorStrides(newShape);
        }
        int viewD = newShape.length - 1;
        long chunkBaseStride = oldStrides[oldStrides.length - 1];
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1
                    && oldStrides[tensorD - 1] != tensorNumel * chunkBaseStride)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStrides[viewD] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (tensorD > 0) {
                    chunkBaseStride = oldStrides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStrides : null;
    }

    /** {@code shape} with one {@code -1} replaced by the extent that keeps {@code numel} elements. */
    public static int[] inferReshape(String op, int[] from, int[] shape) {
        int[] out = shape.clone();
        int unknown = -1;
        long known = 1;
        for (int d = 0; d < out.length; d++) {
            if (out[d] == -1) {
                if (unknown >= 0) {
                    throw new IllegalArgumentException(op + ": only one dimension can be -1, got " + format(shape));
                }
                unknown = d;
            } else if (out[d] < 0) {
                throw new IllegalArgumentException(op + ": negative dimension in shape " + format(shape));
            } else {
                known *= out[d];
            }
        }
        int n = numel(from);
        if (unknown >= 0 && known != 0 && n % known == 0) {
            out[unknown] = (int) (n / known);
        }
        if (unknown >= 0 ? (known == 0 || n % known != 0) : known != n) {
            throw new IllegalArgumentException(op + ": shape " + format(shape) + " is invalid for a tensor of shape "
                    + format(from) + " (" + n + " elements)");
        }
        return out;
    }
}
