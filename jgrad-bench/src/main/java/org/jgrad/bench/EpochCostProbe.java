package org.jgrad.bench;

import java.util.function.BiConsumer;
import org.jgrad.train.Callback;
import org.jgrad.train.EpochRecord;
import org.jgrad.train.TrainingState;

/**
 * A training callback that measures what each epoch's training part cost the JVM — collection
 * time and count, bytes allocated — from the start of the epoch to the end of its last batch,
 * so that the validation pass after it is left out, and hands it over with the epoch's record
 * when the epoch ends.
 */
final class EpochCostProbe implements Callback {

    private final BiConsumer<EpochRecord, JvmCounters> sink;
    private JvmCounters start;
    private JvmCounters trained;

    /** A probe that gives {@code sink} each finished epoch's record and its training part's cost. */
    EpochCostProbe(BiConsumer<EpochRecord, JvmCounters> sink) {
        this.sink = sink;
    }

    @Override
    public void onEpochBegin(TrainingState state) {
        start = JvmCounters.now();
    }

    @Override
    public void onBatchEnd(TrainingState state) {
        if (state.batchIndex() == state.batchCount() - 1) {
            trained = JvmCounters.now().since(start);
        }
    }

    @Override
    public void onEpochEnd(TrainingState state) {
        sink.accept(state.history().last(), trained);
    }
}
