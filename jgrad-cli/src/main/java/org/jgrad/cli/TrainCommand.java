package org.jgrad.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jgrad.Rng;
import org.jgrad.data.DataSet;
import org.jgrad.data.Task;
import org.jgrad.nn.Module;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.nn.loss.Loss;
import org.jgrad.nn.loss.MSELoss;
import org.jgrad.nn.penalty.L1Penalty;
import org.jgrad.nn.penalty.L2Penalty;
import org.jgrad.nn.penalty.Regularizer;
import org.jgrad.optim.Optimizer;
import org.jgrad.train.Callback;
import org.jgrad.train.History;
import org.jgrad.train.Trainer;
import org.jgrad.train.callbacks.EarlyStopping;
import org.jgrad.train.callbacks.LearningRateScheduler;
import org.jgrad.train.metrics.Metrics;
import org.jgrad.train.progress.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jgrad train}: fits a multilayer perceptron to a CSV file, a bundled data set or an IDX
 * image set, reports its metrics on the held-out validation part and writes a model file that
 * {@code evaluate}, {@code predict} and {@code summary} read.
 */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = "Train a multilayer perceptron and save it as a model file.",
        footer = {"",
            "Examples:",
            "  jgrad train --data iris --out iris.safetensors",
            "  jgrad train --data houses.csv --target price --hidden 64,32 \\",
            "              --l2 1e-4 --out houses.safetensors",
            "  jgrad train --data fashion-mnist:/usr/share/datasets/fashion-mnist \\",
            "              --hidden 256,128 --epochs 10 --batch 128 --lr-schedule cosine \\",
            "              --out fashion.safetensors",
            "",
            "DATA is a CSV file with a header row (.csv or .csv.gz), a bundled data",
            "set (iris, breast_cancer, digits, diabetes), or fashion-mnist:DIR or",
            "mnist:DIR. Categorical columns are one-hot encoded, and every column is",
            "standardized with statistics of the training part only."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DATA", converter = DataSpec.Converter.class,
            description = "What to learn from (see below).")
    private DataSpec data;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "The column to predict (required for a CSV file).")
    private String target;

    @Option(names = "--task", paramLabel = "TASK", converter = Choice.TaskChoice.class,
            description = "classification or regression (default: inferred from the target column).")
    private Task task;

    @Option(names = "--hidden", split = ",", paramLabel = "N,N", defaultValue = "64,32",
            description = "Widths of the hidden layers (default: ${DEFAULT-VALUE}).")
    private List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            converter = Choice.ActivationChoice.class,
            description = "relu, leaky-relu, elu, tanh or sigmoid (default: ${DEFAULT-VALUE}).")
    private Network.Activation activation;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100",
            description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32",
            description = "Examples per gradient step (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            converter = Choice.OptimizerChoice.class,
            description = "sgd, momentum, nesterov, adagrad, rmsprop, adam or adadelta (default: ${DEFAULT-VALUE}).")
    private OptimizerKind optimizer;

    @Option(names = "--lr", paramLabel = "X",
            description = "Learning rate (default: 0.001 for adam and rmsprop, 1 for adadelta, else 0.01).")
    private Double learningRate;

    @Option(names = "--lr-schedule", paramLabel = "NAME", defaultValue = "constant", converter = Choice.ScheduleChoice.class,
            description = "constant, or cosine: down to 0 over the epochs (default: ${DEFAULT-VALUE}).")
    private LrSchedule schedule;

    @Option(names = "--l1", paramLabel = "X", defaultValue = "0",
            description = "L1 penalty on the weights (default: ${DEFAULT-VALUE}).")
    private double l1;

    @Option(names = "--l2", paramLabel = "X", defaultValue = "0",
            description = "L2 penalty (weight decay) on the weights (default: ${DEFAULT-VALUE}).")
    private double l2;

    @Option(names = "--dropout", paramLabel = "P", defaultValue = "0",
            description = "Dropout probability after each hidden layer (default: ${DEFAULT-VALUE}).")
    private double dropout;

    @Option(names = "--batchnorm", description = "Batch-normalize each hidden layer.")
    private boolean batchNorm;

    @Option(names = "--early-stop", paramLabel = "PATIENCE", defaultValue = "10",
            description = "Stop when the validation loss has not improved for PATIENCE epochs and keep the best"
                    + " weights; 0 trains every epoch, as does --validation 0 (default: ${DEFAULT-VALUE}).")
    private int patience;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0.2",
            description = "Part of the data held out to validate on, stratified by class (default: ${DEFAULT-VALUE}).")
    private double validation;

    @Option(names = "--test", paramLabel = "FRACTION", defaultValue = "0",
            description = "Part of a table held out from training and validation and scored at the end (default: none)."
                    + " An image set's own test images are always scored.")
    private double test;

    @Option(names = "--impute", description = "Fill missing values (training mean or most frequent value) instead of failing.")
    private boolean impute;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of every random choice; the same seed gives the same model (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "MODEL",
            description = "The model file to write (safetensors); written only when training succeeds.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        checkOptions();
        Run run = new Run(data, target, task, new Network(hidden, activation, dropout, batchNorm), epochs, batch,
                optimizer, learningRate, schedule, l1, l2, patience, validation, test, impute, seed);
        Result result = run.execute(new ProgressBar());
        PrintWriter printed = spec.commandLine().getOut();
        printed.println(result.history().stopReason().map(reason -> "stopped early: " + reason
                + (patience > 0 ? "; the best epoch's weights are kept" : ""))
                .orElse("trained all " + epochs + " epochs"));
        result.report().print(printed, result.validated() ? "validation" : "training data");
        if (result.test() != null) {
            Report.of(result.model().model(), result.model().preprocessing(), result.test()).print(printed, "test");
        }
        result.model().save(out);
        printed.println("saved " + out);
        return 0;
    }

    /** Rejects bad option values before any data is read. */
    private void checkOptions() {
        Checks.require(spec, epochs >= 1, "--epochs: must be at least 1, got " + epochs);
        Checks.require(spec, batch >= 1, "--batch: must be at least 1, got " + batch);
        Checks.require(spec, hidden.stream().allMatch(width -> width >= 1),
                "--hidden: layer widths must be at least 1, got " + hidden);
        Checks.require(spec, learningRate == null || learningRate > 0 && Double.isFinite(learningRate),
                "--lr: must be positive, got " + learningRate);
        Checks.nonNegative(spec, "--l1", l1);
        Checks.nonNegative(spec, "--l2", l2);
        Checks.fraction(spec, "--dropout", dropout);
        Checks.require(spec, patience >= 0, "--early-stop: must be 0 (off) or more, got " + patience);
        Checks.fraction(spec, "--validation", validation);
        Checks.fraction(spec, "--test", test);
        Checks.require(spec, validation + test < 1,
                "--validation and --test: together they must leave examples to train on, got " + validation + " + " + test);
        Checks.writableFile(spec, "--out", out);
    }

    /**
     * A trained model, how it did on the validation part, and the held-out test examples (null
     * when there are none).
     */
    record Result(StoredModel model, Report report, boolean validated, History history, DataSet test) {}

    /** One training run with every choice made: what {@code train} and {@code demo} execute. */
    record Run(DataSpec data, String target, Task task, Network network, int epochs, int batch,
            OptimizerKind optimizer, Double learningRate, LrSchedule schedule, double l1, double l2, int patience,
            double validation, double test, boolean impute, long seed) {

        /** Trains, showing progress through {@code progress}. */
        Result execute(Callback progress) throws Exception {
            // Three independent streams from the one seed: the split, the initial weights, and
            // the trainer's (shuffling, dropout), which it derives from a seed of its own.
            Rng rng = new Rng(seed);
            TrainingData prepared = TrainingData.prepare(data,
                    new TrainingData.Options(target, task, impute, validation, test), rng.split());
            Preprocessing preprocessing = prepared.preprocessing();
            boolean classification = preprocessing.task() == Task.CLASSIFICATION;
            int outputs = classification ? preprocessing.classNames().size() : 1;
            Module model = network.build(prepared.train().featureShape(), outputs, rng.split());
            double lr = learningRate != null ? learningRate : optimizer.defaultLearningRate();
            Optimizer fitter = optimizer.create(model.parameters(), lr);
            Loss loss = classification ? new CrossEntropyLoss() : new MSELoss();
            List<Callback> callbacks = new ArrayList<>(List.of(progress, LearningRateScheduler.of(schedule.over(epochs), lr)));
            if (patience > 0 && prepared.validation() != null) {
                callbacks.add(new EarlyStopping(patience).restoreBestWeights());
            }
            Trainer trainer = Trainer.of(model, loss, fitter).epochs(epochs).batchSize(batch).seed(rng.nextLong())
                    .metrics(classification ? Metrics.accuracy() : Metrics.r2())
                    .callbacks(callbacks.toArray(Callback[]::new));
            Regularizer penalty = penalty();
            if (penalty != null) {
                trainer = trainer.regularizer(penalty);
            }
            if (prepared.validation() != null) {
                trainer = trainer.validation(prepared.validation());
            }
            History history = trainer.fit(prepared.train());
            Report report = Report.of(model, preprocessing, prepared.report());
            return new Result(new StoredModel(model, preprocessing, describe()), report, prepared.validation() != null,
                    history, prepared.test());
        }

        private Regularizer penalty() {
            Regularizer penalty = null;
            if (l1 > 0) {
                penalty = new L1Penalty(l1);
            }
            if (l2 > 0) {
                penalty = penalty == null ? new L2Penalty(l2) : penalty.plus(new L2Penalty(l2));
            }
            return penalty;
        }

        /** The settings, for the model file: what trained it. */
        private String describe() {
            StringBuilder command = new StringBuilder("jgrad train --data ").append(data.text());
            if (target != null) {
                command.append(" --target ").append(target);
            }
            if (task != null) {
                command.append(" --task ").append(Choice.name(task));
            }
            command.append(" --hidden ").append(String.join(",", network.hidden().stream().map(String::valueOf).toList()))
                    .append(" --activation ").append(Choice.name(network.activation()))
                    .append(" --epochs ").append(epochs).append(" --batch ").append(batch)
                    .append(" --optimizer ").append(Choice.name(optimizer))
                    .append(" --lr ").append(learningRate != null ? learningRate : optimizer.defaultLearningRate())
                    .append(" --lr-schedule ").append(Choice.name(schedule))
                    .append(" --l1 ").append(l1).append(" --l2 ").append(l2)
                    .append(" --dropout ").append(network.dropout())
                    .append(network.batchNorm() ? " --batchnorm" : "")
                    .append(" --early-stop ").append(patience)
                    .append(" --validation ").append(validation)
                    .append(data instanceof DataSpec.Images ? "" : " --test " + test)
                    .append(impute ? " --impute" : "")
                    .append(" --seed ").append(seed);
            return command.toString();
        }
    }
}
