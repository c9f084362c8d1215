package org.jgrad.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code jgrad evaluate}: a saved model's metrics and confusion matrix on labeled data. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = "Score a model file on labeled data: metrics, and the confusion matrix for classes.",
        footer = {"",
            "Examples:",
            "  jgrad evaluate --model iris.safetensors --data iris",
            "  jgrad evaluate --model houses.safetensors --data houses-2026.csv",
            "  jgrad evaluate --model fashion.safetensors \\",
            "                 --data fashion-mnist:/usr/share/datasets/fashion-mnist",
            "",
            "The data is encoded as the model's training data was, and must have the",
            "target column. For an IDX image set, its test images are scored."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "DATA", converter = DataSpec.Converter.class,
            description = "Labeled data: a CSV file, a bundled data set, or fashion-mnist:DIR / mnist:DIR.")
    private DataSpec data;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StoredModel stored = model.load();
        Report.of(stored.model(), stored.preprocessing(), stored.preprocessing().labeled(data))
                .print(out, data.text());
        return 0;
    }
}
