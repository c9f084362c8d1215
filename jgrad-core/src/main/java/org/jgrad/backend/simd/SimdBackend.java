package org.jgrad.backend.simd;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import org.jgrad.backend.AdamStep;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.DelegatingBackend;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.ReferenceBackend;
import org.jgrad.backend.RowWalker;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;
import org.jgrad.backend.UnaryOp;
import org.jgrad.backend.WorkerPool;

/**
 * Kernels on the Vector API for float32 data: the blocked matrix product of {@link FloatGemm}
 * (with a dense layer's bias and ReLU fused into its stores), element-wise maps over rows whose
 * inner stride is 1 (or 0, a broadcast value), reductions along packed rows or columns ({@link
 * FloatReductions}), the Adam update ({@link FloatAdam}) and unsigned bytes to floats ({@link
 * UnsignedBytes}). Everything else — float64, int64, mixed types, other layouts, the
 * log-softmax — goes to the {@link ReferenceBackend}, whose
 * results these kernels are tested against. Work is split between threads only where each
 * output is computed whole by one chunk, so the thread count changes no bit.
 */
public final class SimdBackend extends DelegatingBackend {

    /** Elements of one Adam chunk: 64 KiB of each buffer, enough to repay a hand-off to another thread. */
    private static final int ADAM_CHUNK = 16_384;

    /** The SIMD backend, with the reference backend for what it does not accelerate. */
    public SimdBackend() {
        super(new ReferenceBackend());
    }

    /**
     * Whether this CPU runs the kernels' vectors in hardware: 256 bits or more (AVX2, AVX-512).
     * With narrower ones (ARM's 128-bit NEON) the Vector API would emulate them, far slower than
     * the reference backend.
     */
    public static boolean fitsThisCpu() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    @Override
    public String name() {
        return "simd (" + FloatGemm.class.getSimpleName() + " " + FloatGemm.SPECIES.vectorBitSize() + "-bit, "
                + FloatRows.LANES + " float lanes element-wise)";
    }

    @Override
    public void map(UnaryOp op, Strided src, Strided dst, int[] shape) {
        if (src.storage() instanceof Storage.Floats in && dst.storage() instanceof Storage.Floats out
                && FloatRows.supports(op) && unitInner(dst, shape)) {
            Rows rows = Rows.of(shape, src, dst);
            int n = RowWalker.rowLength(rows.shape());
            int ss = RowWalker.rowStride(rows.operands()[0], rows.shape().length);
            RowWalker.forEachRow(rows.shape(), rows.operands(),
                    start -> FloatRows.map(op, in.data(), start[0], ss, out.data(), start[1], n));
            return;
        }
        super.map(op, src, dst, shape);
    }

    @Override
    public void zip(BinaryOp op, Strided a, Strided b, Strided dst, int[] shape) {
        if (a.storage() instanceof Storage.Floats x && b.storage() instanceof Storage.Floats y
                && dst.storage() instanceof Storage.Floats out && FloatRows.supports(op) && unitInner(dst, shape)) {
            Rows rows = Rows.of(shape, a, b, dst);
            int n = RowWalker.rowLength(rows.shape());
            int as = RowWalker.rowStride(rows.operands()[0], rows.shape().length);
            int bs = RowWalker.rowStride(rows.operands()[1], rows.shape().length);
            RowWalker.forEachRow(rows.shape(), rows.operands(), start -> FloatRows.zip(op,
                    x.data(), start[0], as, y.data(), start[1], bs, out.data(), start[2], n));
            return;
        }
        super.zip(op, a, b, dst, shape);
    }

    /**
     * The rows an element-wise kernel walks: all the elements as one row when every operand lies
     * packed in row-major order (a [128, 10] batch of logits is then one row of 1280, not 128
     * rows shorter than a vector), else the shape's own rows.
     */
    private record Rows(int[] shape, Strided[] operands) {
        static Rows of(int[] shape, Strided... operands) {
            int[] packed = Strided.rowMajorStrides(shape);
            for (Strided operand : operands) {
                for (int d = 0; d < shape.length; d++) {
                    if (shape[d] != 1 && operand.strides()[d] != packed[d]) {
                        return new Rows(shape, operands);
                    }
                }
            }
            Strided[] flat = new Strided[operands.length];
            for (int i = 0; i < operands.length; i++) {
                flat[i] = new Strided(operands[i].storage(), operands[i].offset(), new int[] {1});
            }
            return new Rows(new int[] {elements(shape)}, flat);
        }
    }

    /** Whether the destination's rows are packed, which every fast path writes. */
    private static boolean unitInner(Strided dst, int[] shape) {
        return RowWalker.rowStride(dst, shape.length) == 1 || RowWalker.rowLength(shape) == 1;
    }

    @Override
    public void reduce(ReduceOp op, Strided src, int[] shape, int reducedRank, Strided dst) {
        int rank = shape.length;
        int keptRank = rank - reducedRank;
        if (!(src.storage() instanceof Storage.Floats in && dst.storage() instanceof Storage.Floats out)
                || reducedRank == 0) {
            super.reduce(op, src, shape, reducedRank, dst);
            return;
        }
        int[] kept = Arrays.copyOf(shape, keptRank);
        Strided keptSrc = new Strided(src.storage(), src.offset(), Arrays.copyOf(src.strides(), keptRank));
        int[] reduced = Arrays.copyOfRange(shape, keptRank, rank);
        int[] reducedStrides = Arrays.copyOfRange(src.strides(), keptRank, rank);
        if (keptRank > 0 && src.strides()[keptRank - 1] == 1 && shape[keptRank - 1] > 1) {
            int[] offsets = offsets(reduced, reducedStrides);
            int width = shape[keptRank - 1];
            int outStride = dst.strides()[keptRank - 1];
            RowWalker.forEachRow(kept, new Strided[] {keptSrc, dst},
                    start -> FloatReductions.columns(op, in.data(), start[0], offsets, out.data(), start[1], outStride, width));
        } else if (src.strides()[rank - 1] == 1 && shape[rank - 1] >= FloatRows.LANES) {
            int length = shape[rank - 1];
            int[] rowOffsets = offsets(Arrays.copyOf(reduced, reducedRank - 1), Arrays.copyOf(reducedStrides, reducedRank - 1));
            int n = RowWalker.rowLength(kept);
            int step = RowWalker.rowStride(keptSrc, keptRank);
            int outStep = RowWalker.rowStride(dst, keptRank);
            RowWalker.forEachRow(kept, new Strided[] {keptSrc, dst}, start -> {
                for (int j = 0; j < n; j++) {
                    out.data()[start[1] + j * outStep] = FloatReductions.rows(op, in.data(), start[0] + j * step,
                            rowOffsets, length);
                }
            });
        } else {
            super.reduce(op, src, shape, reducedRank, dst);
        }
    }

    /** The number of elements of {@code shape}. */
    private static int elements(int[] shape) {
        int count = 1;
        for (int extent : shape) {
            count *= extent;
        }
        return count;
    }

    /** The offsets of every element of {@code shape} with these strides, in row-major order. */
    private static int[] offsets(int[] shape, int[] strides) {
        int[] offsets = new int[elements(shape)];
        int[] index = new int[shape.length];
        for (int i = 0; i < offsets.length; i++) {
            int offset = 0;
            for (int d = 0; d < shape.length; d++) {
                offset += index[d] * strides[d];
            }
            offsets[i] = offset;
            for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
        return offsets;
    }

    @Override
    public void matmul(Strided a, Strided b, Strided c, int m, int n, int k) {
        if (a.storage() instanceof Storage.Floats x && b.storage() instanceof Storage.Floats y
                && c.storage() instanceof Storage.Floats out) {
            multiply(x, a, y, b, out, c, m, n, k, FloatGemm.Epilogue.NONE);
            return;
        }
        super.matmul(a, b, c, m, n, k);
    }

    /** Float32 products with a packed bias row (or none) and ReLU (or none) fuse both into the store. */
    @Override
    public void linear(Strided a, Strided b, Strided bias, Strided c, int m, int n, int k, UnaryOp activation) {
        boolean fused = a.storage() instanceof Storage.Floats && b.storage() instanceof Storage.Floats
                && c.storage() instanceof Storage.Floats && k > 0
                && (activation == UnaryOp.IDENTITY || activation == UnaryOp.RELU)
                && (bias == null || bias.storage() instanceof Storage.Floats && bias.strides()[0] == 0
                        && (bias.strides()[1] == 1 || n == 1));
        if (!fused) {
            super.linear(a, b, bias, c, m, n, k, activation);
            return;
        }
        float[] biasData = bias == null ? null : ((Storage.Floats) bias.storage()).data();
        var epilogue = new FloatGemm.Epilogue(biasData, bias == null ? 0 : bias.offset(), activation == UnaryOp.RELU);
        multiply((Storage.Floats) a.storage(), a, (Storage.Floats) b.storage(), b, (Storage.Floats) c.storage(), c,
                m, n, k, epilogue);
    }

    /**
     * The product on the worker pool, computed transposed when {@link FloatGemm#betterTransposed}
     * says so: split into one block per thread when it is large enough to repay the hand-off
     * (about 2 MFLOP), by columns or rows as {@link FloatGemm#splitByColumns} says, else on the
     * caller. Any split gives the same bits.
     */
    private static void multiply(Storage.Floats x, Strided a, Storage.Floats y, Strided b, Storage.Floats out, Strided c,
                                 int m, int n, int k, FloatGemm.Epilogue epilogue) {
        FloatGemm.Matrix left = matrix(x, a);
        if (FloatGemm.betterTransposed(left, m, n)) {
            multiply(matrix(y, b).transposed(), left.transposed(), matrix(out, c).transposed(), n, m, k,
                    epilogue.transposed());
        } else {
            multiply(left, matrix(y, b), matrix(out, c), m, n, k, epilogue);
        }
    }

    private static void multiply(FloatGemm.Matrix left, FloatGemm.Matrix right, FloatGemm.Matrix result,
                                 int m, int n, int k, FloatGemm.Epilogue epilogue) {
        boolean large = 2L * m * n * k >= 2_000_000;
        int threads = WorkerPool.shared().threads();
        if (large && FloatGemm.splitByColumns(left, m, n) && n >= 2 * FloatGemm.NR) {
            int panels = (n + FloatGemm.NR - 1) / FloatGemm.NR;
            int panelsPerBlock = (panels + threads - 1) / threads;
            int blocks = (panels + panelsPerBlock - 1) / panelsPerBlock;
            int cols = panelsPerBlock * FloatGemm.NR;
            WorkerPool.shared().run(blocks, block -> {
                int from = block * cols;
                FloatGemm.multiply(left, right.fromColumn(from), result.fromColumn(from), 0, m,
                        Math.min(n - from, cols), k, epilogue.fromColumn(from));
            });
            return;
        }
        int blocks = large && m >= 2 * FloatGemm.MR ? Math.min(threads, m / FloatGemm.MR) : 1;
        int rows = (m + blocks - 1) / blocks;
        WorkerPool.shared().run(blocks, block -> FloatGemm.multiply(left, right, result,
                block * rows, Math.min(m, (block + 1) * rows), n, k, epilogue));
    }

    private static FloatGemm.Matrix matrix(Storage.Floats storage, Strided operand) {
        return new FloatGemm.Matrix(storage.data(), operand.offset(), operand.strides()[0], operand.strides()[1]);
    }

    /**
     * Float32 parameters update eight elements a step ({@link FloatAdam}); a large parameter is
     * split into fixed chunks shared by the pool's threads, which changes no bit, as every
     * element is updated on its own.
     */
    @Override
    public void adam(AdamStep step, Strided value, Strided grad, Strided expAvg, Strided expAvgSq,
                     Strided maxExpAvgSq, int n) {
        if (!(value.storage() instanceof Storage.Floats w && grad.storage() instanceof Storage.Floats g
                && expAvg.storage() instanceof Storage.Floats m && expAvgSq.storage() instanceof Storage.Floats v
                && (maxExpAvgSq == null || maxExpAvgSq.storage() instanceof Storage.Floats))) {
            super.adam(step, value, grad, expAvg, expAvgSq, maxExpAvgSq, n);
            return;
        }
        float[] max = maxExpAvgSq == null ? null : ((Storage.Floats) maxExpAvgSq.storage()).data();
        var buffers = new FloatAdam.Buffers(w.data(), value.offset(), g.data(), grad.offset(), m.data(), expAvg.offset(),
                v.data(), expAvgSq.offset(), max, maxExpAvgSq == null ? 0 : maxExpAvgSq.offset());
        FloatAdam kernel = new FloatAdam(step);
        int chunks = (n + ADAM_CHUNK - 1) / ADAM_CHUNK;
        WorkerPool.shared().run(chunks, chunk -> kernel.update(buffers, chunk * ADAM_CHUNK,
                Math.min(n, (chunk + 1) * ADAM_CHUNK)));
    }

    /** Eight bytes a step ({@link UnsignedBytes}), on the calling thread: one image is too little to hand off. */
    @Override
    public void unsignedBytesToFloats(byte[] src, int srcOffset, float[] dst, int dstOffset, int length, float divisor) {
        UnsignedBytes.toFloats(src, srcOffset, dst, dstOffset, length, divisor);
    }
}
