package org.jgrad.optim;

/**
 * Cosine annealing (Loshchilov &amp; Hutter, "SGDR: Stochastic Gradient Descent with Warm
 * Restarts", ICLR 2017, without restarts), as PyTorch's {@code CosineAnnealingLR}: the rate
 * falls from η₀ to {@code etaMin} along half a cosine over {@code tMax} epochs,
 * {@code η_e = η_min + (η₀ − η_min)·(1 + cos(π·e / tMax)) / 2}. Past {@code tMax} the formula
 * climbs back, as PyTorch's does; stop there or wrap it in a longer schedule.
 *
 * @param tMax   epochs from η₀ down to {@code etaMin}, positive
 * @param etaMin the final rate, non-negative
 */
public record CosineAnnealingLR(int tMax, double etaMin) implements Schedule {

    /** Validates the arguments. */
    public CosineAnnealingLR {
        Checks.positive("CosineAnnealingLR", "tMax", tMax);
        Checks.nonNegative("CosineAnnealingLR", "etaMin", etaMin);
    }

    /** Annealing to 0 over {@code tMax} epochs. */
    public CosineAnnealingLR(int tMax) {
        this(tMax, 0);
    }

    @Override
    public double learningRate(int epoch, double baseLr) {
        return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
    }
}
