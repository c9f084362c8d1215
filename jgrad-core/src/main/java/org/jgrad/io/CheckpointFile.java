package org.jgrad.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jgrad.Tensor;
import org.jgrad.train.History;

/**
 * A {@link Checkpoint}'s file, both ways: a {@link ModelFile} of the model whose extras hold
 * the optimizer's state tensors under {@value #OPTIMIZER_PREFIX} and the checkpoint's text
 * entries under {@code checkpoint.}; the layout is documented on {@link Checkpoint}. Reading
 * checks every entry and names the first problem with the key as the file spells it ({@code
 * 'extra.checkpoint.history'}).
 */
final class CheckpointFile {

    static final String FORMAT = "1";
    static final String FORMAT_KEY = "checkpoint.format";
    static final String SEED_KEY = "checkpoint.seed";
    static final String EPOCH_KEY = "checkpoint.epoch";
    static final String OPTIMIZER_KEY = "checkpoint.optimizer";
    static final String HISTORY_KEY = "checkpoint.history";
    static final String OPTIMIZER_PREFIX = "optimizer.";

    private static final List<String> KEYS = List.of(FORMAT_KEY, SEED_KEY, EPOCH_KEY, OPTIMIZER_KEY, HISTORY_KEY);
    private static final List<String> OPTIMIZER_KEYS = List.of("type", "parameters", "state");

    private CheckpointFile() {
    }

    static void write(Checkpoint checkpoint, Path path) throws IOException {
        OptimizerState optimizer = checkpoint.optimizer();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        optimizer.state().forEach((key, tensor) -> tensors.put(OPTIMIZER_PREFIX + key, tensor));
        Json manifest = Json.object()
                .with("type", Json.of(optimizer.type()))
                .with("parameters", Json.strings(optimizer.parameters()))
                .with("state", Json.strings(List.copyOf(optimizer.state().keySet())));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_KEY, FORMAT);
        metadata.put(SEED_KEY, Long.toString(checkpoint.seed()));
        metadata.put(EPOCH_KEY, Integer.toString(checkpoint.epoch()));
        metadata.put(OPTIMIZER_KEY, manifest.toJson());
        metadata.put(HISTORY_KEY, HistoryJson.encode(checkpoint.history()).toJson());
        new ModelFile(checkpoint.model(), tensors, metadata).save(path);
    }

    static Checkpoint read(Path path) throws IOException {
        return new Reader(path, ModelFile.load(path)).read();
    }

    /** {@code 'extra.KEY'}: an extra's key or tensor name as the file spells it. */
    private static String quoted(String key) {
        return "'" + ModelFile.EXTRA_PREFIX + key + "'";
    }

    /** The checks of one file, {@code file} as read from {@code path}. */
    private record Reader(Path path, ModelFile file) {

        private Checkpoint read() throws FileFormatException {
            Map<String, String> metadata = file.metadata();
            String format = metadata.get(FORMAT_KEY);
            if (format == null) {
                throw bad("not a jgrad checkpoint: the metadata has no " + quoted(FORMAT_KEY));
            }
            if (!format.equals(FORMAT)) {
                throw bad("checkpoint format '" + format + "' is not supported (this jgrad reads format " + FORMAT
                        + ")");
            }
            for (String key : metadata.keySet()) {
                if (!KEYS.contains(key)) {
                    throw bad("unexpected metadata key " + quoted(key) + " (a checkpoint has "
                            + KEYS.stream().map(CheckpointFile::quoted).collect(Collectors.joining(", ")) + ")");
                }
            }
            for (String key : KEYS) {
                if (!metadata.containsKey(key)) {
                    throw bad("the metadata has no " + quoted(key));
                }
            }
            for (String name : file.tensors().keySet()) {
                if (!name.startsWith(OPTIMIZER_PREFIX)) {
                    throw bad("unexpected tensor " + quoted(name) + " (a checkpoint's extra tensors are "
                            + ModelFile.EXTRA_PREFIX + OPTIMIZER_PREFIX + "*)");
                }
            }
            long seed = entry(SEED_KEY, Long::parseLong);
            int epoch = entry(EPOCH_KEY, Integer::parseInt);
            History history = entry(HISTORY_KEY, text -> HistoryJson.decode(Json.parse(text)));
            if (epoch != history.size()) {
                throw bad(quoted(EPOCH_KEY) + " is " + epoch + " but the history holds " + history.size() + " epochs");
            }
            OptimizerState optimizer = entry(OPTIMIZER_KEY, text -> optimizer(Json.parse(text)));
            String unknown = optimizer.unknownParameter(file.model());
            if (unknown != null) {
                throw bad(quoted(OPTIMIZER_KEY) + ": " + unknown);
            }
            return new Checkpoint(file.model(), optimizer, seed, history);
        }

        /** The optimizer's state from its manifest and the tensors it lists. */
        private OptimizerState optimizer(Json manifest) {
            Json.Obj members = JsonFields.exactly(manifest, "", OPTIMIZER_KEYS);
            String type = JsonFields.read("type", members.get("type")::asString);
            List<String> parameters = JsonFields.read("parameters", members.get("parameters")::asStrings);
            List<String> listed = JsonFields.read("state", members.get("state")::asStrings);
            Map<String, Tensor> state = new LinkedHashMap<>();
            for (String key : listed) {
                Tensor tensor = file.tensors().get(OPTIMIZER_PREFIX + key);
                if (tensor == null) {
                    throw new IllegalArgumentException("'state' lists '" + key + "', but the file has no tensor "
                            + quoted(OPTIMIZER_PREFIX + key));
                }
                state.put(key, tensor);
            }
            for (String name : file.tensors().keySet()) {
                if (!state.containsKey(name.substring(OPTIMIZER_PREFIX.length()))) {
                    throw new IllegalArgumentException("'state' does not list the file's tensor " + quoted(name));
                }
            }
            return new OptimizerState(type, parameters, state);
        }

        /** The metadata entry {@code key} read by {@code parse}, whose failure names the entry. */
        private <T> T entry(String key, Function<String, T> parse) throws FileFormatException {
            String text = file.metadata().get(key);
            try {
                return parse.apply(text);
            } catch (NumberFormatException e) {
                throw bad(quoted(key) + ": '" + text + "' is not a decimal integer in range");
            } catch (IllegalArgumentException e) {
                throw bad(quoted(key) + ": " + e.getMessage());
            }
        }

        private FileFormatException bad(String problem) {
            return new FileFormatException(path, problem);
        }
    }
}
