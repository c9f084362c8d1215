package org.jgrad.optim;

/**
 * Changes an optimizer's learning rate once per epoch. A trainer calls {@link #step(double)}
 * at the end of every epoch with the monitored metric (the validation loss, say); schedules
 * that follow the epoch count alone ({@link EpochScheduler}) ignore it, {@link
 * ReduceLROnPlateau} needs it. As in PyTorch, creating a scheduler already sets the rate for
 * the first epoch, and the {@code k}-th call sets it for epoch {@code k}.
 */
public interface LrScheduler {

    /** Ends an epoch: sets the learning rate for the next one. */
    void step();

    /** Ends an epoch whose monitored metric was {@code metric}; by default the metric is ignored. */
    default void step(double metric) {
        step();
    }

    /** The learning rate the optimizer now holds. */
    double learningRate();
}
