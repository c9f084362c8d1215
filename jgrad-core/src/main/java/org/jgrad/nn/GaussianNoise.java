package org.jgrad.nn;

import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;

/**
 * Additive Gaussian noise, a regularizer for inputs or activations (the decks' noise
 * robustness; Keras's {@code GaussianNoise}): in training every element gets independent noise
 * drawn afresh on each forward pass, in evaluation the layer is the identity.
 *
 * <pre>
 * training:    y = x + ε,   ε_i ~ N(0, σ²)
 * evaluation:  y = x
 * </pre>
 *
 * The noise has mean zero, so the expected training output is the evaluation output. Noise
 * comes from this layer's own {@link Rng}, which {@link #initialize(Rng)} and {@link #reseed(Rng)}
 * restart: the same seed gives the same noise. Layers built without an {@code Rng} start from
 * {@code new Rng(0)}. Input any shape; output the same shape.
 */
public final class GaussianNoise extends Module {

    private final double sigma;
    private Rng rng;

    /** Noise of standard deviation {@code sigma} (non-negative), drawn from {@code new Rng(0)}. */
    public GaussianNoise(double sigma) {
        this(sigma, new Rng(0));
    }

    /** Noise of standard deviation {@code sigma} (non-negative), drawn from {@code rng}. */
    public GaussianNoise(double sigma, Rng rng) {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("GaussianNoise: standard deviation sigma must be finite and"
                    + " non-negative, got " + sigma);
        }
        this.sigma = sigma;
        this.rng = rng;
    }

    /** The standard deviation {@code σ} of the noise. */
    public double sigma() {
        return sigma;
    }

    /** Restarts the noise stream from {@code rng}. */
    @Override
    protected void restartStreams(Rng rng) {
        this.rng = rng;
    }

    @Override
    protected Tensor compute(Tensor input) {
        if (!isTraining() || sigma == 0) {
            return input;
        }
        DType dtype = input.dtype().isFloatingPoint() ? input.dtype() : DType.FLOAT32;
        return input.add(Tensor.randn(rng, dtype, input.shape()).mul(sigma));
    }

    @Override
    protected String extraRepr() {
        return "sigma=" + sigma;
    }
}
