package org.jgrad.train;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jgrad.Shape;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Module;
import org.jgrad.nn.loss.Loss;
import org.jgrad.nn.penalty.Regularizer;
import org.jgrad.optim.Optimizer;
import org.jgrad.train.metrics.Metric;

/**
 * The training loop: epochs of shuffled batches, each a forward pass, the loss (plus a
 * regularizer's penalty), backward, optional gradient clipping and an optimizer step; after
 * each epoch the training and validation loss and metrics go into the {@link History}.
 *
 * <pre>{@code
 * History history = Trainer.of(model, loss, optimizer)
 *         .epochs(20).batchSize(128).seed(0)
 *         .validation(validationSet)
 *         .callbacks(new EarlyStopping(5).restoreBestWeights())
 *         .fit(trainingSet);
 * }</pre>
 *
 * <p>Batches: {@code batchSize(1)} is stochastic gradient descent, a batch size of at least
 * the training set's size is full-batch gradient descent, anything between is mini-batch. The
 * recorded training loss and metrics are those of the outputs the model gave while training
 * through the epoch (kept, one row per example, until the epoch ends), as Keras reports them.
 * Training runs in training mode ({@link Module#train()}); validation, in batches, in
 * evaluation mode without a graph; {@code fit} leaves the model in evaluation mode, ready to
 * predict. The weights are trained as they are: {@code fit} does not initialize the model
 * (call {@link Module#initialize} for fresh weights from a seed).
 *
 * <p>Reproducible: every random stream of epoch {@code e} — the shuffle and the modules' noise
 * (dropout masks, Gaussian noise, weight noise, restarted with {@link Module#reseed}) — is a
 * function of the seed and {@code e} alone, and the validation split of the seed alone. The
 * same seed and starting weights therefore give bitwise the same weights and history (timings
 * aside) with any number of threads, and {@link #fit(DataSet, History)} resumes a run from an
 * epoch boundary bitwise where it stood: restore the model's and the optimizer's state dicts
 * saved after that epoch, and pass the history saved with them.
 *
 * <p>Settings are kept until changed; one trainer may fit several times. Defaults: 1 epoch,
 * batch size 32, seed 0, shuffled, no validation, no metrics, no regularizer, no clipping, no
 * callbacks.
 */
public final class Trainer {

    /** The smallest batch for validation and evaluation, which need no gradient and gain from larger batches. */
    static final int EVALUATION_BATCH_SIZE = 256;

    private final Module model;
    private final Loss loss;
    private final Optimizer optimizer;
    private int epochs = 1;
    private int batchSize = 32;
    private long seed;
    private boolean shuffle = true;
    private DataSet validation;
    private double validationFraction;
    private List<Metric> metrics = List.of();
    private Regularizer regularizer;
    private double maxGradNorm;
    private List<Callback> callbacks = List.of();

    private Trainer(Module model, Loss loss, Optimizer optimizer) {
        this.model = Objects.requireNonNull(model, "model");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    }

    /** A trainer of {@code model} that minimizes {@code loss} with {@code optimizer}. */
    public static Trainer of(Module model, Loss loss, Optimizer optimizer) {
        return new Trainer(model, loss, optimizer);
    }

    /** Sets the number of epochs, passes over the training data (at least 1). */
    public Trainer epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("Trainer: epochs must be at least 1, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /** Sets the number of examples per batch (at least 1; the last batch of an epoch may hold fewer). */
    public Trainer batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("Trainer: batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /** Sets the seed of the shuffling, the modules' noise and the validation split. */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Whether each epoch visits the training examples in a new random order (default) or in data-set order. */
    public Trainer shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** Validates every epoch on {@code data}. Excludes {@link #validationSplit(double)}. */
    public Trainer validation(DataSet data) {
        checkNoValidation();
        this.validation = Objects.requireNonNull(data, "validation data");
        return this;
    }

    /**
     * Holds out a random {@code fraction} (in (0, 1)) of the data given to {@code fit}, chosen
     * by the seed, and validates every epoch on it. Excludes {@link #validation(DataSet)}.
     */
    public Trainer validationSplit(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("Trainer: validation fraction must be in (0, 1), got " + fraction);
        }
        checkNoValidation();
        this.validationFraction = fraction;
        return this;
    }

    private void checkNoValidation() {
        if (validation != null || validationFraction > 0) {
            throw new IllegalStateException("Trainer: validation is already set; give either validation(data) or"
                    + " validationSplit(fraction)");
        }
    }

    /**
     * Records these metrics every epoch, on the outputs seen while training and on the validation
     * data; their names must differ, and none may be {@code loss}.
     */
    public Trainer metrics(Metric... metrics) {
        Set<String> names = new HashSet<>();
        for (Metric metric : metrics) {
            if (Objects.requireNonNull(metric, "metric").name().equals("loss")) {
                throw new IllegalArgumentException("Trainer: a metric may not be named 'loss', the name of the loss");
            }
            if (!names.add(metric.name())) {
                throw new IllegalArgumentException("Trainer: two metrics are named '" + metric.name() + "'");
            }
        }
        this.metrics = List.of(metrics);
        return this;
    }

    /** Adds {@code regularizer}'s penalty to the loss that is minimized (the recorded loss stays the data loss). */
    public Trainer regularizer(Regularizer regularizer) {
        this.regularizer = Objects.requireNonNull(regularizer, "regularizer");
        return this;
    }

    /** Rescales the gradients before each step so that their global L2 norm is at most {@code maxNorm}. */
    public Trainer clipGradNorm(double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("Trainer: max gradient norm must be positive, got " + maxNorm);
        }
        this.maxGradNorm = maxNorm;
        return this;
    }

    /** Runs these callbacks, in this order, at every hook (see {@link Callback}). */
    public Trainer callbacks(Callback... callbacks) {
        Arrays.stream(callbacks).forEach(c -> Objects.requireNonNull(c, "callback"));
        this.callbacks = List.of(callbacks);
        return this;
    }

    /** Trains on {@code train} for the set number of epochs from the model's current weights. */
    public History fit(DataSet train) {
        return fit(train, History.empty());
    }

    /**
     * Resumes training at epoch {@code resumeFrom.size()}: the run continues from there to the
     * set number of epochs and returns {@code resumeFrom} with the new epochs appended. The
     * model and optimizer must already hold the state saved after that epoch.
     */
    public History fit(DataSet train, History resumeFrom) {
        Objects.requireNonNull(train, "training data");
        if (train.size() == 0) {
            throw new IllegalArgumentException("Trainer: the training data is empty");
        }
        if (resumeFrom.size() > epochs) {
            throw new IllegalArgumentException("Trainer: cannot resume from a history of " + resumeFrom.size()
                    + " epochs in a run of " + epochs + " epochs");
        }
        DataSet training = train;
        DataSet held = validation;
        if (validationFraction > 0) {
            int[][] split = ValidationSplit.indices(train.size(), validationFraction, seed);
            training = train.subset(split[0]);
            held = train.subset(split[1]);
        }
        if (held != null) {
            checkAlike(training, held);
        }
        var settings = new TrainingRun.Settings(model, loss, optimizer, epochs, batchSize, seed, shuffle, metrics,
                regularizer, maxGradNorm, callbacks);
        return new TrainingRun(settings, training, held).run(resumeFrom);
    }

    /** Fails unless {@code validation} has the training data's feature shape and kind of target. */
    private static void checkAlike(DataSet training, DataSet validation) {
        if (!Arrays.equals(training.featureShape(), validation.featureShape())) {
            throw new IllegalArgumentException("Trainer: validation features of shape "
                    + Shape.format(validation.featureShape()) + " do not match the training features of shape "
                    + Shape.format(training.featureShape()));
        }
        int[] trainingTargets = training.targets().shape();
        int[] validationTargets = validation.targets().shape();
        if (training.targets().dtype() != validation.targets().dtype()
                || !Arrays.equals(Arrays.copyOfRange(trainingTargets, 1, trainingTargets.length),
                        Arrays.copyOfRange(validationTargets, 1, validationTargets.length))) {
            throw new IllegalArgumentException("Trainer: validation targets of shape " + Shape.format(validationTargets)
                    + " do not match the training targets of shape " + Shape.format(trainingTargets));
        }
    }

    /** The loss and metrics of the model on {@code data}, in evaluation mode, in batches, without a graph. */
    public Evaluation evaluate(DataSet data) {
        return Evaluation.of(loss, metrics, Predictions.of(model, data, Math.max(batchSize, EVALUATION_BATCH_SIZE)),
                data.targets());
    }
}
