package org.jgrad.train.callbacks;

import java.util.Objects;
import org.jgrad.optim.LrScheduler;
import org.jgrad.optim.ReduceLROnPlateau;
import org.jgrad.optim.Schedule;
import org.jgrad.train.Callback;
import org.jgrad.train.TrainingState;

/**
 * Changes the optimizer's learning rate from epoch to epoch, in one of two ways:
 *
 * <ul>
 *   <li>{@link #of(Schedule, double)}: at the start of every epoch {@code e}, the rate becomes
 *       {@code schedule.learningRate(e, baseLr)}. A closed form of the epoch, so a resumed run
 *       gets the same rates as an uninterrupted one.
 *   <li>{@link #of(LrScheduler)}: at the end of every epoch, {@code scheduler.step(loss)} with
 *       the monitored loss (validation, else training), for a scheduler that reacts to it such
 *       as {@link ReduceLROnPlateau}. Its state lives in the scheduler, which a checkpoint does
 *       not hold, so a resumed run starts it afresh.
 * </ul>
 */
public final class LearningRateScheduler implements Callback {

    private final Schedule schedule;
    private final double baseLr;
    private final LrScheduler scheduler;

    private LearningRateScheduler(Schedule schedule, double baseLr, LrScheduler scheduler) {
        this.schedule = schedule;
        this.baseLr = baseLr;
        this.scheduler = scheduler;
    }

    /** Sets the rate of epoch {@code e} to {@code schedule.learningRate(e, baseLr)} as it starts. */
    public static LearningRateScheduler of(Schedule schedule, double baseLr) {
        if (!(baseLr > 0) || Double.isInfinite(baseLr)) {
            throw new IllegalArgumentException("LearningRateScheduler: base learning rate must be positive, got "
                    + baseLr);
        }
        return new LearningRateScheduler(Objects.requireNonNull(schedule, "schedule"), baseLr, null);
    }

    /** Steps {@code scheduler} with the monitored loss after every epoch. */
    public static LearningRateScheduler of(LrScheduler scheduler) {
        return new LearningRateScheduler(null, 0, Objects.requireNonNull(scheduler, "scheduler"));
    }

    @Override
    public void onEpochBegin(TrainingState state) {
        if (schedule != null) {
            state.optimizer().setLearningRate(schedule.learningRate(state.epoch(), baseLr));
        }
    }

    @Override
    public void onEpochEnd(TrainingState state) {
        if (scheduler != null) {
            scheduler.step(state.history().last().monitoredLoss());
        }
    }
}
