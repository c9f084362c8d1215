package org.jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.jgrad.backend.AdamStep;

/**
 * {@link AdamStep}'s update on float32 arrays, eight elements a step, in place. Only IEEE
 * operations that round exactly once (multiply, add, subtract, divide, square root, maximum)
 * are used, each on float operands with the step's scalars rounded to float first, in the
 * order the rule gives; so every element gets the bits the scalar reference (and the rule
 * written with tensor operations) gives it, whatever the chunking. Java never fuses a multiply
 * and an add, so none is fused here.
 */
final class FloatAdam {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;
    static final int LANES = SPECIES.length();

    private final float beta1;
    private final float rest1;
    private final float beta2;
    private final float rest2;
    private final float l2;
    private final float shrink;
    private final float correction2;
    private final float eps;
    private final float stepSize;
    private final boolean decay;
    private final boolean amsgrad;

    FloatAdam(AdamStep step) {
        beta1 = (float) step.beta1();
        rest1 = (float) (1 - step.beta1());
        beta2 = (float) step.beta2();
        rest2 = (float) (1 - step.beta2());
        l2 = (float) step.l2();
        shrink = (float) step.shrink();
        correction2 = (float) step.correction2();
        eps = (float) step.eps();
        stepSize = (float) step.stepSize();
        decay = step.l2() != 0;
        amsgrad = step.amsgrad();
    }

    /** The buffers of one parameter: arrays and the index of element 0 in each. */
    record Buffers(float[] value, int valueAt, float[] grad, int gradAt, float[] expAvg, int expAvgAt,
                   float[] expAvgSq, int expAvgSqAt, float[] maxExpAvgSq, int maxExpAvgSqAt) {
    }

    /** Updates elements {@code [from, to)}. */
    void update(Buffers b, int from, int to) {
        for (int i = from; i < to; i += LANES) {
            chunk(b, i, i + LANES <= to ? null : SPECIES.indexInRange(i, to));
        }
    }

    /**
     * Elements {@code i .. i + 7}, or those of them in {@code valid} ({@code null}: all). No
     * vector crosses a call, so nothing is boxed whether or not this is inlined.
     */
    private void chunk(Buffers b, int i, VectorMask<Float> valid) {
        FloatVector w = load(b.value(), b.valueAt() + i, valid).mul(shrink);
        FloatVector g = load(b.grad(), b.gradAt() + i, valid);
        if (decay) {
            g = g.add(w.mul(l2));
        }
        FloatVector m = load(b.expAvg(), b.expAvgAt() + i, valid).mul(beta1).add(g.mul(rest1));
        FloatVector v = load(b.expAvgSq(), b.expAvgSqAt() + i, valid).mul(beta2).add(g.mul(g).mul(rest2));
        store(m, b.expAvg(), b.expAvgAt() + i, valid);
        store(v, b.expAvgSq(), b.expAvgSqAt() + i, valid);
        if (amsgrad) {
            v = load(b.maxExpAvgSq(), b.maxExpAvgSqAt() + i, valid).max(v);
            store(v, b.maxExpAvgSq(), b.maxExpAvgSqAt() + i, valid);
        }
        FloatVector denominator = v.sqrt().div(correction2).add(eps);
        store(w.sub(m.div(denominator).mul(stepSize)), b.value(), b.valueAt() + i, valid);
    }

    private static FloatVector load(float[] data, int at, VectorMask<Float> valid) {
        return valid == null ? FloatVector.fromArray(SPECIES, data, at) : FloatVector.fromArray(SPECIES, data, at, valid);
    }

    private static void store(FloatVector v, float[] data, int at, VectorMask<Float> valid) {
        if (valid == null) {
            v.intoArray(data, at);
        } else {
            v.intoArray(data, at, valid);
        }
    }
}
