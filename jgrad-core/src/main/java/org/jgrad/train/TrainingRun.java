package org.jgrad.train;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.data.Batch;
import org.jgrad.data.DataLoader;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Module;
import org.jgrad.nn.loss.Loss;
import org.jgrad.nn.penalty.Regularizer;
import org.jgrad.optim.ClipGrad;
import org.jgrad.optim.Optimizer;
import org.jgrad.train.metrics.Metric;

/** One call of {@code Trainer.fit}: the epochs, the batches, and the callbacks between them. */
final class TrainingRun {

    /** A trainer's settings, fixed for one run. */
    record Settings(Module model, Loss loss, Optimizer optimizer, int epochs, int batchSize, long seed,
            boolean shuffle, List<Metric> metrics, Regularizer regularizer, double maxGradNorm,
            List<Callback> callbacks) {
    }

    private final Settings settings;
    private final DataSet training;
    private final DataSet validation;
    private final Streams streams;
    private final EpochOutputs epochOutputs;

    TrainingRun(Settings settings, DataSet training, DataSet validation) {
        this.settings = settings;
        this.training = training;
        this.validation = validation;
        this.streams = new Streams(settings.seed());
        this.epochOutputs = new EpochOutputs(training.size());
    }

    /** Trains from the end of {@code history} to the last epoch, or until a callback stops it. */
    History run(History history) {
        Settings s = settings;
        var state = new TrainingState(s.model(), s.optimizer(), s.loss(), s.metrics(), s.seed(), s.epochs(),
                Math.min(s.batchSize(), training.size()), training.size(), validation != null, history);
        try {
            each(c -> c.onTrainBegin(state));
            for (int epoch = history.size(); epoch < s.epochs() && !state.stopRequested(); epoch++) {
                runEpoch(state, epoch);
            }
        } catch (RuntimeException | Error e) {
            state.fail(e);
            try {
                end(state);
            } catch (RuntimeException | Error suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        end(state);
        return state.history().stopped(state.stopReason().orElse(null));
    }

    private void end(TrainingState state) {
        settings.model().eval();
        each(c -> c.onTrainEnd(state));
    }

    private void runEpoch(TrainingState state, int epoch) {
        long start = System.nanoTime();
        Rng stream = streams.epoch(epoch);
        settings.model().reseed(stream.split());
        DataLoader loader = DataLoader.of(training, settings.batchSize());
        if (settings.shuffle()) {
            loader = loader.shuffle(stream.split());
        }
        state.beginEpoch(epoch);
        each(c -> c.onEpochBegin(state));
        double learningRate = settings.optimizer().learningRate();
        settings.model().train();
        epochOutputs.clear();
        int index = 0;
        for (Batch batch : loader) {
            if (!step(state, index, batch)) {
                return;
            }
            epochOutputs.add(index++, state.batchOutput(), batch.targets());
            state.endBatch();
        }
        double trainingSeconds = seconds(start);
        Evaluation trained = Evaluation.of(settings.loss(), settings.metrics(), epochOutputs.outputs(),
                epochOutputs.targets());
        Evaluation validated = validation == null ? null : Evaluation.of(settings.loss(), settings.metrics(),
                Predictions.of(settings.model(), validation,
                        Math.max(settings.batchSize(), Trainer.EVALUATION_BATCH_SIZE)), validation.targets());
        var record = new EpochRecord(epoch, trained.loss(), trained.metrics(),
                validated == null ? Double.NaN : validated.loss(), validated == null ? Map.of() : validated.metrics(),
                learningRate, seconds(start), training.size() / trainingSeconds);
        state.finishEpoch(state.history().plus(record));
        each(c -> c.onEpochEnd(state));
    }

    /** One batch: forward, loss, backward, callbacks, clipping, step; false when a callback asked to stop. */
    private boolean step(TrainingState state, int index, Batch batch) {
        Settings s = settings;
        s.model().zeroGrad();
        s.optimizer().zeroGrad();
        Tensor output = s.model().forward(batch.features());
        Tensor dataLoss = s.loss().forward(output, batch.targets());
        Tensor objective = s.regularizer() == null ? dataLoss : dataLoss.add(s.regularizer().of(s.model()));
        objective.backward();
        state.beginBatch(index, batch, output.detach(), dataLoss.item());
        each(c -> c.afterBackward(state));
        if (state.stopRequested()) {
            return false;
        }
        if (s.maxGradNorm() > 0) {
            ClipGrad.byNorm(s.optimizer().parameters(), s.maxGradNorm());
        }
        s.optimizer().step();
        each(c -> c.onBatchEnd(state));
        return !state.stopRequested();
    }

    private void each(Consumer<Callback> hook) {
        settings.callbacks().forEach(hook);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
