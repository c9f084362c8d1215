package org.jgrad.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.data.Task;
import org.jgrad.nn.Module;
import org.jgrad.train.Predictions;
import org.jgrad.train.metrics.ConfusionMatrix;
import org.jgrad.train.metrics.Metrics;

/**
 * How well a model does on labeled data, measured in the data's own units: for classification
 * the accuracy, macro precision/recall/F1, log-loss and the confusion matrix; for regression
 * the MSE, MAE and R².
 *
 * @param task classification or regression
 * @param examples how many examples were scored
 * @param metrics the named values, in the order they are printed
 * @param confusion the confusion matrix (classification only, else null)
 * @param classNames the class names (classification only)
 */
record Report(Task task, int examples, List<Metric> metrics, ConfusionMatrix confusion, List<String> classNames) {

    /** One named value. */
    record Metric(String name, double value) {}

    /** Examples per forward pass when scoring or predicting: bounds memory, changes no result. */
    static final int BATCH = 1024;

    /** Scores {@code model} on {@code data}; {@code preprocessing} turns outputs into answers. */
    static Report of(Module model, Preprocessing preprocessing, DataSet data) {
        Tensor outputs = preprocessing.answers(Predictions.of(model, data, BATCH));
        Tensor targets = data.targets();
        if (preprocessing.task() == Task.REGRESSION) {
            return new Report(Task.REGRESSION, data.size(), List.of(
                    new Metric("mse", Metrics.mse().of(outputs, targets)),
                    new Metric("mae", Metrics.mae().of(outputs, targets)),
                    new Metric("r2", Metrics.r2().of(outputs, targets))), null, List.of());
        }
        return new Report(Task.CLASSIFICATION, data.size(), List.of(
                new Metric("accuracy", Metrics.accuracy().of(outputs, targets)),
                new Metric("precision (macro)", Metrics.precision().of(outputs, targets)),
                new Metric("recall (macro)", Metrics.recall().of(outputs, targets)),
                new Metric("f1 (macro)", Metrics.f1().of(outputs, targets)),
                new Metric("log-loss", Metrics.logLoss().of(outputs, targets))),
                ConfusionMatrix.of(outputs, targets), preprocessing.classNames());
    }

    /** Prints the metrics, one per line, then the confusion matrix with a legend of class names. */
    void print(PrintWriter out, String title) {
        out.printf(Locale.ROOT, "%s (%d examples)%n", title, examples);
        for (Metric metric : metrics) {
            out.printf(Locale.ROOT, "  %-18s %.4f%n", metric.name(), metric.value());
        }
        if (confusion != null) {
            out.println("confusion matrix (rows: true class, columns: predicted class)");
            confusion.toString().lines().forEach(line -> out.println("  " + line));
            for (int c = 0; c < classNames.size(); c++) {
                out.printf(Locale.ROOT, "  %d = %s%n", c, classNames.get(c));
            }
        }
    }
}
