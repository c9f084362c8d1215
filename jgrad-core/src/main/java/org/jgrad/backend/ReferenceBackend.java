package org.jgrad.backend;

/**
 * Plain-Java kernels written for clarity: every element goes through {@link Storage#get} and
 * {@link Storage#set}, and sums accumulate in {@code double}. This is the oracle the faster
 * backends are tested against, and the fallback when nothing faster is available.
 */
public final class ReferenceBackend implements Backend {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public void map(UnaryOp op, Strided src, Strided dst, int[] shape) {
        int n = RowWalker.rowLength(shape);
        int ss = RowWalker.rowStride(src, shape.length);
        int ds = RowWalker.rowStride(dst, shape.length);
        Storage in = src.storage();
        Storage out = dst.storage();
        RowWalker.forEachRow(shape, new Strided[] {src, dst}, start -> {
            for (int j = 0; j < n; j++) {
                out.set(start[1] + j * ds, op.apply(in.get(start[0] + j * ss)));
            }
        });
    }

    @Override
    public void zip(BinaryOp op, Strided a, Strided b, Strided dst, int[] shape) {
        int n = RowWalker.rowLength(shape);
        int as = RowWalker.rowStride(a, shape.length);
        int bs = RowWalker.rowStride(b, shape.length);
        int ds = RowWalker.rowStride(dst, shape.length);
        Storage x = a.storage();
        Storage y = b.storage();
        Storage out = dst.storage();
        RowWalker.forEachRow(shape, new Strided[] {a, b, dst}, start -> {
            for (int j = 0; j < n; j++) {
                out.set(start[2] + j * ds, op.apply(x.get(start[0] + j * as), y.get(start[1] + j * bs)));
            }
        });
    }

    @Override
    public void where(Strided mask, Strided a, Strided b, Strided dst, int[] shape) {
        int n = RowWalker.rowLength(shape);
        int ms = RowWalker.rowStride(mask, shape.length);
        int as = RowWalker.rowStride(a, shape.length);
        int bs = RowWalker.rowStride(b, shape.length);
        int ds = RowWalker.rowStride(dst, shape.length);
        RowWalker.forEachRow(shape, new Strided[] {mask, a, b, dst}, start -> {
            for (int j = 0; j < n; j++) {
                boolean pick = mask.storage().get(start[0] + j * ms) != 0;
                double v = pick ? a.storage().get(start[1] + j * as) : b.storage().get(start[2] + j * bs);
                dst.storage().set(start[3] + j * ds, v);
            }
        });
    }

    @Override
    public void reduce(ReduceOp op, Strided src, int[] shape, int reducedRank, Strided dst) {
        int keptRank = shape.length - reducedRank;
        int[] kept = java.util.Arrays.copyOfRange(shape, 0, keptRank);
        int[] reduced = java.util.Arrays.copyOfRange(shape, keptRank, shape.length);
        int[] reducedStrides = java.util.Arrays.copyOfRange(src.strides(), keptRank, shape.length);
        Strided keptSrc = new Strided(src.storage(), src.offset(),
                java.util.Arrays.copyOfRange(src.strides(), 0, keptRank));
        forEachElement(kept, new Strided[] {keptSrc, dst}, start -> {
            Strided block = new Strided(src.storage(), start[0], reducedStrides);
            dst.storage().set(start[1], reduceBlock(op, block, reduced));
        });
    }

    private static double reduceBlock(ReduceOp op, Strided block, int[] shape) {
        int n = RowWalker.rowLength(shape);
        int s = RowWalker.rowStride(block, shape.length);
        Storage in = block.storage();
        double[] acc = {op.identity()};
        RowWalker.forEachRow(shape, new Strided[] {block}, start -> {
            for (int j = 0; j < n; j++) {
                double v = in.get(start[0] + j * s);
                acc[0] = op == ReduceOp.SUM ? acc[0] + v : op.replaces(v, acc[0]) ? v : acc[0];
            }
        });
        return acc[0];
    }

    @Override
    public void reduceWithIndex(ReduceOp op, Strided src, int[] shape, Strided values, Strided indices) {
        int keptRank = shape.length - 1;
        int n = shape[keptRank];
        int s = src.strides()[keptRank];
        Strided keptSrc = new Strided(src.storage(), src.offset(),
                java.util.Arrays.copyOfRange(src.strides(), 0, keptRank));
        int[] kept = java.util.Arrays.copyOfRange(shape, 0, keptRank);
        forEachElement(kept, new Strided[] {keptSrc, values, indices}, start -> {
            double best = op.identity();
            int bestIndex = 0;
            for (int j = 0; j < n; j++) {
                double v = src.storage().get(start[0] + j * s);
                if (j == 0 || op.replaces(v, best)) {
                    best = v;
                    bestIndex = j;
                }
            }
            values.storage().set(start[1], best);
            indices.storage().set(start[2], bestIndex);
        });
    }

    @Override
    public void matmul(Strided a, Strided b, Strided c, int m, int n, int k) {
        Storage x = a.storage();
        Storage y = b.storage();
        Storage out = c.storage();
        int ar = a.strides()[0], ac = a.strides()[1];
        int br = b.strides()[0], bc = b.strides()[1];
        int cr = c.strides()[0], cc = c.strides()[1];
        double[] row = new double[n];
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(row, 0.0);
            for (int p = 0; p < k; p++) {
                double aip = x.get(a.offset() + i * ar + p * ac);
                int bRow = b.offset() + p * br;
                for (int j = 0; j < n; j++) {
                    row[j] += aip * y.get(bRow + j * bc);
                }
            }
            for (int j = 0; j < n; j++) {
                out.set(c.offset() + i * cr + j * cc, row[j]);
            }
        }
    }

    @Override
    public void logSoftmax(Strided src, int[] shape, Strided dst) {
        int n = RowWalker.rowLength(shape);
        int ss = RowWalker.rowStride(src, shape.length);
        int ds = RowWalker.rowStride(dst, shape.length);
        Storage in = src.storage();
        Storage out = dst.storage();
        RowWalker.forEachRow(shape, new Strided[] {src, dst}, start -> {
            double max = ReduceOp.MAX.identity();
            for (int j = 0; j < n; j++) {
                double v = in.get(start[0] + j * ss);
                max = ReduceOp.MAX.replaces(v, max) ? v : max;
            }
            double shift = Math.abs(max) < Double.POSITIVE_INFINITY ? max : 0;
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += StrictMath.exp(in.get(start[0] + j * ss) - shift);
            }
            double logSum = StrictMath.log(sum) + shift;
            for (int j = 0; j < n; j++) {
                out.set(start[1] + j * ds, in.get(start[0] + j * ss) - logSum);
            }
        });
    }

    @Override
    public void adam(AdamStep step, Strided value, Strided grad, Strided expAvg, Strided expAvgSq,
                     Strided maxExpAvgSq, int n) {
        boolean single = value.storage() instanceof Storage.Floats;
        double beta1 = round(single, step.beta1());
        double rest1 = round(single, 1 - step.beta1());
        double beta2 = round(single, step.beta2());
        double rest2 = round(single, 1 - step.beta2());
        double l2 = round(single, step.l2());
        double shrink = round(single, step.shrink());
        double correction2 = round(single, step.correction2());
        double eps = round(single, step.eps());
        double stepSize = round(single, step.stepSize());
        for (int i = 0; i < n; i++) {
            double w = round(single, value.storage().get(value.offset() + i) * shrink);
            double g = grad.storage().get(grad.offset() + i);
            if (step.l2() != 0) {
                g = round(single, g + round(single, w * l2));
            }
            double m = round(single, round(single, expAvg.storage().get(expAvg.offset() + i) * beta1)
                    + round(single, g * rest1));
            double v = round(single, round(single, expAvgSq.storage().get(expAvgSq.offset() + i) * beta2)
                    + round(single, round(single, g * g) * rest2));
            expAvg.storage().set(expAvg.offset() + i, m);
            expAvgSq.storage().set(expAvgSq.offset() + i, v);
            if (step.amsgrad()) {
                v = Math.max(maxExpAvgSq.storage().get(maxExpAvgSq.offset() + i), v);
                maxExpAvgSq.storage().set(maxExpAvgSq.offset() + i, v);
            }
            double denominator = round(single, round(single, round(single, Math.sqrt(v)) / correction2) + eps);
            value.storage().set(value.offset() + i, w - round(single, round(single, m / denominator) * stepSize));
        }
    }

    /** {@code x} rounded to float when {@code single}: a float32 operation is the double one, rounded. */
    private static double round(boolean single, double x) {
        return single ? (float) x : x;
    }

    @Override
    public void gather(Strided src, int dim, Strided index, Strided dst, int[] indexShape) {
        int along = src.strides()[dim];
        Strided srcBase = withoutDim(src, dim);
        forEachElement(indexShape, new Strided[] {srcBase, index, dst}, start -> {
            int i = (int) index.storage().get(start[1]);
            dst.storage().set(start[2], src.storage().get(start[0] + i * along));
        });
    }

    @Override
    public void scatterAdd(Strided dst, int dim, Strided index, Strided src, int[] indexShape) {
        int along = dst.strides()[dim];
        Strided dstBase = withoutDim(dst, dim);
        forEachElement(indexShape, new Strided[] {dstBase, index, src}, start -> {
            int at = start[0] + (int) index.storage().get(start[1]) * along;
            dst.storage().set(at, dst.storage().get(at) + src.storage().get(start[2]));
        });
    }

    /** The same operand with the stride of {@code dim} set to 0, so walking ignores that index. */
    private static Strided withoutDim(Strided operand, int dim) {
        int[] strides = operand.strides().clone();
        strides[dim] = 0;
        return new Strided(operand.storage(), operand.offset(), strides);
    }

    /** Calls {@code visitor} with each operand's offset for every element of {@code shape}. */
    private static void forEachElement(int[] shape, Strided[] operands, RowWalker.RowVisitor visitor) {
        int n = RowWalker.rowLength(shape);
        int[] steps = new int[operands.length];
        for (int k = 0; k < operands.length; k++) {
            steps[k] = RowWalker.rowStride(operands[k], shape.length);
        }
        int[] element = new int[operands.length];
        RowWalker.forEachRow(shape, operands, start -> {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < element.length; k++) {
                    element[k] = start[k] + j * steps[k];
                }
                visitor.row(element);
            }
        });
    }

    @Override
    public void unsignedBytesToFloats(byte[] src, int srcOffset, float[] dst, int dstOffset, int length, float divisor) {
        for (int i = 0; i < length; i++) {
            dst[dstOffset + i] = (src[srcOffset + i] & 0xFF) / divisor;
        }
    }
}
