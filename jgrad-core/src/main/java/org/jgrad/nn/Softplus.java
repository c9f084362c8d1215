package org.jgrad.nn;

import org.jgrad.Tensor;

/**
 * A smooth approximation of ReLU, element-wise, as PyTorch's {@code nn.Softplus}:
 *
 * <pre>
 * f(x) = x                      if β·x &gt; threshold
 * f(x) = log(1 + e^(β·x)) / β   otherwise
 * </pre>
 *
 * Its derivative is {@code σ(β·x)}, the logistic function. Above the threshold the two branches
 * agree to within {@code e^(−threshold)/β}, and switching to {@code x} there keeps the
 * exponential from overflowing: it is evaluated on {@code min(β·x, threshold)}, so neither the
 * value nor the gradient meets an infinity. Far below zero, where the value is about {@code
 * e^(β·x)/β}, the {@code 1 + e^(β·x)} inside the logarithm rounds, so the value is exact to about
 * {@code 1e-16/β} absolute rather than relative (PyTorch's {@code log1p} keeps it relative); the
 * gradient keeps full relative precision. Input any shape; output the same shape.
 */
public final class Softplus extends Module {

    private final double beta;
    private final double threshold;

    /** A softplus with {@code β = 1} and threshold 20, PyTorch's defaults. */
    public Softplus() {
        this(1.0, 20.0);
    }

    /** A softplus with sharpness {@code beta} that turns linear where {@code β·x > threshold}. */
    public Softplus(double beta, double threshold) {
        if (!(beta > 0) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("Softplus: beta must be positive and finite, got " + beta);
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("Softplus: threshold must be a number, got NaN");
        }
        this.beta = beta;
        this.threshold = threshold;
    }

    /** The sharpness {@code β}: larger values bend closer to ReLU. */
    public double beta() {
        return beta;
    }

    /** The value of {@code β·x} above which the output is {@code x}. */
    public double threshold() {
        return threshold;
    }

    @Override
    protected Tensor compute(Tensor input) {
        Tensor z = input.mul(beta);
        Tensor smooth = z.clamp(Double.NEGATIVE_INFINITY, threshold).exp().add(1).log().div(beta);
        return Tensor.where(z.gt(threshold), input, smooth);
    }

    @Override
    protected String extraRepr() {
        return "beta=" + beta + ", threshold=" + threshold;
    }
}
