package org.jgrad.train.callbacks;

import java.util.Locale;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.train.Callback;
import org.jgrad.train.EpochRecord;
import org.jgrad.train.TrainingState;

/**
 * Stops training when the monitored loss (the validation loss, or the training loss without
 * validation data) has not improved for {@code patience} epochs, the decks' early stopping, as
 * Keras's {@code EarlyStopping}: an epoch improves when its loss is below the best so far by
 * more than {@code minDelta}; after {@code patience} epochs in a row without improvement,
 * training stops at the end of that epoch. With {@link #restoreBestWeights()} the model gets
 * back the weights (and buffers) of the best epoch when training ends, whether it stopped early
 * or ran all its epochs.
 *
 * <p>The best loss and the count of epochs without improvement are recomputed from the history
 * when training begins, so a resumed run stops where the uninterrupted one would; the best
 * weights, though, are only those seen in this run.
 */
public final class EarlyStopping implements Callback {

    private final int patience;
    private double minDelta;
    private boolean restoreBestWeights;

    private double best;
    private int bestEpoch;
    private int wait;
    private int stoppedEpoch;
    private Map<String, Tensor> bestWeights;

    /** Stops after {@code patience} (at least 1) epochs without improvement. */
    public EarlyStopping(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("EarlyStopping: patience must be at least 1, got " + patience);
        }
        this.patience = patience;
    }

    /** Sets the amount (non-negative, default 0) by which the loss must fall to count as an improvement. */
    public EarlyStopping minDelta(double minDelta) {
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("EarlyStopping: minDelta must be non-negative and finite, got "
                    + minDelta);
        }
        this.minDelta = minDelta;
        return this;
    }

    /** Gives the model the best epoch's weights back when training ends. */
    public EarlyStopping restoreBestWeights() {
        this.restoreBestWeights = true;
        return this;
    }

    @Override
    public void onTrainBegin(TrainingState state) {
        best = Double.POSITIVE_INFINITY;
        bestEpoch = -1;
        wait = 0;
        stoppedEpoch = -1;
        bestWeights = null;
        state.history().epochs().forEach(this::observe);
    }

    @Override
    public void onEpochEnd(TrainingState state) {
        EpochRecord last = state.history().last();
        if (observe(last) && restoreBestWeights) {
            bestWeights = state.model().stateDict();
        }
        if (wait >= patience) {
            stoppedEpoch = last.epoch();
            state.stop(String.format(Locale.ROOT,
                    "EarlyStopping: the %s loss has not improved for %d epochs (best %.6g in epoch %d of %d)",
                    last.hasValidation() ? "validation" : "training", patience, best, bestEpoch + 1, last.epoch() + 1));
        }
    }

    /** Counts one epoch; true when it improved on the best. */
    private boolean observe(EpochRecord record) {
        double loss = record.monitoredLoss();
        if (loss < best - minDelta) {
            best = loss;
            bestEpoch = record.epoch();
            wait = 0;
            return true;
        }
        wait++;
        return false;
    }

    @Override
    public void onTrainEnd(TrainingState state) {
        if (bestWeights != null) {
            state.model().loadStateDict(bestWeights);
        }
    }

    /** The best monitored loss so far (infinity before the first epoch). */
    public double best() {
        return best;
    }

    /** The epoch of the best loss, counting from 0; -1 before the first epoch. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The epoch after which training was stopped, or -1 when it was not. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }
}
