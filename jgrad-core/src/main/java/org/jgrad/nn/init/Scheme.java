package org.jgrad.nn.init;

import org.jgrad.Rng;
import org.jgrad.Tensor;

/**
 * One of {@link Init}'s schemes: a name for printing and messages, the weight rule and the bias
 * rule. Checks the fans once, so that the rules can divide by them.
 */
record Scheme(String name, Initializer weight, Bias bias) implements Initializer {

    /** How the bias of a {@code [fanOut, fanIn]} weight is drawn: a tensor of shape {@code [fanOut]}. */
    @FunctionalInterface
    interface Bias {
        Tensor sample(Rng rng, int fanOut, int fanIn);
    }

    /** A scheme with a zero bias. */
    Scheme(String name, Initializer weight) {
        this(name, weight, (rng, fanOut, fanIn) -> Tensor.zeros(fanOut));
    }

    @Override
    public Tensor sample(Rng rng, int fanOut, int fanIn) {
        check(fanOut, fanIn);
        return weight.sample(rng, fanOut, fanIn);
    }

    @Override
    public Tensor sampleBias(Rng rng, int fanOut, int fanIn) {
        check(fanOut, fanIn);
        return bias.sample(rng, fanOut, fanIn);
    }

    private void check(int fanOut, int fanIn) {
        if (fanOut <= 0 || fanIn <= 0) {
            throw new IllegalArgumentException(name + ": fan-out and fan-in must be positive, got " + fanOut
                    + " and " + fanIn);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
