package org.jgrad.backend.blas;

import java.lang.foreign.MemorySegment;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;

/**
 * One input of a BLAS product: a segment starting at its first element and the layout CBLAS
 * reads it with; a packed copy when the operand's strides have no CBLAS layout.
 */
record Operand(MemorySegment segment, CblasLayout layout) {

    /** The {@code rows × cols} matrix {@code s} as BLAS will read it. */
    static Operand of(Strided s, int rows, int cols) {
        CblasLayout layout = CblasLayout.of(rows, cols, s.strides()[0], s.strides()[1]);
        if (layout != null) {
            return new Operand(segment(s), layout);
        }
        Strided packed = new Strided(s.storage().allocateLike(rows * cols), 0, new int[] {cols, 1});
        copy(s, packed, rows, cols);
        return new Operand(segment(packed), CblasLayout.packed(cols));
    }

    /** A heap segment over the operand's array, from its offset on. */
    static MemorySegment segment(Strided s) {
        return switch (s.storage()) {
            case Storage.Floats f -> MemorySegment.ofArray(f.data()).asSlice((long) s.offset() * Float.BYTES);
            case Storage.Doubles d -> MemorySegment.ofArray(d.data()).asSlice((long) s.offset() * Double.BYTES);
            case Storage.Longs l -> throw new IllegalArgumentException("BLAS multiplies floating-point matrices only");
        };
    }

    /** Copies the {@code rows × cols} matrix {@code from} into {@code to}, element by element. */
    static void copy(Strided from, Strided to, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                to.storage().set(to.offset() + i * to.strides()[0] + j * to.strides()[1],
                        from.storage().get(from.offset() + i * from.strides()[0] + j * from.strides()[1]));
            }
        }
    }
}
