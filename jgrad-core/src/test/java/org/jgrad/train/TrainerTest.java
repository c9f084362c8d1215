package org.jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.init.Init;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.nn.loss.MSELoss;
import org.jgrad.nn.penalty.L2Penalty;
import org.jgrad.optim.SGD;
import org.jgrad.train.metrics.Metric;
import org.jgrad.train.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** {@link Trainer}: batching, what the history records, the hooks and their order, stopping, and bad settings. */
class TrainerTest {

    private final DataSet data = Fixtures.blobs(30, 1);
    private final Sequential model = Fixtures.mlp(2);
    private final Trainer trainer = Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1));

    /** Records the size of every batch and whether the model was in training mode. */
    private static final class BatchLog implements Callback {
        final List<Integer> sizes = new ArrayList<>();
        final List<Boolean> training = new ArrayList<>();

        @Override
        public void afterBackward(TrainingState state) {
            sizes.add(state.batch().size());
            training.add(state.model().isTraining());
        }
    }

    @Test
    void batchSizeOneIsStochasticTheSetSizeIsFullBatchAndBetweenIsMiniBatch() {
        for (int[] sizeAndBatches : new int[][] {{1, 30}, {30, 1}, {100, 1}, {8, 4}}) {
            var log = new BatchLog();
            trainer.batchSize(sizeAndBatches[0]).callbacks(log).fit(data);
            assertEquals(sizeAndBatches[1], log.sizes.size(), "batch size " + sizeAndBatches[0]);
            assertEquals(30, log.sizes.stream().mapToInt(Integer::intValue).sum());
        }
        var log = new BatchLog();
        trainer.batchSize(8).callbacks(log).fit(data);
        assertEquals(List.of(8, 8, 8, 6), log.sizes);
        assertEquals(List.of(true, true, true, true), log.training);
        assertFalse(model.isTraining(), "fit leaves the model in evaluation mode");
    }

    @Test
    void recordsTheLossBeforeEachFullBatchStepAndTheValidationLossAfterTheEpoch() {
        var validation = Fixtures.blobs(12, 5);
        var loss = new CrossEntropyLoss();
        model.train();
        double initial = loss.forward(model.eval().forward(data.features()), data.targets()).item();
        History history = trainer.batchSize(30).epochs(3).shuffle(false).validation(validation)
                .metrics(Metrics.accuracy(), Metrics.f1()).fit(data);
        assertEquals(3, history.size());
        // Dropout is on while training, so the first recorded loss is close to, not equal to, the initial one.
        assertEquals(initial, history.epoch(0).trainLoss(), 0.2);
        Evaluation after = trainer.evaluate(validation);
        assertEquals(after.loss(), history.last().validationLoss());
        assertEquals(after.metrics(), history.last().validationMetrics());
        assertEquals(List.of("accuracy", "f1"), List.copyOf(history.last().trainMetrics().keySet()));
        assertArrayEquals(new double[] {0.1, 0.1, 0.1}, history.learningRate());
        assertEquals(Optional.empty(), history.stopReason());
        assertTrue(history.last().seconds() > 0 && history.last().samplesPerSecond() > 0);
    }

    @Test
    void theRecordedTrainingLossIsTheLossOfTheOutputsSeenWhileTraining() {
        var linear = new Sequential(new Linear(2, 3, true, Init.zeros()));
        double[] losses = new double[1];
        Callback sum = new Callback() {
            @Override
            public void afterBackward(TrainingState state) {
                losses[0] += state.batchLoss() * state.batch().size() / 30;
            }
        };
        History history = Trainer.of(linear, new CrossEntropyLoss(), new SGD(linear.parameters(), 0.5))
                .batchSize(7).callbacks(sum).fit(data);
        assertEquals(losses[0], history.last().trainLoss(), 1e-6);
    }

    @Test
    void theRegularizerPenalizesTheObjectiveButNotTheRecordedLoss() {
        var single = new Sequential(new Linear(1, 1, false, Init.constant(3)));
        var point = DataSet.of(Tensor.of(new float[] {1}, 1, 1), Tensor.of(new float[] {0}, 1, 1));
        double[] seen = new double[2];
        Callback probe = new Callback() {
            @Override
            public void afterBackward(TrainingState state) {
                seen[0] = state.model().parameters().getFirst().grad().item();
                seen[1] = state.batchLoss();
            }
        };
        Trainer.of(single, new MSELoss(), new SGD(single.parameters(), 0.01)).regularizer(new L2Penalty(0.5))
                .callbacks(probe).fit(point);
        assertEquals(2 * 3 + 0.5 * 3, seen[0], 1e-6, "d/dw (w² + λ/2·w²) at w = 3");
        assertEquals(9, seen[1], 1e-6, "the data loss w²");
    }

    @Test
    void clippingRescalesTheGradientBeforeTheStep() {
        var single = new Sequential(new Linear(1, 1, false, Init.constant(3)));
        var point = DataSet.of(Tensor.of(new float[] {1}, 1, 1), Tensor.of(new float[] {0}, 1, 1));
        Trainer.of(single, new MSELoss(), new SGD(single.parameters(), 0.1)).clipGradNorm(1).fit(point);
        // The gradient 6 is cut to norm 1 (less 1e-6 relative), so the step is 0.1.
        assertEquals(2.9, single.parameters().getFirst().value().item(), 1e-6);
    }

    /** Logs each hook, and asks to stop at a chosen hook of a chosen batch. */
    private static final class HookLog implements Callback {
        final List<String> hooks = new ArrayList<>();
        final String stopAt;

        HookLog(String stopAt) {
            this.stopAt = stopAt;
        }

        private void log(TrainingState state, String hook) {
            hooks.add(hook + " " + state.epoch() + (hook.startsWith("after") || hook.equals("onBatchEnd")
                    ? "." + state.batchIndex() : ""));
            if (hooks.getLast().equals(stopAt)) {
                state.stop("asked at " + stopAt);
            }
        }

        @Override
        public void onTrainBegin(TrainingState state) {
            log(state, "onTrainBegin");
        }

        @Override
        public void onEpochBegin(TrainingState state) {
            log(state, "onEpochBegin");
        }

        @Override
        public void afterBackward(TrainingState state) {
            log(state, "afterBackward");
        }

        @Override
        public void onBatchEnd(TrainingState state) {
            log(state, "onBatchEnd");
        }

        @Override
        public void onEpochEnd(TrainingState state) {
            log(state, "onEpochEnd");
        }

        @Override
        public void onTrainEnd(TrainingState state) {
            log(state, "onTrainEnd");
        }
    }

    @Test
    void hooksRunInOrder() {
        var log = new HookLog("");
        trainer.epochs(2).batchSize(20).callbacks(log).fit(data);
        assertEquals(List.of("onTrainBegin 0",
                "onEpochBegin 0", "afterBackward 0.0", "onBatchEnd 0.0", "afterBackward 0.1", "onBatchEnd 0.1",
                "onEpochEnd 0",
                "onEpochBegin 1", "afterBackward 1.0", "onBatchEnd 1.0", "afterBackward 1.1", "onBatchEnd 1.1",
                "onEpochEnd 1", "onTrainEnd 1"), log.hooks);
    }

    @Test
    void aStopAfterBackwardSkipsTheStepAndTheEpochEnd() {
        var log = new HookLog("afterBackward 1.1");
        var other = new HookLog("");
        History history = trainer.epochs(3).batchSize(20).callbacks(log, other).fit(data);
        assertEquals("afterBackward 1.1", log.hooks.get(log.hooks.size() - 2));
        assertEquals("onTrainEnd 1", log.hooks.getLast());
        assertEquals(log.hooks, other.hooks, "every callback of the hook still runs");
        assertEquals(1, history.size(), "the unfinished epoch is not recorded");
        assertEquals(Optional.of("asked at afterBackward 1.1"), history.stopReason());

        var stoppedEarlier = Fixtures.mlp(2);
        Trainer.of(stoppedEarlier, new CrossEntropyLoss(), new SGD(stoppedEarlier.parameters(), 0.1)).epochs(3)
                .batchSize(20).callbacks(new HookLog("onBatchEnd 1.0")).fit(data);
        model.stateDict().forEach((name, value) -> assertArrayEquals(stoppedEarlier.stateDict().get(name)
                .toFloatArray(), value.toFloatArray(), "batch 1.1 made no step: " + name));
    }

    @Test
    void aStopAtTheEpochEndKeepsThatEpoch() {
        History history = trainer.epochs(5).callbacks(new HookLog("onEpochEnd 1")).fit(data);
        assertEquals(2, history.size());
        assertEquals(Optional.of("asked at onEpochEnd 1"), history.stopReason());
    }

    @Test
    void aValidationSplitHoldsOutARoundedFractionChosenByTheSeed() {
        int[] sizes = new int[2];
        Callback probe = new Callback() {
            @Override
            public void onTrainBegin(TrainingState state) {
                sizes[0] = state.trainingSize();
                sizes[1] = state.hasValidation() ? 1 : 0;
            }
        };
        History history = trainer.validationSplit(0.2).callbacks(probe).fit(data);
        assertArrayEquals(new int[] {24, 1}, sizes);
        assertTrue(history.last().hasValidation());
        var again = Fixtures.mlp(2);
        History repeated = Trainer.of(again, new CrossEntropyLoss(), new SGD(again.parameters(), 0.1))
                .validationSplit(0.2).fit(data);
        assertEquals(history.last().validationLoss(), repeated.last().validationLoss());
    }

    @Test
    void badSettingsAreRejectedWithTheirValue() {
        assertMessage("Trainer: epochs must be at least 1, got 0", () -> trainer.epochs(0));
        assertMessage("Trainer: batch size must be at least 1, got 0", () -> trainer.batchSize(0));
        assertMessage("Trainer: validation fraction must be in (0, 1), got 1.0", () -> trainer.validationSplit(1));
        assertMessage("Trainer: validation fraction must be in (0, 1), got 0.0", () -> trainer.validationSplit(0));
        assertMessage("Trainer: validation fraction must be in (0, 1), got NaN", () -> trainer.validationSplit(Double.NaN));
        assertMessage("Trainer: max gradient norm must be positive, got 0.0", () -> trainer.clipGradNorm(0));
        assertMessage("Trainer: two metrics are named 'accuracy'",
                () -> trainer.metrics(Metrics.accuracy(), Metrics.accuracy()));
        assertMessage("Trainer: a metric may not be named 'loss', the name of the loss",
                () -> trainer.metrics(Metric.of("loss", (o, t) -> 0)));
        assertMessage("Trainer: the training data is empty",
                () -> trainer.fit(DataSet.of(Tensor.zeros(0, 2), Tensor.of(new long[0], 0))));
        History two = trainer.epochs(2).fit(data);
        assertMessage("Trainer: cannot resume from a history of 2 epochs in a run of 1 epochs",
                () -> trainer.epochs(1).fit(data, two));
        assertMessage("Trainer: a validation fraction of 0.01 of 30 examples leaves no validation example",
                () -> trainer.validationSplit(0.01).fit(data));
        var e = assertThrows(IllegalStateException.class, () -> trainer.validation(data));
        assertEquals("Trainer: validation is already set; give either validation(data) or validationSplit(fraction)",
                e.getMessage());
    }

    @Test
    void validationDataMustLookLikeTheTrainingData() {
        var wider = DataSet.of(Tensor.zeros(4, 3), Tensor.of(new long[] {0, 1, 2, 0}, 4));
        assertMessage("Trainer: validation features of shape [3] do not match the training features of shape [2]",
                () -> trainer.validation(wider).fit(data));
        var regression = DataSet.of(Tensor.zeros(4, 2), Tensor.zeros(4, 1));
        assertMessage("Trainer: validation targets of shape [4, 1] do not match the training targets of shape [30]",
                () -> Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.1))
                        .validation(regression).fit(data));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, action).getMessage());
    }
}
