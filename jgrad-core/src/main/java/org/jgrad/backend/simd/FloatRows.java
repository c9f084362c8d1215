package org.jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.UnaryOp;

/**
 * Element-wise float32 kernels over one row: a packed destination and sources read with stride
 * 1, 0 (a broadcast value) or any other stride (copied lane by lane into a scratch array: a
 * masked gather would be neater, but this JDK range-checks its unset lanes too). Whole vectors
 * first, then the tail with the reference's scalar op. Only operations whose IEEE result is
 * exact are here (arithmetic, square root, comparisons, min/max): vector, scalar and reference
 * agree bit for bit, because a float operation is exactly the rounded double one, so a value's
 * result never depends on where in a row it sits. Exp, log, tanh and sigmoid stay on the reference's StrictMath:
 * the Vector API computes them with SVML when compiled and with {@code Math} before, so their
 * last bits would depend on JIT warm-up, and results must not.
 */
final class FloatRows {

    private static final VectorSpecies<Float> SPECIES = FloatGemm.SPECIES;
    static final int LANES = SPECIES.length();
    private static final FloatVector ZERO = FloatVector.zero(SPECIES);
    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);

    private FloatRows() {
    }

    static boolean supports(UnaryOp op) {
        return switch (op) {
            case IDENTITY, NEG, ABS, RELU, SQRT, RECIPROCAL -> true;
            case SIGN, EXP, LOG, TANH, SIGMOID -> false;
        };
    }

    static boolean supports(BinaryOp op) {
        return op != BinaryOp.POW;
    }

    /**
     * {@code out[to + j] = op(in[from + j·stride])} for {@code j < n}: whole vectors, then the
     * tail element by element with the reference's own {@link UnaryOp#apply}, which gives the
     * same bits, as every op here rounds once.
     *
     * <p>Why it is written out in one method: a vector that crosses a method call which C2 did
     * not inline is boxed, ten times slower, and C2 does not inline a callee of this size at a
     * call site its profile says is cold (a loop that had not run much when the caller was
     * compiled). So no vector is passed to or returned from a helper here; only arrays are.
     * (Masked loads and stores for the tail measured several times slower: the Vector API
     * checks them lane by lane.)
     */
    static void map(UnaryOp op, float[] in, int from, int stride, float[] out, int to, int n) {
        float[] scratch = new float[LANES];
        int j = 0;
        for (; j <= n - LANES; j += LANES) {
            FloatVector v = stride == 1 ? FloatVector.fromArray(SPECIES, in, from + j)
                    : stride == 0 ? FloatVector.broadcast(SPECIES, in[from])
                    : FloatVector.fromArray(SPECIES, gather(in, from + j * stride, stride, scratch), 0);
            FloatVector r = switch (op) {
                case IDENTITY -> v;
                case NEG -> v.neg();
                case ABS -> v.abs();
                case RELU -> v.max(ZERO);
                case SQRT -> v.sqrt();
                case RECIPROCAL -> ONE.div(v);
                case SIGN, EXP, LOG, TANH, SIGMOID -> throw new UnsupportedOperationException(op + " runs on the reference backend");
            };
            r.intoArray(out, to + j);
        }
        for (; j < n; j++) {
            out[to + j] = (float) op.apply(in[from + j * stride]);
        }
    }

    /**
     * {@code out[to + j] = op(x[xFrom + j·xStride], y[yFrom + j·yStride])} for {@code j < n}:
     * whole vectors, then the tail element by element, written out as {@link #map} is and for
     * the same reason.
     */
    static void zip(BinaryOp op, float[] x, int xFrom, int xStride, float[] y, int yFrom, int yStride,
                    float[] out, int to, int n) {
        float[] xScratch = new float[LANES];
        float[] yScratch = new float[LANES];
        int j = 0;
        for (; j <= n - LANES; j += LANES) {
            FloatVector a = xStride == 1 ? FloatVector.fromArray(SPECIES, x, xFrom + j)
                    : xStride == 0 ? FloatVector.broadcast(SPECIES, x[xFrom])
                    : FloatVector.fromArray(SPECIES, gather(x, xFrom + j * xStride, xStride, xScratch), 0);
            FloatVector b = yStride == 1 ? FloatVector.fromArray(SPECIES, y, yFrom + j)
                    : yStride == 0 ? FloatVector.broadcast(SPECIES, y[yFrom])
                    : FloatVector.fromArray(SPECIES, gather(y, yFrom + j * yStride, yStride, yScratch), 0);
            FloatVector r = switch (op) {
                case ADD -> a.add(b);
                case SUB -> a.sub(b);
                case MUL -> a.mul(b);
                case DIV -> a.div(b);
                case MINIMUM -> a.min(b);
                case MAXIMUM -> a.max(b);
                case RELU_BACKWARD -> a.mul(ZERO.blend(ONE, b.compare(VectorOperators.GT, ZERO)));
                case EQ -> ZERO.blend(ONE, a.compare(VectorOperators.EQ, b));
                case NE -> ZERO.blend(ONE, a.compare(VectorOperators.NE, b));
                case LT -> ZERO.blend(ONE, a.compare(VectorOperators.LT, b));
                case LE -> ZERO.blend(ONE, a.compare(VectorOperators.LE, b));
                case GT -> ZERO.blend(ONE, a.compare(VectorOperators.GT, b));
                case GE -> ZERO.blend(ONE, a.compare(VectorOperators.GE, b));
                case POW -> throw new UnsupportedOperationException("POW runs on the reference backend");
            };
            r.intoArray(out, to + j);
        }
        for (; j < n; j++) {
            out[to + j] = (float) op.apply(x[xFrom + j * xStride], y[yFrom + j * yStride]);
        }
    }

    /** {@code LANES} elements from {@code at} with any stride, copied into {@code scratch}, which is returned. */
    private static float[] gather(float[] data, int at, int stride, float[] scratch) {
        for (int i = 0; i < LANES; i++) {
            scratch[i] = data[at + i * stride];
        }
        return scratch;
    }
}
