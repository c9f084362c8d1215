package org.jgrad.optim;

/**
 * Exponential decay, as PyTorch's {@code ExponentialLR}: {@code η_e = η₀·γ^e}.
 *
 * @param gamma the factor applied every epoch, positive
 */
public record ExponentialLR(double gamma) implements Schedule {

    /** Validates the argument. */
    public ExponentialLR {
        Checks.positive("ExponentialLR", "gamma", gamma);
    }

    @Override
    public double learningRate(int epoch, double baseLr) {
        return baseLr * Math.pow(gamma, epoch);
    }
}
