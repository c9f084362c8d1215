package org.jgrad.train;

import java.util.Objects;

/**
 * Thrown when a loss, a gradient or a parameter stops being finite during training: the
 * message names the epoch, the batch and the first parameter or layer affected. Carries the
 * history of the epochs finished before.
 */
public final class TrainingDivergedException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final transient History history;
    private final int epoch;
    private final int batch;
    private final String where;

    /**
     * Reports divergence at {@code batch} of {@code epoch} (both counting from 0; batch -1 for
     * the epoch's validation), first seen at {@code where} (a parameter or layer name, or {@code
     * loss} or {@code input}).
     */
    public TrainingDivergedException(String message, History history, int epoch, int batch, String where) {
        super(message);
        this.history = Objects.requireNonNull(history, "history");
        this.epoch = epoch;
        this.batch = batch;
        this.where = Objects.requireNonNull(where, "where");
    }

    /** The epochs finished before training diverged. */
    public History history() {
        return history;
    }

    /** The epoch in which training diverged, counting from 0. */
    public int epoch() {
        return epoch;
    }

    /** The batch at which training diverged, counting from 0 in its epoch; -1 for the validation. */
    public int batch() {
        return batch;
    }

    /** The first parameter or layer found not finite, or {@code loss} or {@code input}. */
    public String where() {
        return where;
    }
}
