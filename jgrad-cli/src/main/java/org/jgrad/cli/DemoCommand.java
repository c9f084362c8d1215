package org.jgrad.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jgrad.Tensor;
import org.jgrad.train.Predictions;
import org.jgrad.train.progress.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * {@code jgrad demo}: the whole library at work in one command. Trains the classic
 * 784-256-128-10 MLP on Fashion-MNIST when Debian's {@code dataset-fashion-mnist} is installed
 * (else a smaller one on the bundled 8×8 digits), with a progress bar and early stopping, scores
 * it on the held-out test set, saves it, reloads it and checks that the reloaded model predicts
 * exactly the same.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = "Train an MLP on Fashion-MNIST (or the bundled digits), test it, save and reload it.",
        footer = {"", "Fashion-MNIST is read from " + DemoCommand.FASHION_MNIST + ";",
            "on Debian: apt-get install dataset-fashion-mnist.",
            "See also: jgrad examples (the lectures' worked examples)."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    static final String FASHION_MNIST = "/usr/share/datasets/fashion-mnist";

    @Option(names = "--data", paramLabel = "DATA", converter = DataSpec.Converter.class,
            description = "A bundled data set or IDX image set to train on instead (default: fashion-mnist:"
                    + FASHION_MNIST + " if present, else digits).")
    private DataSpec data;

    @Option(names = "--out", paramLabel = "MODEL",
            description = "Where to save the model (default: demo.safetensors in a new temporary directory).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter printed = spec.commandLine().getOut();
        Checks.require(spec, !(data instanceof DataSpec.CsvFile),
                "--data: the demo trains on a bundled data set or an IDX image set, not a CSV file; use jgrad train");
        DataSpec source = data != null ? data : defaultData();
        boolean images = source instanceof DataSpec.Images;
        TrainCommand.Run run = images
                ? new TrainCommand.Run(source, null, null, new Network(List.of(256, 128), Network.Activation.RELU, 0, false),
                        10, 128, OptimizerKind.ADAM, 1e-3, LrSchedule.COSINE, 0, 0, 3, 0.1, 0, false, 0)
                : new TrainCommand.Run(source, null, null, new Network(List.of(64, 32), Network.Activation.RELU, 0, false),
                        100, 32, OptimizerKind.ADAM, 1e-3, LrSchedule.CONSTANT, 0, 0, 10, 0.2, 0.2, false, 0);
        printed.println("jgrad demo: " + describe(source, run));
        TrainCommand.Result result = run.execute(new ProgressBar());
        printed.println();
        var history = result.history();
        printed.printf(Locale.ROOT, "trained %d epochs (%s); best validation loss %.4f%n", history.size(),
                history.stopReason().orElse("all epochs run"),
                Arrays.stream(history.validationLoss()).min().orElse(Double.NaN));
        StoredModel trained = result.model();
        Report test = Report.of(trained.model(), trained.preprocessing(), result.test());
        test.print(printed, "test set");

        Path file = out != null ? out : Files.createTempDirectory("jgrad-demo").resolve("demo.safetensors");
        trained.save(file);
        StoredModel reloaded = StoredModel.load(file);
        Tensor before = Predictions.of(trained.model(), result.test(), Report.BATCH);
        Tensor after = Predictions.of(reloaded.model(), result.test(), Report.BATCH);
        boolean identical = Arrays.equals(before.toFloatArray(), after.toFloatArray());
        printed.printf(Locale.ROOT, "%nsaved the model to %s (%,d bytes) and reloaded it: %s predictions on the"
                + " %d test examples%n", file, Files.size(file), identical ? "identical" : "DIFFERENT", result.test().size());
        printed.println("try: ./jgrad summary --model " + file);
        return identical ? 0 : Main.EXIT_FAILURE;
    }

    private static DataSpec defaultData() {
        return Files.isDirectory(Path.of(FASHION_MNIST))
                ? DataSpec.parse("fashion-mnist:" + FASHION_MNIST)
                : DataSpec.parse("digits");
    }

    private static String describe(DataSpec spec, TrainCommand.Run run) {
        return String.format(Locale.ROOT, "an MLP with hidden layers %s (ReLU), Adam lr %s (%s schedule), batch %d,"
                + " up to %d epochs with early stopping, on %s", run.network().hidden(), run.learningRate(), Choice.name(run.schedule()),
                run.batch(), run.epochs(), spec.text());
    }
}
