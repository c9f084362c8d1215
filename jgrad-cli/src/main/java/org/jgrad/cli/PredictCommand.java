package org.jgrad.cli;

import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jgrad.Tensor;
import org.jgrad.data.Task;
import org.jgrad.io.AtomicFile;
import org.jgrad.train.Predictions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * {@code jgrad predict}: a saved model's answers for new data, written as CSV — the predicted
 * class and each class's probability, or the predicted value.
 */
@Command(name = "predict",
        mixinStandardHelpOptions = true,
        description = "Write a model's predictions for new data to a CSV file.",
        footer = {"",
            "Examples:",
            "  jgrad predict --model iris.safetensors --data flowers.csv --out predictions.csv",
            "  jgrad predict --model houses.safetensors --data houses.csv --out prices.csv",
            "",
            "One output row per input row: for classification the columns 'prediction'",
            "(a class name) and 'p_CLASS' for each class; for regression the column",
            "'prediction'. A target column in the input is ignored."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "DATA", converter = DataSpec.Converter.class,
            description = "The data to predict for: a CSV file, a bundled data set, or an IDX image set (its test images).")
    private DataSpec data;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV file to write.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter printed = spec.commandLine().getOut();
        Checks.writableFile(spec, "--out", out);
        StoredModel stored = model.load();
        Preprocessing preprocessing = stored.preprocessing();
        Tensor inputs = preprocessing.inputs(data);
        Tensor outputs = preprocessing.answers(Predictions.of(stored.model(), inputs, Report.BATCH));
        List<String> header = new ArrayList<>(List.of("prediction"));
        boolean classification = preprocessing.task() == Task.CLASSIFICATION;
        Tensor probabilities = classification ? outputs.softmax(1) : null;
        if (classification) {
            preprocessing.classNames().forEach(name -> header.add("p_" + name));
        }
        AtomicFile.write(out, channel -> {
            // Not closed: closing would close the channel, which AtomicFile syncs and closes itself.
            Writer writer = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                    .setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get());
            for (int row = 0; row < outputs.shape()[0]; row++) {
                printer.printRecord(classification ? classRow(preprocessing, probabilities, row)
                        : List.of(Float.toString((float) outputs.get(row, 0))));
            }
            printer.flush();
        });
        printed.println("wrote " + outputs.shape()[0] + " predictions to " + out);
        return 0;
    }

    private static List<String> classRow(Preprocessing preprocessing, Tensor probabilities, int row) {
        List<String> cells = new ArrayList<>();
        int best = 0;
        for (int c = 0; c < probabilities.shape()[1]; c++) {
            if (probabilities.get(row, c) > probabilities.get(row, best)) {
                best = c;
            }
        }
        cells.add(preprocessing.classNames().get(best));
        for (int c = 0; c < probabilities.shape()[1]; c++) {
            cells.add(Float.toString((float) probabilities.get(row, c)));
        }
        return cells;
    }
}
