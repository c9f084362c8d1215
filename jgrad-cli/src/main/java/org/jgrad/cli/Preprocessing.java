package org.jgrad.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.data.Scaler;
import org.jgrad.data.Schema;
import org.jgrad.data.Task;
import org.jgrad.data.TextTable;
import org.jgrad.io.Json;
import org.jgrad.io.ModelFile;

/**
 * What turns the user's data into the model's inputs, and the model's outputs back into
 * answers: saved in the model file beside the weights, so that {@code evaluate} and
 * {@code predict} treat new data exactly as {@code train} treated its own.
 */
sealed interface Preprocessing {

    /** Classification or regression. */
    Task task();

    /** The class names in index order; empty for regression. */
    List<String> classNames();

    /** The model-ready examples of {@code spec} with their targets in the data's own units. */
    DataSet labeled(DataSpec spec) throws IOException;

    /** The model-ready inputs of {@code spec}; a target column, if any, is ignored. */
    Tensor inputs(DataSpec spec) throws IOException;

    /** The model's outputs as answers: class scores unchanged, regression values in the data's units. */
    Tensor answers(Tensor outputs);

    /** {@code file} with this preprocessing in its extras. */
    ModelFile attachTo(ModelFile file);

    /**
     * Tables: a column schema, a feature scaler fitted on the training part, and for regression
     * a scaler of the targets (the network learns standardized targets).
     */
    record Tabular(Schema schema, Scaler features, Scaler targets) implements Preprocessing {

        @Override
        public Task task() {
            return schema.task();
        }

        @Override
        public List<String> classNames() {
            return schema.classNames();
        }

        @Override
        public DataSet labeled(DataSpec spec) throws IOException {
            return features.transform(schema.dataSet(DataSpec.table(spec)));
        }

        @Override
        public Tensor inputs(DataSpec spec) throws IOException {
            TextTable table = DataSpec.table(spec);
            return features.transform(schema.features(table));
        }

        @Override
        public Tensor answers(Tensor outputs) {
            return targets == null ? outputs : targets.inverseTransform(outputs);
        }

        @Override
        public ModelFile attachTo(ModelFile file) {
            ModelFile withSchema = file.withMetadata(KIND, "tabular").withMetadata(SCHEMA, describe(schema));
            withSchema = withTensors(withSchema, FEATURE_SCALER, features.state());
            return targets == null ? withSchema : withTensors(withSchema, TARGET_SCALER, targets.state());
        }
    }

    /**
     * IDX images of one collection: pixels scaled to [0, 1] by the data layer; evaluation uses
     * the collection's test images, and another collection is refused.
     */
    record Images(DataSpec.ImageKind kind, List<String> classNames) implements Preprocessing {

        @Override
        public Task task() {
            return Task.CLASSIFICATION;
        }

        @Override
        public DataSet labeled(DataSpec spec) throws IOException {
            if (spec instanceof DataSpec.Images images && images.kind() == kind) {
                return images.read().test();
            }
            throw new IllegalArgumentException("--data " + spec.text() + ": this model was trained on " + kind.prefix()
                    + " images; give " + kind.prefix() + ":DIR");
        }

        @Override
        public Tensor inputs(DataSpec spec) throws IOException {
            return labeled(spec).features();
        }

        @Override
        public Tensor answers(Tensor outputs) {
            return outputs;
        }

        @Override
        public ModelFile attachTo(ModelFile file) {
            return file.withMetadata(KIND, kind.prefix()).withMetadata(CLASSES, Json.strings(classNames).toJson());
        }
    }

    String KIND = "preprocessing";
    String SCHEMA = "schema";
    String CLASSES = "classes";
    String FEATURE_SCALER = "feature_scaler.";
    String TARGET_SCALER = "target_scaler.";

    /** The preprocessing that {@link #attachTo} stored in {@code file}. */
    static Preprocessing of(ModelFile file) {
        String kind = file.metadata().get(KIND);
        for (DataSpec.ImageKind images : DataSpec.ImageKind.values()) {
            if (images.prefix().equals(kind)) {
                return new Images(images, Json.parse(required(file, CLASSES)).asStrings());
            }
        }
        if ("tabular".equals(kind)) {
            Schema schema = Schema.fromDescription(readDescription(required(file, SCHEMA)));
            Scaler targets = file.tensors().keySet().stream().anyMatch(k -> k.startsWith(TARGET_SCALER))
                    ? Scaler.fromState(tensors(file, TARGET_SCALER)) : null;
            return new Tabular(schema, Scaler.fromState(tensors(file, FEATURE_SCALER)), targets);
        }
        throw new IllegalArgumentException("this model file has no preprocessing that jgrad train wrote (metadata '"
                + KIND + "' is " + (kind == null ? "missing" : "'" + kind + "'") + ")");
    }

    private static String required(ModelFile file, String key) {
        String value = file.metadata().get(key);
        if (value == null) {
            throw new IllegalArgumentException("this model file lacks the metadata entry '" + key + "'");
        }
        return value;
    }

    private static String describe(Schema schema) {
        Json.Obj object = Json.object();
        for (var entry : schema.describe().entrySet()) {
            object = object.with(entry.getKey(), Json.strings(entry.getValue()));
        }
        return object.toJson();
    }

    private static Map<String, List<String>> readDescription(String json) {
        Map<String, List<String>> description = new LinkedHashMap<>();
        Json.parse(json).asObject().members().forEach((key, value) -> description.put(key, value.asStrings()));
        return description;
    }

    private static ModelFile withTensors(ModelFile file, String prefix, Map<String, Tensor> state) {
        for (var entry : state.entrySet()) {
            file = file.withTensor(prefix + entry.getKey(), entry.getValue());
        }
        return file;
    }

    private static Map<String, Tensor> tensors(ModelFile file, String prefix) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        file.tensors().forEach((name, tensor) -> {
            if (name.startsWith(prefix)) {
                state.put(name.substring(prefix.length()), tensor);
            }
        });
        return state;
    }
}
