package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.backend.WorkerPool;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.GaussianNoise;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.Adam;
import org.jgrad.optim.ExponentialLR;
import org.jgrad.train.Callback;
import org.jgrad.train.EpochRecord;
import org.jgrad.train.Fixtures;
import org.jgrad.train.History;
import org.jgrad.train.Trainer;
import org.jgrad.train.TrainingDivergedException;
import org.jgrad.train.TrainingState;
import org.jgrad.train.callbacks.LearningRateScheduler;
import org.jgrad.train.callbacks.NanGuard;
import org.jgrad.train.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ModelCheckpoint} and resumption from its files: a run resumed from the checkpoint of
 * epoch 2 of 4 ends bitwise where the uninterrupted run ends, with 1 or 2 threads; the best
 * checkpoint survives resumption; weights that are not finite are never written; and the
 * callback's order against {@link NanGuard} decides whether an epoch with a NaN validation loss
 * is saved.
 */
class ModelCheckpointTest {

    private static final int EPOCHS = 4;
    private static final double LR = 1e-3;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    private final int threadsBefore = WorkerPool.shared().threads();

    @AfterEach
    void restoreThreads() {
        WorkerPool.shared().setThreads(threadsBefore);
    }

    /** {@code n} examples of 32 standard normal features, labelled by the largest of four random projections. */
    private static DataSet teacherData(int n, long seed) {
        Rng rng = new Rng(seed);
        Tensor x = Tensor.randn(rng.split(), n, 32);
        long[] y = x.matmul(Tensor.randn(new Rng(21), 32, 4)).argmax(1, false).toLongArray();
        return DataSet.of(x, Tensor.of(y, y.length));
    }

    /** Every random stream of training: input noise, weight noise, dropout; products large enough to be split. */
    private static Sequential model() {
        var model = new Sequential(new GaussianNoise(0.1), new Linear(32, 128).weightNoise(0.01), new ReLU(),
                new Dropout(0.3), new Linear(128, 128), new ReLU(), new Dropout(0.3), new Linear(128, 4));
        model.initialize(new Rng(11));
        return model;
    }

    private static Trainer trainer(Module model, Adam adam, long seed, Callback... more) {
        Callback[] callbacks = Stream.concat(Stream.of(LearningRateScheduler.of(new ExponentialLR(0.8), LR)),
                Stream.of(more)).toArray(Callback[]::new);
        return Trainer.of(model, new CrossEntropyLoss(), adam).epochs(EPOCHS).batchSize(64).seed(seed)
                .validationSplit(0.2).metrics(Metrics.accuracy()).callbacks(callbacks);
    }

    private static History withoutTimings(History history) {
        return History.of(history.epochs().stream().map(r -> new EpochRecord(r.epoch(), r.trainLoss(),
                r.trainMetrics(), r.validationLoss(), r.validationMetrics(), r.learningRate(), 0, 0)).toList(),
                history.stopReason().orElse(null));
    }

    private static void assertSameWeights(Module expected, Module actual) {
        Map<String, Tensor> e = expected.stateDict();
        Map<String, Tensor> a = actual.stateDict();
        assertEquals(e.keySet(), a.keySet());
        e.forEach((name, value) -> assertArrayEquals(value.toFloatArray(), a.get(name).toFloatArray(), name));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest(name = "resumed with {0} threads")
    @ValueSource(ints = {1, 2})
    void resumingFromTheCheckpointOfEpochTwoEndsBitwiseWhereTheUninterruptedRunEnds(int threads) throws IOException {
        DataSet data = teacherData(320, 5);
        WorkerPool.shared().setThreads(1);
        var uninterrupted = model();
        var checkpoints = ModelCheckpoint.everyEpoch(dir.resolve("run-{epoch}.safetensors"));
        History full = trainer(uninterrupted, new Adam(uninterrupted.parameters(), LR), SEED, checkpoints).fit(data);
        assertEquals(List.of("run-1.safetensors", "run-2.safetensors", "run-3.safetensors", "run-4.safetensors"),
                files());
        assertEquals(dir.resolve("run-3.safetensors"), checkpoints.path(3));
        assertEquals(full, Checkpoint.load(dir.resolve("run-4.safetensors")).history(), "timings included");

        WorkerPool.shared().setThreads(threads);
        Checkpoint checkpoint = Checkpoint.load(dir.resolve("run-2.safetensors"));
        assertEquals(2, checkpoint.epoch());
        assertEquals(full.epochs().subList(0, 2), checkpoint.history().epochs());
        Module resumed = checkpoint.model();
        var adam = new Adam(resumed.parameters(), LR);
        checkpoint.restoreInto(adam);
        History rest = trainer(resumed, adam, checkpoint.seed()).fit(data, checkpoint.history());

        assertSameWeights(uninterrupted, resumed);
        assertEquals(withoutTimings(full), withoutTimings(rest));
    }

    /** {@code n} examples of 32 standard normal features with random labels: nothing to learn but noise. */
    private static DataSet randomLabels(long seed) {
        Rng rng = new Rng(seed);
        Tensor x = Tensor.randn(rng.split(), 96, 32);
        return DataSet.of(x, Tensor.of(IntStream.range(0, 96).mapToLong(i -> rng.nextInt(4)).toArray(), 96));
    }

    /** Memorizes random labels, validated on other random labels: the validation loss is lowest early. */
    private static Trainer overfitting(Module model, Adam adam, int epochs, Callback... callbacks) {
        return Trainer.of(model, new CrossEntropyLoss(), adam).epochs(epochs).batchSize(16).seed(SEED)
                .validation(randomLabels(3)).callbacks(callbacks);
    }

    @Test
    void theBestCheckpointHoldsTheEpochOfTheLowestValidationLossAlsoAcrossAResume() throws IOException {
        DataSet data = randomLabels(4);
        var model = model();
        Path best = dir.resolve("best.safetensors");
        History full = overfitting(model, new Adam(model.parameters(), 0.01), 6, ModelCheckpoint.best(best)).fit(data);
        int bestEpoch = IntStream.range(0, 6).boxed()
                .min((a, b) -> Double.compare(full.epoch(a).validationLoss(), full.epoch(b).validationLoss()))
                .orElseThrow();
        assertTrue(bestEpoch < 3, "the run should overfit from an early epoch on; best epoch " + bestEpoch);
        Checkpoint saved = Checkpoint.load(best);
        assertEquals(bestEpoch + 1, saved.epoch());
        assertEquals(full.epochs().subList(0, bestEpoch + 1), saved.history().epochs());

        var first = model();
        Path resumedBest = dir.resolve("resumed-best.safetensors");
        Path last = dir.resolve("last.safetensors");
        overfitting(first, new Adam(first.parameters(), 0.01), 3, ModelCheckpoint.best(resumedBest),
                ModelCheckpoint.everyEpoch(last)).fit(data);
        byte[] before = Files.readAllBytes(resumedBest);
        Checkpoint halfway = Checkpoint.load(last);
        Module resumed = halfway.model();
        var adam = new Adam(resumed.parameters(), 0.01);
        halfway.restoreInto(adam);
        History rest = overfitting(resumed, adam, 6, ModelCheckpoint.best(resumedBest)).fit(data, halfway.history());
        assertEquals(withoutTimings(full), withoutTimings(rest));
        assertArrayEquals(before, Files.readAllBytes(resumedBest), "no epoch after 2 beats the best of epochs 0-2");
    }

    @Test
    void weightsThatAreNotFiniteAreNeverWrittenAndEndTraining() throws IOException {
        var model = Fixtures.mlp(1);
        Path path = dir.resolve("checkpoint.safetensors");
        Callback poison = new Callback() {
            @Override
            public void onEpochEnd(TrainingState state) {
                if (state.epoch() == 1) {
                    state.model().namedParameters().get("3.weight").set(Tensor.scalar(Double.NaN));
                }
            }
        };
        var trainer = Trainer.of(model, new CrossEntropyLoss(), new Adam(model.parameters(), 0.01)).epochs(3)
                .callbacks(poison, ModelCheckpoint.everyEpoch(path));
        var e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(Fixtures.blobs(60, 1)));
        assertEquals("ModelCheckpoint: after epoch 1, '3.weight' holds NaN at index 0; " + path + " was not written",
                e.getMessage());
        assertEquals(1, e.epoch());
        assertEquals("3.weight", e.where());
        assertEquals(2, e.history().size());
        assertEquals(1, Checkpoint.load(path).epoch(), "the checkpoint of epoch 0 is kept");
        assertEquals(List.of("checkpoint.safetensors"), files());
    }

    /** Finite training data, validation data with one NaN feature: finite weights, a NaN validation loss. */
    private static Trainer nanValidation(Callback... callbacks) {
        DataSet blobs = Fixtures.blobs(30, 2);
        float[] x = blobs.features().toFloatArray();
        x[0] = Float.NaN;
        var model = Fixtures.mlp(1);
        return Trainer.of(model, new CrossEntropyLoss(), new Adam(model.parameters(), 0.01)).epochs(2)
                .validation(DataSet.of(Tensor.of(x, 30, 2), blobs.targets())).callbacks(callbacks);
    }

    @Test
    void aGuardListedBeforeTheCheckpointKeepsAnEpochWithANanValidationLossFromBeingSaved() throws IOException {
        DataSet train = Fixtures.blobs(60, 1);
        Path path = dir.resolve("checkpoint.safetensors");
        var guarded = nanValidation(new NanGuard(), ModelCheckpoint.everyEpoch(path));
        var e = assertThrows(TrainingDivergedException.class, () -> guarded.fit(train));
        assertEquals("NanGuard: the validation loss is NaN after epoch 0", e.getMessage());
        assertEquals(List.of(), files());

        var unguarded = nanValidation(ModelCheckpoint.everyEpoch(path), new NanGuard());
        assertThrows(TrainingDivergedException.class, () -> unguarded.fit(train));
        Checkpoint saved = Checkpoint.load(path);
        assertEquals(1, saved.epoch());
        assertTrue(Double.isNaN(saved.history().last().validationLoss()));

        Path best = dir.resolve("best.safetensors");
        assertEquals(2, nanValidation(ModelCheckpoint.best(best)).fit(train).size());
        assertFalse(Files.exists(best), "a NaN loss is never the best");
    }

    @Test
    void aModelACheckpointCannotHoldFailsBeforeTheFirstEpoch() throws IOException {
        var model = new Sequential(new Linear(2, 3), new ModelFileErrorTest.Doubler());
        var epochs = new AtomicInteger();
        Callback counter = new Callback() {
            @Override
            public void onEpochBegin(TrainingState state) {
                epochs.incrementAndGet();
            }
        };
        var trainer = Trainer.of(model, new CrossEntropyLoss(), new Adam(model.parameters(), 0.01))
                .callbacks(ModelCheckpoint.everyEpoch(dir.resolve("checkpoint.safetensors")), counter);
        var e = assertThrows(IllegalArgumentException.class, () -> trainer.fit(Fixtures.blobs(30, 1)));
        assertTrue(e.getMessage().startsWith("ModelCheckpoint: cannot save module '1' of class "
                + ModelFileErrorTest.Doubler.class.getName() + ": a model file holds only BatchNorm1d, "),
                e.getMessage());
        assertEquals(0, epochs.get());
        assertEquals(List.of(), files());
    }
}
