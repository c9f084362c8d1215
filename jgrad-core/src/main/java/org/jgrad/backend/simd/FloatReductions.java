package org.jgrad.backend.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.jgrad.backend.ReduceOp;

/**
 * Float32 reductions on the Vector API, in the two layouts that matter, each with a fixed order
 * that depends only on the shape (never on threads: reductions run on the calling thread). Whole
 * vectors only: the elements that do not fill one are done one by one (masked loads measured
 * several times slower here).
 *
 * <ul>
 *   <li>{@link #columns}: the kept values lie side by side (a bias gradient summed over the
 *       batch, a mean over dimension 0). Eight outputs share a vector and each accumulates its
 *       inputs in the reference's order, sums in double, so the result is the reference's bit
 *       for bit.
 *   <li>{@link #rows}: the reduced values lie side by side (a sum over the last dimension).
 *       Lane {@code i} of the accumulators takes the elements at {@code i} mod 8 of every row,
 *       in double, a scalar accumulator each row's last few; then the lanes are added in lane
 *       order, and the scalar last. A sum may differ from the
 *       reference's sequential sum in its last bit; an extremum is the reference's, because
 *       when it is a zero, whose sign depends on which zero came first, the row is scanned
 *       again in order.
 * </ul>
 *
 * Extrema follow {@link ReduceOp#replaces}: NaN wins, and so does the first of equal values.
 * Lanes are never combined with {@code reduceLanes}, whose floating-point order is unspecified.
 */
final class FloatReductions {

    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_256;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_256;
    private static final int LANES = FLOATS.length();

    private FloatReductions() {
    }

    /**
     * {@code out[to + j·outStride] = op over r of in[from + offsets[r] + j]} for {@code j < width}:
     * the reduced elements of output {@code j} are at {@code offsets}, in the reference's order.
     * Eight outputs at a time, the last few one by one.
     */
    static void columns(ReduceOp op, float[] in, int from, int[] offsets, float[] out, int to, int outStride, int width) {
        double[] sums = new double[LANES];
        int j = 0;
        for (; j <= width - LANES; j += LANES) {
            if (op == ReduceOp.SUM) {
                DoubleVector low = DoubleVector.zero(DOUBLES);
                DoubleVector high = DoubleVector.zero(DOUBLES);
                for (int offset : offsets) {
                    FloatVector x = FloatVector.fromArray(FLOATS, in, from + offset + j);
                    low = low.add(x.convertShape(VectorOperators.F2D, DOUBLES, 0));
                    high = high.add(x.convertShape(VectorOperators.F2D, DOUBLES, 1));
                }
                low.intoArray(sums, 0);
                high.intoArray(sums, LANES / 2);
                for (int i = 0; i < LANES; i++) {
                    out[to + (j + i) * outStride] = (float) sums[i];
                }
            } else {
                FloatVector best = FloatVector.broadcast(FLOATS, (float) op.identity());
                for (int offset : offsets) {
                    best = extremum(op, best, FloatVector.fromArray(FLOATS, in, from + offset + j));
                }
                for (int i = 0; i < LANES; i++) {
                    out[to + (j + i) * outStride] = best.lane(i);
                }
            }
        }
        for (; j < width; j++) {
            double acc = op.identity();
            for (int offset : offsets) {
                float v = in[from + offset + j];
                acc = op == ReduceOp.SUM ? acc + v : op.replaces(v, acc) ? v : acc;
            }
            out[to + j * outStride] = (float) acc;
        }
    }

    /**
     * {@code op} over {@code length} packed elements from each of the rows starting at {@code
     * from + offsets[r]}, in order.
     */
    static float rows(ReduceOp op, float[] in, int from, int[] offsets, int length) {
        if (op == ReduceOp.SUM) {
            return (float) sum(in, from, offsets, length);
        }
        FloatVector best = FloatVector.broadcast(FLOATS, (float) op.identity());
        float tail = (float) op.identity();
        for (int offset : offsets) {
            int start = from + offset;
            int j = 0;
            for (; j <= length - LANES; j += LANES) {
                best = extremum(op, best, FloatVector.fromArray(FLOATS, in, start + j));
            }
            for (; j < length; j++) {
                tail = op.replaces(in[start + j], tail) ? in[start + j] : tail;
            }
        }
        float result = tail;
        for (int i = 0; i < LANES; i++) {
            float candidate = best.lane(i);
            result = op.replaces(candidate, result) ? candidate : result;
        }
        return result == 0 ? inOrder(op, in, from, offsets, length) : result;
    }

    /** The sum in double: two accumulators of four lanes, eight floats a step, each row's tail apart; then lane by lane. */
    private static double sum(float[] in, int from, int[] offsets, int length) {
        DoubleVector low = DoubleVector.zero(DOUBLES);
        DoubleVector high = DoubleVector.zero(DOUBLES);
        double tail = 0;
        for (int offset : offsets) {
            int start = from + offset;
            int j = 0;
            for (; j <= length - LANES; j += LANES) {
                FloatVector x = FloatVector.fromArray(FLOATS, in, start + j);
                low = low.add(x.convertShape(VectorOperators.F2D, DOUBLES, 0));
                high = high.add(x.convertShape(VectorOperators.F2D, DOUBLES, 1));
            }
            for (; j < length; j++) {
                tail += in[start + j];
            }
        }
        double[] lanes = new double[LANES];
        low.intoArray(lanes, 0);
        high.intoArray(lanes, LANES / 2);
        double sum = 0;
        for (double lane : lanes) {
            sum += lane;
        }
        return sum + tail;
    }

    /** The reference's scan, for the one case where lanes cannot tell which value came first. */
    private static float inOrder(ReduceOp op, float[] in, int from, int[] offsets, int length) {
        float best = (float) op.identity();
        for (int offset : offsets) {
            for (int j = from + offset; j < from + offset + length; j++) {
                best = op.replaces(in[j], best) ? in[j] : best;
            }
        }
        return best;
    }

    /** Lane by lane, {@code candidate} where {@link ReduceOp#replaces} says so, else {@code best}. */
    private static FloatVector extremum(ReduceOp op, FloatVector best, FloatVector candidate) {
        // Two call sites, each with a constant comparison: the Vector API compiles only those.
        VectorMask<Float> better = op == ReduceOp.MAX ? candidate.compare(VectorOperators.GT, best)
                : candidate.compare(VectorOperators.LT, best);
        VectorMask<Float> nan = candidate.test(VectorOperators.IS_NAN).andNot(best.test(VectorOperators.IS_NAN));
        return best.blend(candidate, better.or(nan));
    }
}
