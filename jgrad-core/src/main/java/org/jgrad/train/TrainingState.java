package org.jgrad.train;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jgrad.Tensor;
import org.jgrad.data.Batch;
import org.jgrad.nn.Module;
import org.jgrad.nn.loss.Loss;
import org.jgrad.optim.Optimizer;
import org.jgrad.train.metrics.Metric;

/**
 * What a {@link Callback} sees of a training run: the model, optimizer, loss and settings; where
 * the run is (epoch, batch); the current batch with its output and loss; the history of the
 * finished epochs, whose last record holds the latest training and validation loss; and {@link
 * #stop(String)}. The trainer updates it as the run goes; callbacks read it during their hook.
 */
public final class TrainingState {

    private final Module model;
    private final Optimizer optimizer;
    private final Loss loss;
    private final List<Metric> metrics;
    private final long seed;
    private final int epochs;
    private final int batchSize;
    private final int trainingSize;
    private final boolean validated;

    private History history;
    private int epoch;
    private int batchIndex = -1;
    private Batch batch;
    private Tensor batchOutput;
    private double batchLoss = Double.NaN;
    private String stopReason;
    private Throwable failure;

    TrainingState(Module model, Optimizer optimizer, Loss loss, List<Metric> metrics, long seed, int epochs,
            int batchSize, int trainingSize, boolean validated, History history) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.metrics = List.copyOf(metrics);
        this.seed = seed;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.trainingSize = trainingSize;
        this.validated = validated;
        this.history = history;
        this.epoch = history.size();
    }

    /** The model being trained. */
    public Module model() {
        return model;
    }

    /** The optimizer updating it; its learning rate may be changed between batches. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The loss function being minimized (without the regularizer's penalty). */
    public Loss loss() {
        return loss;
    }

    /** The metrics recorded for every epoch. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** The seed from which the run's shuffling and noise derive: a checkpoint saves it to resume. */
    public long seed() {
        return seed;
    }

    /** The number of epochs the run is to reach (the last is {@code epochs() − 1}). */
    public int epochs() {
        return epochs;
    }

    /** The number of examples per batch (the last batch of an epoch may hold fewer). */
    public int batchSize() {
        return batchSize;
    }

    /** The number of training examples, validation examples excluded. */
    public int trainingSize() {
        return trainingSize;
    }

    /** The number of batches per epoch. */
    public int batchCount() {
        return (trainingSize + batchSize - 1) / batchSize;
    }

    /** Whether each epoch is validated. */
    public boolean hasValidation() {
        return validated;
    }

    /** The current epoch, counting from 0; in {@code onEpochEnd} the one just finished. */
    public int epoch() {
        return epoch;
    }

    /** The finished epochs; in {@code onEpochEnd} it includes the epoch just finished. */
    public History history() {
        return history;
    }

    /** The current batch's position in its epoch, counting from 0; -1 before the first. */
    public int batchIndex() {
        return batchIndex;
    }

    /** The current batch (features, targets, and which examples), or {@code null} outside batch hooks. */
    public Batch batch() {
        return batch;
    }

    /** The model's output for the current batch, detached from the graph, or {@code null} outside batch hooks. */
    public Tensor batchOutput() {
        return batchOutput;
    }

    /** The loss function's value on the current batch, without the penalty; NaN outside batch hooks. */
    public double batchLoss() {
        return batchLoss;
    }

    /**
     * Asks the trainer to stop; {@code reason} becomes the history's {@link History#stopReason()}.
     * The other callbacks of the current hook still run. The first request's reason is kept.
     */
    public void stop(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    /** Whether a callback asked to stop. */
    public boolean stopRequested() {
        return stopReason != null;
    }

    /** The reason given with the first stop request, if any. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** In {@code onTrainEnd}: the exception that ended training, if one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    void beginEpoch(int epoch) {
        this.epoch = epoch;
        batchIndex = -1;
        endBatch();
    }

    void beginBatch(int index, Batch batch, Tensor output, double loss) {
        batchIndex = index;
        this.batch = batch;
        batchOutput = output;
        batchLoss = loss;
    }

    void endBatch() {
        batch = null;
        batchOutput = null;
        batchLoss = Double.NaN;
    }

    void finishEpoch(History history) {
        this.history = history;
        endBatch();
    }

    void fail(Throwable failure) {
        this.failure = failure;
    }
}
