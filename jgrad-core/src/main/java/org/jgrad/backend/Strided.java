package org.jgrad.backend;

/**
 * One operand of a kernel: a storage and how to walk it. Element {@code (i0, i1, ...)} lives at
 * {@code offset + i0 * strides[0] + i1 * strides[1] + ...}; a stride of 0 repeats an element
 * (broadcasting).
 */
public record Strided(Storage storage, int offset, int[] strides) {

    /** A densely packed, row-major operand of the given shape starting at index 0. */
    public static Strided contiguous(Storage storage, int[] shape) {
        return new Strided(storage, 0, rowMajorStrides(shape));
    }

    /** Row-major strides of a packed array of the given shape. */
    public static int[] rowMajorStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }
}
