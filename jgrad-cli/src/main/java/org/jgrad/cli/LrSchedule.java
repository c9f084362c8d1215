package org.jgrad.cli;

import org.jgrad.optim.CosineAnnealingLR;
import org.jgrad.optim.Schedule;

/** The learning-rate schedules {@code --lr-schedule} offers. */
enum LrSchedule {
    /** The rate stays at {@code --lr}. */
    CONSTANT,
    /** The rate falls from {@code --lr} to 0 along half a cosine over {@code --epochs}. */
    COSINE;

    /** This schedule for a run of {@code epochs} epochs. */
    Schedule over(int epochs) {
        return this == COSINE ? new CosineAnnealingLR(epochs) : Schedule.constant();
    }
}
