package org.jgrad.nn.loss;

import org.jgrad.Tensor;

/**
 * How a loss turns the losses of the single elements (or examples) into its result, as
 * PyTorch's {@code reduction} argument.
 */
public enum Reduction {
    /** The mean {@code Σ ℓ_i / n} over the {@code n} losses, a scalar: the default of every loss. */
    MEAN("mean"),
    /** The sum {@code Σ ℓ_i}, a scalar. */
    SUM("sum"),
    /** No reduction: one loss per element (or example), for weighting or inspecting them. */
    NONE("none");

    private final String label;

    Reduction(String label) {
        this.label = label;
    }

    /** The losses reduced: their mean, their sum, or themselves. */
    public Tensor apply(Tensor losses) {
        return switch (this) {
            case MEAN -> losses.mean();
            case SUM -> losses.sum();
            case NONE -> losses;
        };
    }

    /**
     * The losses reduced with a weighted mean: {@link #MEAN} divides their sum by {@code total}
     * (e.g. the sum of the class weights of the targets) instead of by their number; the
     * others are as {@link #apply(Tensor)}.
     */
    public Tensor apply(Tensor losses, Tensor total) {
        return this == MEAN ? losses.sum().div(total) : apply(losses);
    }

    /** The name PyTorch gives it: {@code mean}, {@code sum} or {@code none}. */
    @Override
    public String toString() {
        return label;
    }
}
