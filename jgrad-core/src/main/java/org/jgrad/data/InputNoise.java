package org.jgrad.data;

import org.jgrad.Rng;
import org.jgrad.Tensor;

/**
 * Gaussian input noise for tabular data: adds {@code N(0, stddev²)} to every feature of every
 * batch (Bishop, "Training with noise is equivalent to Tikhonov regularization", 1995). Meant
 * for standardized features, where {@code stddev} is in units of a feature's spread.
 */
public record InputNoise(double stddev) implements Augmentation {

    /** Checks that {@code stddev} is finite and not negative. */
    public InputNoise {
        if (!(stddev >= 0 && stddev < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("InputNoise: stddev must be finite and not negative, got " + stddev);
        }
    }

    @Override
    public Tensor apply(Tensor features, Rng rng) {
        return features.add(Tensor.randn(rng, features.dtype(), features.shape()).mul(stddev));
    }
}
