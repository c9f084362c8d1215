package org.jgrad.optim;

/**
 * Step decay, as PyTorch's {@code StepLR}: the rate is multiplied by γ every {@code stepSize}
 * epochs, {@code η_e = η₀·γ^⌊e / stepSize⌋}.
 *
 * @param stepSize epochs between decays, positive
 * @param gamma    the factor applied at each decay, positive (0.1 is usual)
 */
public record StepLR(int stepSize, double gamma) implements Schedule {

    /** Validates the arguments. */
    public StepLR {
        Checks.positive("StepLR", "step size", stepSize);
        Checks.positive("StepLR", "gamma", gamma);
    }

    @Override
    public double learningRate(int epoch, double baseLr) {
        return baseLr * Math.pow(gamma, epoch / stepSize);
    }
}
