package org.jgrad.optim;

import java.util.Objects;

/**
 * Sets an optimizer's learning rate from a {@link Schedule} of the epoch count:
 *
 * <pre>{@code
 * var scheduler = new EpochScheduler(optimizer, new LinearWarmUp(5, 0.1, new CosineAnnealingLR(45)));
 * for (int epoch = 0; epoch < 50; epoch++) {
 *     train(optimizer);
 *     scheduler.step();
 * }
 * }</pre>
 *
 * The base rate is the optimizer's rate at construction (PyTorch's {@code initial_lr}); the
 * constructor sets the rate of epoch 0 and each {@link #step()} that of the next epoch. The
 * schedule is a closed form, so a rate set on the optimizer by hand lasts until the next step.
 */
public final class EpochScheduler implements LrScheduler {

    private final Optimizer optimizer;
    private final Schedule schedule;
    private final double baseLr;
    private int epoch;

    /** Schedules {@code optimizer}'s learning rate, starting now at epoch 0. */
    public EpochScheduler(Optimizer optimizer, Schedule schedule) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.baseLr = optimizer.learningRate();
        optimizer.setLearningRate(schedule.learningRate(0, baseLr));
    }

    @Override
    public void step() {
        epoch++;
        optimizer.setLearningRate(schedule.learningRate(epoch, baseLr));
    }

    /** The epoch whose learning rate is set: 0 until the first step. */
    public int epoch() {
        return epoch;
    }

    @Override
    public double learningRate() {
        return optimizer.learningRate();
    }
}
