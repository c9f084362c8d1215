package org.jgrad.backend.simd;

import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.DelegatingBackend;
import org.jgrad.backend.ReferenceBackend;
import org.jgrad.backend.RowWalker;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;
import org.jgrad.backend.UnaryOp;
import org.jgrad.backend.WorkerPool;

/**
 * Kernels on the Vector API for float32 data: the blocked matrix product of {@link FloatGemm}
 * and element-wise maps over rows whose inner stride is 1 (or 0, a broadcast value). Everything
 * else — float64, int64, mixed types, other layouts — goes to the {@link ReferenceBackend},
 * whose results these kernels are tested against.
 */
public final class SimdBackend extends DelegatingBackend {

    /** The SIMD backend, with the reference backend for what it does not accelerate. */
    public SimdBackend() {
        super(new ReferenceBackend());
    }

    @Override
    public String name() {
        return "simd (" + FloatGemm.class.getSimpleName() + ", " + FloatRows.LANES + " float lanes)";
    }

    @Override
    public void map(UnaryOp op, Strided src, Strided dst, int[] shape) {
        if (src.storage() instanceof Storage.Floats in && dst.storage() instanceof Storage.Floats out
                && FloatRows.supports(op) && unitInner(dst, shape)) {
            int n = RowWalker.rowLength(shape);
            int ss = RowWalker.rowStride(src, shape.length);
            RowWalker.forEachRow(shape, new Strided[] {src, dst},
                    start -> FloatRows.map(op, in.data(), start[0], ss, out.data(), start[1], n));
            return;
        }
        super.map(op, src, dst, shape);
    }

    @Override
    public void zip(BinaryOp op, Strided a, Strided b, Strided dst, int[] shape) {
        if (a.storage() instanceof Storage.Floats x && b.storage() instanceof Storage.Floats y
                && dst.storage() instanceof Storage.Floats out && FloatRows.supports(op) && unitInner(dst, shape)) {
            int n = RowWalker.rowLength(shape);
            int as = RowWalker.rowStride(a, shape.length);
            int bs = RowWalker.rowStride(b, shape.length);
            RowWalker.forEachRow(shape, new Strided[] {a, b, dst}, start -> FloatRows.zip(op,
                    x.data(), start[0], as, y.data(), start[1], bs, out.data(), start[2], n));
            return;
        }
        super.zip(op, a, b, dst, shape);
    }

    /** Whether the destination's rows are packed, which every fast path writes. */
    private static boolean unitInner(Strided dst, int[] shape) {
        return RowWalker.rowStride(dst, shape.length) == 1 || RowWalker.rowLength(shape) == 1;
    }

    @Override
    public void matmul(Strided a, Strided b, Strided c, int m, int n, int k) {
        if (a.storage() instanceof Storage.Floats x && b.storage() instanceof Storage.Floats y
                && c.storage() instanceof Storage.Floats out) {
            FloatGemm.Matrix left = matrix(x, a);
            FloatGemm.Matrix right = matrix(y, b);
            FloatGemm.Matrix result = matrix(out, c);
            int blocks = rowBlocks(m, n, k);
            int rows = (m + blocks - 1) / blocks;
            WorkerPool.shared().run(blocks, block -> FloatGemm.multiply(left, right, result,
                    block * rows, Math.min(m, (block + 1) * rows), n, k));
            return;
        }
        super.matmul(a, b, c, m, n, k);
    }

    /**
     * How many row blocks to split a product into: one per thread when the product is large
     * enough to repay the hand-off (about 2 MFLOP), else one. Any split gives the same bits.
     */
    private static int rowBlocks(int m, int n, int k) {
        boolean large = 2L * m * n * k >= 2_000_000 && m >= 2 * FloatGemm.MR;
        return large ? Math.min(WorkerPool.shared().threads(), m / FloatGemm.MR) : 1;
    }

    private static FloatGemm.Matrix matrix(Storage.Floats storage, Strided operand) {
        return new FloatGemm.Matrix(storage.data(), operand.offset(), operand.strides()[0], operand.strides()[1]);
    }
}
