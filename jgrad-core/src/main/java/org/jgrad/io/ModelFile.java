package org.jgrad.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.nn.Module;

/**
 * A trained model in one file, ready to predict when loaded, with what the caller keeps beside
 * it: extra tensors (a scaler's mean and standard deviation) and extra text (class names, a
 * column schema, the training command).
 *
 * <pre>
 * ModelFile.save(model, Path.of("model.safetensors"));
 * Module model = ModelFile.load(Path.of("model.safetensors")).model();
 *
 * ModelFile.of(model)
 *         .withTensor("scaler.mean", mean)
 *         .withMetadata("classes", Json.strings(classNames).toJson())
 *         .save(path);
 * ModelFile file = ModelFile.load(path);
 * Tensor mean = file.tensors().get("scaler.mean");
 * List&lt;String&gt; classNames = Json.parse(file.metadata().get("classes")).asStrings();
 * </pre>
 *
 * <p>The file is a {@link Safetensors} file that other tools read too. Its tensors: the model's
 * {@link Module#stateDict()} under its own names (PyTorch's for the same layers, e.g. {@code
 * 0.weight}), and each extra tensor under {@value #EXTRA_PREFIX} and its name. Its metadata:
 * {@value #FORMAT_KEY} (the version of this layout, {@value #FORMAT}), {@value
 * #ARCHITECTURE_KEY} (the module tree as JSON, from which loading rebuilds the model: {@code
 * Sequential} and the layers of {@code org.jgrad.nn}; see {@link #save(Path)}), and each extra
 * entry under {@value #EXTRA_PREFIX} and its key. Parameters keep their dtype (float32 or
 * float64), and a loaded model has the saved one's.
 *
 * @param model the model, in evaluation mode when loaded
 * @param tensors the caller's extra tensors by name (not the model's state)
 * @param metadata the caller's extra text entries by key
 */
public record ModelFile(Module model, Map<String, Tensor> tensors, Map<String, String> metadata) {

    /** The metadata key of the file layout's version. */
    public static final String FORMAT_KEY = "jgrad.format";

    /** The version of the file layout this class writes and reads. */
    public static final String FORMAT = "1";

    /** The metadata key of the architecture, as JSON. */
    public static final String ARCHITECTURE_KEY = "jgrad.architecture";

    /** What the caller's extra tensor names and metadata keys are prefixed with in the file. */
    public static final String EXTRA_PREFIX = "extra.";

    /**
     * How many values of parameters and buffers the architecture may ask for beyond those the
     * file holds (4 MiB in float32): enough that a small mismatch is reported by name when the
     * state is loaded, too few to exhaust memory.
     */
    private static final long STATE_MARGIN = 1 << 20;

    /** Holds copies of the two maps, in their order. */
    public ModelFile {
        Objects.requireNonNull(model, "ModelFile: model");
        tensors.forEach((name, tensor) -> Objects.requireNonNull(tensor, () -> "ModelFile: tensor '" + name + "'"));
        metadata.forEach((key, value) -> Objects.requireNonNull(value, () -> "ModelFile: metadata '" + key + "'"));
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** {@code model} without extras. */
    public static ModelFile of(Module model) {
        return new ModelFile(model, Map.of(), Map.of());
    }

    /** This file with the extra tensor {@code name} added (or replaced). */
    public ModelFile withTensor(String name, Tensor tensor) {
        Map<String, Tensor> grown = new LinkedHashMap<>(tensors);
        grown.put(name, tensor);
        return new ModelFile(model, grown, metadata);
    }

    /** This file with the extra text entry {@code key} added (or replaced); {@link Json} encodes lists and records. */
    public ModelFile withMetadata(String key, String value) {
        Map<String, String> grown = new LinkedHashMap<>(metadata);
        grown.put(key, value);
        return new ModelFile(model, tensors, grown);
    }

    /** Saves {@code model}, without extras, to {@code path}; see {@link #save(Path)}. */
    public static void save(Module model, Path path) throws IOException {
        of(model).save(path);
    }

    /**
     * Writes this file to {@code path} atomically (see {@link AtomicFile}): on any failure an
     * existing file there is left as it was. Fails before writing anything if a module of the
     * tree has no place in a model file, naming its path and class: the savable ones are {@code
     * Sequential} and the layers of {@code org.jgrad.nn} ({@code Linear}, {@code Flatten}, {@code
     * Identity}, the activations, {@code Dropout}, {@code BatchNorm1d}, {@code GaussianNoise}).
     * Initializers and random streams are not stored.
     */
    public void save(Path path) throws IOException {
        String architecture;
        try {
            architecture = Architecture.encode(model).toJson();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ModelFile.save: " + e.getMessage(), e);
        }
        Map<String, Tensor> all = new LinkedHashMap<>(model.stateDict());
        tensors.forEach((name, tensor) -> all.put(EXTRA_PREFIX + name, tensor));
        Map<String, String> allMetadata = new LinkedHashMap<>();
        allMetadata.put(FORMAT_KEY, FORMAT);
        allMetadata.put(ARCHITECTURE_KEY, architecture);
        metadata.forEach((key, value) -> allMetadata.put(EXTRA_PREFIX + key, value));
        new Safetensors(all, allMetadata).write(path);
    }

    /**
     * Reads the model file at {@code path}: rebuilds the model from its architecture, loads its
     * state, puts it in evaluation mode, and returns it with the extras. A file that is not a
     * valid model file fails with a {@link FileFormatException} naming the problem: an unknown
     * layer type, settings a layer refuses, state that does not match the architecture (names,
     * shapes, dtypes), a metadata key jgrad does not write.
     */
    public static ModelFile load(Path path) throws IOException {
        Safetensors file = Safetensors.read(path);
        String format = file.metadata().get(FORMAT_KEY);
        if (format == null) {
            throw new FileFormatException(path, "not a jgrad model file: the metadata has no '" + FORMAT_KEY + "'");
        }
        if (!format.equals(FORMAT)) {
            throw new FileFormatException(path, "model file format '" + format + "' is not supported (this jgrad"
                    + " reads format " + FORMAT + ")");
        }
        Map<String, String> extraMetadata = new LinkedHashMap<>();
        for (var entry : file.metadata().entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(EXTRA_PREFIX)) {
                extraMetadata.put(key.substring(EXTRA_PREFIX.length()), entry.getValue());
            } else if (!key.equals(FORMAT_KEY) && !key.equals(ARCHITECTURE_KEY)) {
                throw new FileFormatException(path, "unexpected metadata key '" + key + "' (a model file has "
                        + FORMAT_KEY + ", " + ARCHITECTURE_KEY + " and " + EXTRA_PREFIX + "* keys)");
            }
        }
        String architecture = file.metadata().get(ARCHITECTURE_KEY);
        if (architecture == null) {
            throw new FileFormatException(path, "the metadata has no '" + ARCHITECTURE_KEY + "'");
        }
        Map<String, Tensor> state = new LinkedHashMap<>();
        Map<String, Tensor> extraTensors = new LinkedHashMap<>();
        file.tensors().forEach((name, tensor) -> {
            if (name.startsWith(EXTRA_PREFIX)) {
                extraTensors.put(name.substring(EXTRA_PREFIX.length()), tensor);
            } else {
                state.put(name, tensor);
            }
        });
        long stateValues = state.values().stream().mapToLong(Tensor::numel).sum();
        Module model = rebuild(path, architecture, stateValues + STATE_MARGIN);
        loadState(path, model, state);
        model.eval();
        return new ModelFile(model, extraTensors, extraMetadata);
    }

    /** The module tree {@code architecture} describes, whose state may take at most {@code stateBudget} values. */
    private static Module rebuild(Path path, String architecture, long stateBudget) throws FileFormatException {
        try {
            return Architecture.decode(Json.parse(architecture), stateBudget);
        } catch (JsonException e) {
            throw new FileFormatException(path, "'" + ARCHITECTURE_KEY + "': " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(path, "architecture: " + e.getMessage());
        }
    }

    /**
     * Loads {@code state} into {@code model}, first converting the model to the dtype its
     * parameters were saved in; every tensor must have the name, shape and dtype the model
     * expects.
     */
    private static void loadState(Path path, Module model, Map<String, Tensor> state) throws FileFormatException {
        String mismatch = "the state does not match the architecture: ";
        var parameters = model.namedParameters();
        if (!parameters.isEmpty()) {
            Tensor first = state.get(parameters.keySet().iterator().next());
            if (first != null && first.dtype() == DType.FLOAT64) {
                model.to(DType.FLOAT64);
            }
        }
        Map<String, Tensor> expected = new LinkedHashMap<>();
        model.namedParameters().forEach((name, parameter) -> expected.put(name, parameter.value()));
        expected.putAll(model.namedBuffers());
        List<String> problems = new ArrayList<>();
        expected.forEach((name, target) -> {
            Tensor given = state.get(name);
            if (given != null && given.dtype() != target.dtype()) {
                problems.add(name + ": expected " + target.dtype() + ", got " + given.dtype());
            }
        });
        if (!problems.isEmpty()) {
            throw new FileFormatException(path, mismatch + String.join("; ", problems));
        }
        try {
            model.loadStateDict(state);
        } catch (IllegalArgumentException e) {
            throw new FileFormatException(path, mismatch + e.getMessage());
        }
    }
}
