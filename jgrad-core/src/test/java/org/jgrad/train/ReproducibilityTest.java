package org.jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.backend.WorkerPool;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.GaussianNoise;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.Adam;
import org.jgrad.optim.ExponentialLR;
import org.jgrad.train.callbacks.LearningRateScheduler;
import org.jgrad.train.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's principle 4 through the whole training loop: with the same seed, training gives
 * bitwise the same weights and history (timings aside) on every run, with 1 and 2 threads, and a
 * run resumed after epoch 2 of 4 from the saved model and optimizer state and history ends
 * bitwise where the uninterrupted run does. The run exercises every random stream: shuffling, a
 * validation split, dropout, Gaussian noise and weight noise; and Adam's state and a learning-rate
 * schedule. The products are large enough (64 × 128 × 128) to be split between threads.
 */
class ReproducibilityTest {

    private static final int EPOCHS = 4;
    private static final double BASE_LR = 1e-3;

    private final int threadsBefore = WorkerPool.shared().threads();
    private final DataSet data = teacherData();

    @AfterEach
    void restoreThreads() {
        WorkerPool.shared().setThreads(threadsBefore);
    }

    /** 320 examples of 32 standard normal features, labelled by the largest of four random projections. */
    private static DataSet teacherData() {
        Rng rng = new Rng(21);
        Tensor x = Tensor.randn(rng.split(), 320, 32);
        long[] y = x.matmul(Tensor.randn(rng.split(), 32, 4)).argmax(1, false).toLongArray();
        return DataSet.of(x, Tensor.of(y, y.length));
    }

    private static Sequential model(long seed) {
        var model = new Sequential(new GaussianNoise(0.1), new Linear(32, 128).weightNoise(0.01), new ReLU(),
                new Dropout(0.3), new Linear(128, 128), new ReLU(), new Dropout(0.3), new Linear(128, 4));
        model.initialize(new Rng(seed));
        return model;
    }

    private static Trainer trainer(Sequential model, Adam adam, long seed) {
        return Trainer.of(model, new CrossEntropyLoss(), adam).epochs(EPOCHS).batchSize(64).seed(seed)
                .validationSplit(0.2).metrics(Metrics.accuracy())
                .callbacks(LearningRateScheduler.of(new ExponentialLR(0.8), BASE_LR));
    }

    /** The weights and the history without its timings. */
    private record Outcome(Map<String, float[]> weights, History history) {
    }

    private static Outcome outcome(Sequential model, History history) {
        Map<String, float[]> weights = new LinkedHashMap<>();
        model.stateDict().forEach((name, value) -> weights.put(name, value.toFloatArray()));
        return new Outcome(weights, History.of(history.epochs().stream().map(r -> new EpochRecord(r.epoch(),
                r.trainLoss(), r.trainMetrics(), r.validationLoss(), r.validationMetrics(), r.learningRate(), 0, 0))
                .toList(), history.stopReason().orElse(null)));
    }

    private Outcome train(int threads, long seed) {
        WorkerPool.shared().setThreads(threads);
        var model = model(11);
        return outcome(model, trainer(model, new Adam(model.parameters(), BASE_LR), seed).fit(data));
    }

    private static void assertSame(Outcome expected, Outcome actual) {
        assertEquals(expected.weights().keySet(), actual.weights().keySet());
        expected.weights().forEach((name, w) -> assertArrayEquals(w, actual.weights().get(name), name));
        assertEquals(expected.history(), actual.history());
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndHistory() {
        Outcome first = train(2, 7);
        assertSame(first, train(2, 7));
        Outcome other = train(2, 8);
        assertNotEquals(first.history(), other.history());
        assertFalse(java.util.Arrays.equals(first.weights().get("1.weight"), other.weights().get("1.weight")));
        assertEquals(EPOCHS, first.history().size());
        assertArrayEquals(new double[] {1e-3, 8e-4, 6.4e-4, 5.12e-4}, first.history().learningRate(), 1e-18);
    }

    @Test
    void oneAndTwoThreadsGiveTheSameWeightsAndHistory() {
        assertSame(train(1, 7), train(2, 7));
    }

    @Test
    void resumingAfterEpochTwoEndsBitwiseWhereTheUninterruptedRunEnds() {
        Outcome uninterrupted = train(2, 7);

        var first = model(11);
        var firstAdam = new Adam(first.parameters(), BASE_LR);
        History halfway = trainer(first, firstAdam, 7).epochs(2).fit(data);
        var savedModel = first.stateDict();
        var savedOptimizer = firstAdam.stateDict();

        var resumed = model(99);
        var resumedAdam = new Adam(resumed.parameters(), BASE_LR);
        resumed.loadStateDict(savedModel);
        resumedAdam.loadStateDict(savedOptimizer);
        History history = trainer(resumed, resumedAdam, 7).fit(data, halfway);
        assertSame(uninterrupted, outcome(resumed, history));
    }
}
