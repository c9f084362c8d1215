package org.jgrad.optim;

import java.util.Objects;

/**
 * Linear warm-up (Goyal et al., "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour",
 * 2017): the rate climbs linearly from {@code startFactor·η₀} to η₀ over {@code epochs} epochs,
 * {@code η_e = η₀·(f + (1 − f)·e / epochs)} for {@code e < epochs}; then {@code then} takes over,
 * restarted at its own epoch 0: {@code η_e = then(e − epochs)}. Alone (keeping η₀ afterwards)
 * it is PyTorch's {@code LinearLR(start_factor=f, total_iters=epochs)}; wrapping another schedule
 * it is {@code SequentialLR([LinearLR(...), other], milestones=[epochs])}.
 *
 * @param epochs      length of the warm-up, positive
 * @param startFactor the fraction of η₀ at epoch 0, in (0, 1]
 * @param then        the schedule after the warm-up
 */
public record LinearWarmUp(int epochs, double startFactor, Schedule then) implements Schedule {

    /** Validates the arguments. */
    public LinearWarmUp {
        Checks.positive("LinearWarmUp", "epochs", epochs);
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("LinearWarmUp: start factor must be in (0, 1], got " + startFactor);
        }
        Objects.requireNonNull(then, "then");
    }

    /** A warm-up that keeps η₀ afterwards. */
    public LinearWarmUp(int epochs, double startFactor) {
        this(epochs, startFactor, Schedule.constant());
    }

    @Override
    public double learningRate(int epoch, double baseLr) {
        if (epoch >= epochs) {
            return then.learningRate(epoch - epochs, baseLr);
        }
        return baseLr * (startFactor + (1 - startFactor) * epoch / epochs);
    }
}
