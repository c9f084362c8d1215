package org.jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.UnaryOp;

/**
 * Element-wise float32 kernels over one row: a packed destination and sources read with stride
 * 1, 0 (a broadcast value) or any other stride (copied lane by lane into a scratch vector: a
 * masked gather would be neater, but this JDK range-checks its unset lanes too). Every element, the tail included,
 * goes through the same vector operation, so a value's result never depends on where in a row
 * it sits. Only operations whose IEEE result is exact are here (arithmetic, square root,
 * comparisons, min/max): they match the reference bit for bit, because a float operation is
 * exactly the rounded double one. Exp, log, tanh and sigmoid stay on the reference's StrictMath:
 * the Vector API computes them with SVML when compiled and with {@code Math} before, so their
 * last bits would depend on JIT warm-up, and results must not.
 */
final class FloatRows {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;
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

    /** {@code out[to + j] = op(in[from + j·stride])} for {@code j < n}. */
    static void map(UnaryOp op, float[] in, int from, int stride, float[] out, int to, int n) {
        float[] scratch = new float[LANES];
        int j = 0;
        if (stride == 1) {
            for (; j <= n - LANES; j += LANES) {
                apply(op, FloatVector.fromArray(SPECIES, in, from + j)).intoArray(out, to + j);
            }
        }
        for (; j < n; j += LANES) {
            VectorMask<Float> valid = SPECIES.indexInRange(j, n);
            apply(op, load(in, from + j * stride, stride, n - j, scratch, valid)).intoArray(out, to + j, valid);
        }
    }

    /** {@code out[to + j] = op(x[xFrom + j·xStride], y[yFrom + j·yStride])} for {@code j < n}. */
    static void zip(BinaryOp op, float[] x, int xFrom, int xStride, float[] y, int yFrom, int yStride,
                    float[] out, int to, int n) {
        float[] xScratch = new float[LANES];
        float[] yScratch = new float[LANES];
        int j = 0;
        if (xStride == 1 && (yStride == 0 || yStride == 1)) {
            for (; j <= n - LANES; j += LANES) {
                FloatVector b = yStride == 0 ? FloatVector.broadcast(SPECIES, y[yFrom])
                        : FloatVector.fromArray(SPECIES, y, yFrom + j);
                apply(op, FloatVector.fromArray(SPECIES, x, xFrom + j), b).intoArray(out, to + j);
            }
        }
        for (; j < n; j += LANES) {
            VectorMask<Float> valid = SPECIES.indexInRange(j, n);
            FloatVector a = load(x, xFrom + j * xStride, xStride, n - j, xScratch, valid);
            FloatVector b = load(y, yFrom + j * yStride, yStride, n - j, yScratch, valid);
            apply(op, a, b).intoArray(out, to + j, valid);
        }
    }

    /** Up to {@code LANES} (at most {@code left}) elements from {@code at} with the given stride. */
    private static FloatVector load(float[] data, int at, int stride, int left, float[] scratch, VectorMask<Float> valid) {
        if (stride == 0) {
            return FloatVector.broadcast(SPECIES, data[at]);
        }
        if (stride == 1) {
            return FloatVector.fromArray(SPECIES, data, at, valid);
        }
        for (int i = 0, count = Math.min(LANES, left); i < count; i++) {
            scratch[i] = data[at + i * stride];
        }
        return FloatVector.fromArray(SPECIES, scratch, 0);
    }

    private static FloatVector apply(UnaryOp op, FloatVector v) {
        return switch (op) {
            case IDENTITY -> v;
            case NEG -> v.neg();
            case ABS -> v.abs();
            case RELU -> v.max(ZERO);
            case SQRT -> v.sqrt();
            case RECIPROCAL -> ONE.div(v);
            case SIGN, EXP, LOG, TANH, SIGMOID -> throw new UnsupportedOperationException(op + " runs on the reference backend");
        };
    }

    private static FloatVector apply(BinaryOp op, FloatVector a, FloatVector b) {
        return switch (op) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case DIV -> a.div(b);
            case MINIMUM -> a.min(b);
            case MAXIMUM -> a.max(b);
            case EQ -> ZERO.blend(ONE, a.compare(VectorOperators.EQ, b));
            case NE -> ZERO.blend(ONE, a.compare(VectorOperators.NE, b));
            case LT -> ZERO.blend(ONE, a.compare(VectorOperators.LT, b));
            case LE -> ZERO.blend(ONE, a.compare(VectorOperators.LE, b));
            case GT -> ZERO.blend(ONE, a.compare(VectorOperators.GT, b));
            case GE -> ZERO.blend(ONE, a.compare(VectorOperators.GE, b));
            case POW -> throw new UnsupportedOperationException("POW runs on the reference backend");
        };
    }
}
