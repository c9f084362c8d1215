package org.jgrad.train.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.Adam;
import org.jgrad.train.Callback;
import org.jgrad.train.EpochRecord;
import org.jgrad.train.Fixtures;
import org.jgrad.train.History;
import org.jgrad.train.Trainer;
import org.jgrad.train.TrainingState;
import org.junit.jupiter.api.Test;

/**
 * {@link EarlyStopping} on a network that over-fits 30 examples of three overlapping classes:
 * the validation loss falls, then rises; training stops {@code patience} epochs after its
 * minimum and the model gets that epoch's weights back.
 */
class EarlyStoppingTest {

    private final DataSet train = Fixtures.blobs(30, 1.5, 1);
    private final DataSet validation = Fixtures.blobs(300, 1.5, 2);

    private static Sequential network() {
        var model = new Sequential(new Linear(2, 64), new ReLU(), new Linear(64, 64), new ReLU(), new Linear(64, 3));
        model.initialize(new Rng(3));
        return model;
    }

    private Trainer trainer(Sequential model, int epochs) {
        return Trainer.of(model, new CrossEntropyLoss(), new Adam(model.parameters(), 0.005)).epochs(epochs)
                .batchSize(30).validation(validation);
    }

    /** Keeps the weights after every epoch. */
    private static final class Snapshots implements Callback {
        final List<Map<String, Tensor>> weights = new ArrayList<>();

        @Override
        public void onEpochEnd(TrainingState state) {
            weights.add(state.model().stateDict());
        }
    }

    @Test
    void stopsPatienceEpochsAfterTheBestValidationLossAndRestoresItsWeights() {
        var model = network();
        var snapshots = new Snapshots();
        var stopping = new EarlyStopping(5).restoreBestWeights();
        History history = trainer(model, 300).callbacks(snapshots, stopping).fit(train);
        double[] losses = history.validationLoss();
        int best = 0;
        for (int e = 1; e < losses.length; e++) {
            best = losses[e] < losses[best] ? e : best;
        }
        assertTrue(best > 3, "the validation loss first falls: best epoch " + best);
        assertEquals(best, stopping.bestEpoch());
        assertEquals(best + 5, stopping.stoppedEpoch());
        assertEquals(best + 6, history.size(), "stopped long before 300 epochs");
        assertEquals(Optional.of(String.format(Locale.ROOT, "EarlyStopping: the validation loss has not improved for"
                + " 5 epochs (best %.6g in epoch %d of %d)", losses[best], best + 1, best + 6)), history.stopReason());
        snapshots.weights.get(best).forEach((name, value) ->
                assertArrayEquals(value.toFloatArray(), model.stateDict().get(name).toFloatArray(), name));
        assertEquals(losses[best], trainer(model, 1).evaluate(validation).loss());
    }

    @Test
    void minDeltaDemandsALargerImprovement() {
        var stopping = new EarlyStopping(3).minDelta(1e9);
        History history = trainer(network(), 300).callbacks(stopping).fit(train);
        assertEquals(0, stopping.bestEpoch(), "only the first epoch beats infinity by 1e9");
        assertEquals(4, history.size());
    }

    @Test
    void aResumedRunCountsTheEpochsWithoutImprovementFromTheHistory() {
        // Best 0.0 at epoch 1, then two epochs without improvement: one more and patience 3 is spent.
        List<EpochRecord> before = new ArrayList<>();
        double[] losses = {1.0, 0.0, 0.5, 0.6};
        for (int e = 0; e < losses.length; e++) {
            before.add(new EpochRecord(e, 1, Map.of(), losses[e], Map.of(), 0.005, 1, 1));
        }
        var stopping = new EarlyStopping(3);
        History history = trainer(network(), 300).callbacks(stopping).fit(train, History.of(before, null));
        assertEquals(5, history.size());
        assertEquals(1, stopping.bestEpoch());
        assertEquals(4, stopping.stoppedEpoch());
    }

    @Test
    void rejectsBadSettings() {
        assertEquals("EarlyStopping: patience must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0)).getMessage());
        assertEquals("EarlyStopping: minDelta must be non-negative and finite, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(2).minDelta(-1)).getMessage());
    }
}
