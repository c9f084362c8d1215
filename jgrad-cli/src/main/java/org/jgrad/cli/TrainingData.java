package org.jgrad.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.data.Scaler;
import org.jgrad.data.Schema;
import org.jgrad.data.SchemaFitter;
import org.jgrad.data.Split;
import org.jgrad.data.StandardScaler;
import org.jgrad.data.Task;
import org.jgrad.data.TextTable;
import org.jgrad.data.TrainTest;
import org.jgrad.data.UnseenCategory;
import org.jgrad.datasets.DataSets;

/**
 * The data {@code jgrad train} learns from, split and preprocessed: everything that is fitted
 * (the column schema with its imputed values, the scalers) is fitted on the training part only,
 * so that the validation figures are honest.
 *
 * @param train what the network trains on
 * @param validation what the trainer validates on (regression targets standardized like
 *     {@code train}'s); null when no validation part was asked for
 * @param report the validation part in the data's own units, for the final report (the
 *     training part when there is no validation part)
 * @param test examples kept apart from training and validation, in the data's own units: the
 *     test images of an IDX set, else the {@code test} fraction of the rows; null when none
 * @param preprocessing how raw data becomes {@code train}, saved with the model
 */
record TrainingData(DataSet train, DataSet validation, DataSet report, DataSet test, Preprocessing preprocessing) {

    /**
     * Options that say how to read and split the data: the target column (null for the bundled
     * sets' own), the task (null to infer it), whether to impute, and the validation and test
     * fractions (the test fraction applies to tables; image sets have their own test images).
     */
    record Options(String target, Task task, boolean impute, double validation, double test) {}

    /** Reads {@code spec}, splits off the validation part with {@code rng} and preprocesses. */
    static TrainingData prepare(DataSpec spec, Options options, Rng rng) throws IOException {
        if (spec instanceof DataSpec.Images images) {
            TrainTest sets = images.read();
            DataSet all = sets.train();
            Preprocessing preprocessing = new Preprocessing.Images(images.kind(), all.classNames());
            if (options.validation() == 0) {
                return new TrainingData(all, null, all, sets.test(), preprocessing);
            }
            Split split = Split.of(all, options.validation(), 0, rng);
            return new TrainingData(split.train(), split.validation(), split.validation(), sets.test(), preprocessing);
        }
        try {
            return tabular(spec, options, rng);
        } catch (IllegalArgumentException e) {
            if (!options.impute() && String.valueOf(e.getMessage()).contains("missing value")) {
                throw new IllegalArgumentException(e.getMessage()
                        + " (--impute fills missing values with the training mean or most frequent value)", e);
            }
            throw e;
        }
    }

    private static TrainingData tabular(DataSpec spec, Options options, Rng rng) throws IOException {
        TextTable table = DataSpec.table(spec);
        SchemaFitter fitter = Schema.forTarget(target(spec, options)).impute(options.impute())
                .unseen(UnseenCategory.ZEROS);
        if (options.task() != null) {
            fitter = fitter.task(options.task());
        }
        // A first fit on every row only tells the classes, to stratify the split by; the
        // schema that is kept is fitted on the training rows alone.
        Schema probe = fitter.fit(table);
        List<TextTable> parts = splitRows(table, probe.dataSet(table), options, rng);
        Schema schema = fitter.task(probe.task()).fit(parts.get(0));
        DataSet train = schema.dataSet(parts.get(0));
        Scaler features = StandardScaler.fit(train);
        Scaler targets = schema.task() == Task.REGRESSION ? StandardScaler.fit(train.targets()) : null;
        Preprocessing preprocessing = new Preprocessing.Tabular(schema, features, targets);
        boolean noValidation = parts.get(1).rows().isEmpty();
        DataSet report = noValidation ? train : schema.dataSet(parts.get(1));
        DataSet test = parts.get(2).rows().isEmpty() ? null : scaled(schema.dataSet(parts.get(2)), features, null);
        return new TrainingData(scaled(train, features, targets), noValidation ? null : scaled(report, features, targets),
                scaled(report, features, null), test, preprocessing);
    }

    private static String target(DataSpec spec, Options options) {
        if (options.target() != null) {
            return options.target();
        }
        if (spec instanceof DataSpec.Bundled bundled) {
            return DataSets.schema(bundled.name()).target();
        }
        throw new IllegalArgumentException("--target: name the column to predict (the CSV file " + spec.text()
                + " has no default)");
    }

    /** The table's rows divided into training, validation and test rows, stratified by class. */
    private static List<TextTable> splitRows(TextTable table, DataSet encoded, Options options, Rng rng) {
        long[] positions = new long[table.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        DataSet rows = DataSet.of(Tensor.of(positions, positions.length, 1), encoded.targets());
        Split split = Split.of(rows, options.validation(), options.test(), rng);
        List<TextTable> parts = new ArrayList<>();
        for (DataSet part : List.of(split.train(), split.validation(), split.test())) {
            List<TextTable.Row> selected = new ArrayList<>();
            for (long position : part.size() == 0 ? new long[0] : part.features().toLongArray()) {
                selected.add(table.rows().get((int) position));
            }
            parts.add(new TextTable(table.source(), table.header(), selected));
        }
        return parts;
    }

    private static DataSet scaled(DataSet data, Scaler features, Scaler targets) {
        Tensor y = targets == null ? data.targets() : targets.transform(data.targets());
        return DataSet.of(features.transform(data.features()), y).withNames(data.featureNames(), data.classNames());
    }
}
