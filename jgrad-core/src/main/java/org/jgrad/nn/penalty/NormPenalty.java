package org.jgrad.nn.penalty;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jgrad.Tensor;
import org.jgrad.nn.Module;
import org.jgrad.nn.Parameter;

/**
 * A penalty on the size of a model's parameters: {@code λ·Σ_W Ω(W)} over the parameters
 * {@link Penalize} selects (by default the weights, not the biases), with {@code Ω} a norm
 * given by the subclass. Parameters shared between layers count once.
 */
public abstract sealed class NormPenalty implements Regularizer permits L1Penalty, L2Penalty, ElasticNetPenalty {

    private final double lambda;
    private final Penalize penalize;

    NormPenalty(double lambda, Penalize penalize) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": lambda must be non-negative and finite,"
                    + " got " + lambda);
        }
        this.lambda = lambda;
        this.penalize = Objects.requireNonNull(penalize, "penalize");
    }

    /**
     * {@code λ·Σ Ω(W)} over the selected parameters of {@code model}; a float32 zero that does not
     * require grad when none is selected.
     */
    @Override
    public final Tensor of(Module model) {
        Tensor total = null;
        for (Parameter parameter : model.parameters()) {
            if (penalize.includes(parameter)) {
                Tensor term = norm(parameter.value());
                total = total == null ? term : total.add(term);
            }
        }
        return total == null ? Tensor.scalar(0) : total.mul(lambda);
    }

    /** {@code Ω(W)} for one parameter, a scalar. */
    abstract Tensor norm(Tensor weights);

    /** Settings beyond {@code λ} and the parameters, for {@link #toString()}. */
    List<String> settings() {
        return List.of();
    }

    /** The strength {@code λ}. */
    public final double lambda() {
        return lambda;
    }

    /** Which parameters are penalized. */
    public final Penalize penalize() {
        return penalize;
    }

    /** {@code Σ |w|}. */
    static Tensor l1(Tensor weights) {
        return weights.abs().sum();
    }

    /** {@code ½·Σ w²}, whose gradient is {@code w}. */
    static Tensor halfSquaredL2(Tensor weights) {
        return weights.mul(weights).sum().mul(0.5);
    }

    /** E.g. {@code L2Penalty(lambda=1.0E-4)}, with {@code penalize=all} when biases are included. */
    @Override
    public final String toString() {
        List<String> shown = new ArrayList<>(List.of("lambda=" + lambda));
        shown.addAll(settings());
        if (penalize != Penalize.WEIGHTS) {
            shown.add("penalize=" + penalize);
        }
        return getClass().getSimpleName() + "(" + String.join(", ", shown) + ")";
    }
}
