package org.jgrad.optim;

/**
 * A learning rate as a function of the epoch and the optimizer's initial rate: what {@link
 * EpochScheduler} applies. Implementations are closed forms of PyTorch's schedulers ({@link
 * StepLR}, {@link ExponentialLR}, {@link CosineAnnealingLR}, and {@link LinearWarmUp}, which can
 * wrap another), so they compose and can be evaluated at any epoch.
 */
@FunctionalInterface
public interface Schedule {

    /** The learning rate for {@code epoch} (0 for the first) when the optimizer started at {@code baseLr}. */
    double learningRate(int epoch, double baseLr);

    /** The schedule that keeps the initial rate. */
    static Schedule constant() {
        return (epoch, baseLr) -> baseLr;
    }
}
