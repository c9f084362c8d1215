package org.jgrad.nn.penalty;

import org.jgrad.nn.Parameter;

/**
 * Which parameters a norm penalty applies to. The decks do it both ways: weight decay of the
 * weights only, biases not penalized (CS-S109A, and Ng's regularized cost, whose sum skips the
 * bias column), or of every parameter, biases included (the machine-learning deck's {@code
 * R(θ) = Σ_j θ_j²} over "all weights and biases").
 */
public enum Penalize {
    /**
     * The weights: parameters of rank 2 or more, such as a linear layer's {@code [out, in]}
     * matrix. Leaves out biases and the other vectors and scalars (batch normalization's
     * {@code γ} and {@code β}, PReLU's slopes), whose size does not make a model complex, and
     * shrinking which only shifts or rescales units. The default.
     */
    WEIGHTS("weights"),
    /** Every parameter, biases included. */
    ALL("all");

    private final String label;

    Penalize(String label) {
        this.label = label;
    }

    /** Whether {@code parameter} is penalized. */
    public boolean includes(Parameter parameter) {
        return this == ALL || parameter.shape().length >= 2;
    }

    @Override
    public String toString() {
        return label;
    }
}
