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
 *       order, and the scalar last. A sum may differ from the reference's sequential sum in its
 *       last bit; an extremum is the reference's, because when it is a zero, whose sign depends
 *       on which zero came first, the row is scanned again in order.
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
        float[] best = new float[LANES];
        int j = 0;
        for (; j <= width - LANES; j += LANES) {
            if (op == ReduceOp.SUM) {
                sumLanes(in, from + j, offsets, 1, sums);
            } else {
                extremumLanes(op, in, from + j, offsets, 1, best);
            }
            for (int i = 0; i < LANES; i++) {
                out[to + (j + i) * outStride] = op == ReduceOp.SUM ? (float) sums[i] : best[i];
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
     * from + offsets[r]}, in order: the whole vectors of every row lane by lane, each row's last
     * few in one scalar, then the lanes in lane order and the scalar last.
     */
    static float rows(ReduceOp op, float[] in, int from, int[] offsets, int length) {
        int vectors = length / LANES;
        if (op == ReduceOp.SUM) {
            double[] lanes = new double[LANES];
            sumLanes(in, from, offsets, vectors, lanes);
            double tail = 0;
            for (int offset : offsets) {
                for (int j = from + offset + vectors * LANES; j < from + offset + length; j++) {
                    tail += in[j];
                }
            }
            double sum = 0;
            for (double lane : lanes) {
                sum += lane;
            }
            return (float) (sum + tail);
        }
        float[] lanes = new float[LANES];
        extremumLanes(op, in, from, offsets, vectors, lanes);
        float result = (float) op.identity();
        for (int offset : offsets) {
            for (int j = from + offset + vectors * LANES; j < from + offset + length; j++) {
                result = op.replaces(in[j], result) ? in[j] : result;
            }
        }
        for (float lane : lanes) {
            result = op.replaces(lane, result) ? lane : result;
        }
        return result == 0 ? inOrder(op, in, from, offsets, length) : result;
    }

    /**
     * Sums, lane by lane in double, the vectors at {@code base + offset + c·8} for every offset and
     * {@code c < count}, in that order, into {@code lanes}. Only arrays cross this method's
     * boundary: a vector passed to a callee C2 did not inline would be boxed.
     */
    private static void sumLanes(float[] in, int base, int[] offsets, int count, double[] lanes) {
        DoubleVector low = DoubleVector.zero(DOUBLES);
        DoubleVector high = DoubleVector.zero(DOUBLES);
        for (int offset : offsets) {
            for (int c = 0; c < count; c++) {
                FloatVector x = FloatVector.fromArray(FLOATS, in, base + offset + c * LANES);
                low = low.add(x.convertShape(VectorOperators.F2D, DOUBLES, 0));
                high = high.add(x.convertShape(VectorOperators.F2D, DOUBLES, 1));
            }
        }
        low.intoArray(lanes, 0);
        high.intoArray(lanes, LANES / 2);
    }

    /**
     * The extremum, lane by lane, of the vectors {@link #sumLanes} would sum, into {@code lanes}:
     * a candidate replaces the lane's best where {@link ReduceOp#replaces} says so.
     */
    private static void extremumLanes(ReduceOp op, float[] in, int base, int[] offsets, int count, float[] lanes) {
        FloatVector best = FloatVector.broadcast(FLOATS, (float) op.identity());
        for (int offset : offsets) {
            for (int c = 0; c < count; c++) {
                FloatVector x = FloatVector.fromArray(FLOATS, in, base + offset + c * LANES);
                // Two call sites, each with a constant comparison: the Vector API compiles only those.
                VectorMask<Float> better = op == ReduceOp.MAX ? x.compare(VectorOperators.GT, best)
                        : x.compare(VectorOperators.LT, best);
                VectorMask<Float> nan = x.test(VectorOperators.IS_NAN).andNot(best.test(VectorOperators.IS_NAN));
                best = best.blend(x, better.or(nan));
            }
        }
        best.intoArray(lanes, 0);
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
}
