package org.jgrad.backend.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StrictMath#exp} over arrays of doubles, a vector at a time, bit for bit: fdlibm's
 * algorithm as the JDK writes it ({@code FdLibm.Exp}), with each branch computed for every lane
 * and chosen by a mask. The reference backend's log-softmax and {@code exp} call {@code
 * StrictMath.exp} element by element, which cost a softmax loss more than the whole output
 * layer; this keeps their results while doing eight lanes at once (four with AVX2).
 *
 * <p>Only add, subtract, multiply and divide touch the values, each rounded once as in the
 * scalar code (nothing is fused). The one conversion, {@code (int)} of the reduction's {@code
 * k}, is done by adding and subtracting 1.5·2⁵² (exact for these magnitudes) and stepping back
 * towards zero where that rounded away from it, because a vector double-to-long conversion has
 * no AVX2 instruction.
 */
final class StrictExp {

    static final VectorSpecies<Double> SPECIES = FloatGemm.SPECIES.vectorBitSize() == 512
            ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;
    private static final VectorSpecies<Long> LONGS = SPECIES.vectorBitSize() == 512
            ? LongVector.SPECIES_512 : LongVector.SPECIES_256;
    private static final int LANES = SPECIES.length();

    private static final double HUGE = 1.0e+300;
    private static final double TWOM1000 = 0x1.0p-1000;
    private static final double O_THRESHOLD = 0x1.62e42fefa39efp9;
    private static final double U_THRESHOLD = -0x1.74910d52d3051p9;
    private static final double LN2_HI = 0x1.62e42feep-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double INVLN2 = 0x1.71547652b82fep0;
    private static final double P1 = 0x1.555555555553ep-3;
    private static final double P2 = -0x1.6c16c16bebd93p-9;
    private static final double P3 = 0x1.1566aaf25de2cp-14;
    private static final double P4 = -0x1.bbd41c5d26bf1p-20;
    private static final double P5 = 0x1.6376972bea4d0p-25;
    /** Adding and subtracting this rounds a double below 2⁵¹ in magnitude to an integer; its bits minus this one's are that integer. */
    private static final double ROUNDER = 0x1.8p52;

    /** The bounds fdlibm tests on the high word of {@code |x|}, as bounds on all of {@code |x|}'s bits. */
    private static final long ABOVE_HALF_LN2 = 0x3fd62e43L << 32;
    private static final long BELOW_ONE_AND_HALF_LN2 = 0x3FF0A2B2L << 32;
    private static final long BELOW_TWO_TO_MINUS_28 = 0x3e300000L << 32;
    private static final long NEAR_OVERFLOW = 0x40862E42L << 32;
    private static final long NOT_FINITE = 0x7ff00000L << 32;

    /** Doubles converted a block at a time by {@link #exp(float[], int, int, float[], int, int)}. */
    private static final int BLOCK = 512;
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[BLOCK]);

    private StrictExp() {
    }

    /**
     * {@code out[to + j] = (float) StrictMath.exp(in[from + j·stride])} for {@code j < n}, the
     * reference backend's float {@code exp}: widened to double, exp, rounded back.
     */
    static void exp(float[] in, int from, int stride, float[] out, int to, int n) {
        double[] scratch = SCRATCH.get();
        for (int start = 0; start < n; start += BLOCK) {
            int length = Math.min(BLOCK, n - start);
            for (int j = 0; j < length; j++) {
                scratch[j] = in[from + (start + j) * stride];
            }
            exp(scratch, 0, scratch, 0, length);
            for (int j = 0; j < length; j++) {
                out[to + start + j] = (float) scratch[j];
            }
        }
    }

    /**
     * {@code out[to + j] = StrictMath.exp(in[from + j])} for {@code j < n}; {@code in} and
     * {@code out} may be the same array at the same offset. Written as one method so that C2
     * keeps every vector in registers (see {@link FloatRows#map}).
     */
    static void exp(double[] in, int from, double[] out, int to, int n) {
        int j = 0;
        for (; j <= n - LANES; j += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, in, from + j);
            LongVector bits = x.reinterpretAsLongs();
            LongVector absBits = bits.and(Long.MAX_VALUE);
            VectorMask<Double> negative = bits.lt(0L).cast(SPECIES);
            VectorMask<Double> reduced = absBits.compare(VectorOperators.GE, ABOVE_HALF_LN2).cast(SPECIES);
            VectorMask<Double> nearOne = absBits.lt(BELOW_ONE_AND_HALF_LN2).cast(SPECIES);
            VectorMask<Double> tiny = absBits.lt(BELOW_TWO_TO_MINUS_28).cast(SPECIES);
            VectorMask<Double> large = absBits.compare(VectorOperators.GE, NEAR_OVERFLOW).cast(SPECIES);
            VectorMask<Double> notFinite = absBits.compare(VectorOperators.GE, NOT_FINITE).cast(SPECIES);

            // k = (int) (invln2·x ± 0.5), or ±1 just above ½ln2, or 0 below it.
            DoubleVector sign = DoubleVector.broadcast(SPECIES, 1.0).blend(-1.0, negative);
            DoubleVector scaled = x.mul(INVLN2).add(sign.mul(0.5));
            DoubleVector nearest = scaled.add(ROUNDER).sub(ROUNDER);
            DoubleVector truncated = nearest.sub(sign, nearest.abs().compare(VectorOperators.GT, scaled.abs()));
            DoubleVector k = DoubleVector.zero(SPECIES).blend(truncated.blend(sign, nearOne), reduced);

            DoubleVector hi = x.sub(k.mul(LN2_HI));
            DoubleVector lo = k.mul(LN2_LO);
            DoubleVector r = hi.sub(lo);
            DoubleVector t = r.mul(r);
            DoubleVector c = r.sub(t.mul(t.mul(t.mul(t.mul(t.mul(P5).add(P4)).add(P3)).add(P2)).add(P1)));
            DoubleVector rc = r.mul(c);
            DoubleVector unreduced = DoubleVector.broadcast(SPECIES, 1.0).sub(rc.div(c.sub(2.0)).sub(r));
            DoubleVector y = DoubleVector.broadcast(SPECIES, 1.0)
                    .sub(lo.sub(rc.div(DoubleVector.broadcast(SPECIES, 2.0).sub(c))).sub(hi));

            // y·2^k by adding k to the exponent bits; below 2^-1021 in two steps, as fdlibm does.
            LongVector kBits = k.add(ROUNDER).reinterpretAsLongs().sub(Double.doubleToRawLongBits(ROUNDER));
            LongVector yBits = y.reinterpretAsLongs();
            DoubleVector normal = yBits.add(kBits.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            DoubleVector subnormal = yBits.add(kBits.add(1000).lanewise(VectorOperators.LSHL, 52))
                    .reinterpretAsDoubles().mul(TWOM1000);
            DoubleVector result = normal.blend(subnormal, k.lt(-1021.0)).blend(unreduced, reduced.not())
                    .blend(x.add(1.0), tiny);

            // |x| ≥ 709.78: overflow, underflow, infinities and NaN.
            DoubleVector edge = x.blend(HUGE * HUGE, x.compare(VectorOperators.GT, O_THRESHOLD))
                    .blend(TWOM1000 * TWOM1000, x.lt(U_THRESHOLD));
            DoubleVector infiniteOrNaN = x.add(x).blend(0.0, negative.and(x.test(VectorOperators.IS_NAN).not()));
            VectorMask<Double> edgeTaken = large.and(notFinite.or(x.compare(VectorOperators.GT, O_THRESHOLD))
                    .or(x.lt(U_THRESHOLD)));
            result.blend(edge, edgeTaken).blend(infiniteOrNaN, notFinite).intoArray(out, to + j);
        }
        for (; j < n; j++) {
            out[to + j] = StrictMath.exp(in[from + j]);
        }
    }
}
