package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jgrad.Tensor;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Sequential;
import org.jgrad.optim.Adam;
import org.jgrad.train.EpochRecord;
import org.jgrad.train.History;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Checkpoint#load}'s refusals: a valid checkpoint, truncated or with one entry changed,
 * fails with its exact problem, and a hostile size is refused before anything is allocated.
 */
class CheckpointErrorTest {

    private static final History HISTORY = History.of(List.of(new EpochRecord(0, 1.5, Map.of("accuracy", 0.5), 1.25,
            Map.of("accuracy", 0.25), 1e-3, 0.5, 100)), null);
    private static final String HISTORY_JSON = HistoryJson.encode(HISTORY).toJson();
    private static final String MANIFEST = "{\"type\":\"org.jgrad.optim.Adam\","
            + "\"parameters\":[\"0.weight\",\"0.bias\"],"
            + "\"state\":[\"lr\",\"0.step\",\"0.expAvg\",\"0.expAvgSq\",\"1.step\",\"1.expAvg\",\"1.expAvgSq\"]}";

    @TempDir
    Path dir;

    private Path valid;

    /** A 2-3 linear model after one step of Adam, with a one-epoch history and seed 4. */
    @BeforeEach
    void writeValidCheckpoint() throws IOException {
        var model = new Sequential(new Linear(2, 3));
        var adam = new Adam(model.parameters(), 1e-3);
        model.forward(Tensor.ones(1, 2)).sum().backward();
        adam.step();
        valid = dir.resolve("valid.safetensors");
        Checkpoint.of(model, adam, 4, HISTORY).save(valid);
    }

    private static Arguments metadata(String key, String value, String problem) {
        return Arguments.of(key + " = " + value, (Consumer<Map<String, String>>) m -> {
            if (value == null) {
                m.remove(key);
            } else {
                m.put(key, value);
            }
        }, (Consumer<Map<String, Tensor>>) t -> { }, problem);
    }

    private static Arguments tensors(String label, Consumer<Map<String, Tensor>> change, String problem) {
        return Arguments.of(label, (Consumer<Map<String, String>>) m -> { }, change, problem);
    }

    static Stream<Arguments> tamperedFiles() {
        return Stream.of(
                metadata("extra.checkpoint.format", null,
                        "not a jgrad checkpoint: the metadata has no 'extra.checkpoint.format'"),
                metadata("extra.checkpoint.format", "2",
                        "checkpoint format '2' is not supported (this jgrad reads format 1)"),
                metadata("extra.checkpoint.seed", null, "the metadata has no 'extra.checkpoint.seed'"),
                metadata("extra.note", "hello", "unexpected metadata key 'extra.note' (a checkpoint has"
                        + " 'extra.checkpoint.format', 'extra.checkpoint.seed', 'extra.checkpoint.epoch',"
                        + " 'extra.checkpoint.optimizer', 'extra.checkpoint.history')"),
                metadata("extra.checkpoint.seed", "4.5",
                        "'extra.checkpoint.seed': '4.5' is not a decimal integer in range"),
                metadata("extra.checkpoint.epoch", "99999999999",
                        "'extra.checkpoint.epoch': '99999999999' is not a decimal integer in range"),
                metadata("extra.checkpoint.epoch", "2", "'extra.checkpoint.epoch' is 2 but the history holds 1 epochs"),
                metadata("extra.checkpoint.history", "{\"epochs\":[],\"stopReason\":null}",
                        "'extra.checkpoint.epoch' is 1 but the history holds 0 epochs"),
                metadata("extra.checkpoint.history", "{\"epochs\":[}",
                        "'extra.checkpoint.history': invalid JSON at byte 11: unexpected '}', expected a value"),
                metadata("extra.checkpoint.history", HISTORY_JSON.replace("\"trainLoss\":1.5", "\"trainLoss\":\"x\""),
                        "'extra.checkpoint.history': epochs[0].trainLoss: expected a number, \"NaN\", \"Infinity\""
                                + " or \"-Infinity\", got string \"x\""),
                metadata("extra.checkpoint.history", HISTORY_JSON.replace(",\"seconds\":0.5", ""),
                        "'extra.checkpoint.history': epochs[0]: missing 'seconds'"),
                metadata("extra.checkpoint.optimizer", MANIFEST.replace("\"type\":\"org.jgrad.optim.Adam\",", ""),
                        "'extra.checkpoint.optimizer': missing 'type'"),
                metadata("extra.checkpoint.optimizer", MANIFEST.replace("\"0.bias\"]", "\"2.bias\"]"),
                        "'extra.checkpoint.optimizer': the optimizer's parameter 1, '2.bias', is not a parameter of"
                                + " the model"),
                metadata("extra.checkpoint.optimizer", MANIFEST.replace("\"0.step\",", ""),
                        "'extra.checkpoint.optimizer': 'state' does not list the file's tensor"
                                + " 'extra.optimizer.0.step'"),
                tensors("without extra.optimizer.0.expAvg", t -> t.remove("extra.optimizer.0.expAvg"),
                        "'extra.checkpoint.optimizer': 'state' lists '0.expAvg', but the file has no tensor"
                                + " 'extra.optimizer.0.expAvg'"),
                tensors("with extra.scaler", t -> t.put("extra.scaler", Tensor.zeros(2)),
                        "unexpected tensor 'extra.scaler' (a checkpoint's extra tensors are extra.optimizer.*)"),
                tensors("without 0.bias", t -> t.remove("0.bias"),
                        "the state does not match the architecture: loadStateDict: missing [0.bias]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedFiles")
    void aTamperedCheckpointFailsNamingTheProblem(String label, Consumer<Map<String, String>> metadata,
            Consumer<Map<String, Tensor>> tensors, String problem) throws IOException {
        Safetensors file = Safetensors.read(valid);
        Map<String, String> changedMetadata = new LinkedHashMap<>(file.metadata());
        metadata.accept(changedMetadata);
        Map<String, Tensor> changedTensors = new LinkedHashMap<>(file.tensors());
        tensors.accept(changedTensors);
        Path tampered = dir.resolve("tampered.safetensors");
        new Safetensors(changedTensors, changedMetadata).write(tampered);
        assertProblem(tampered, problem);
    }

    private static void assertProblem(Path path, String problem) {
        var e = assertThrows(FileFormatException.class, () -> Checkpoint.load(path));
        assertEquals(problem, e.problem());
        assertEquals(path, e.file());
    }

    @Test
    void aPlainModelFileIsNotACheckpoint() throws IOException {
        Path model = dir.resolve("model.safetensors");
        ModelFile.save(new Sequential(new Linear(2, 3)), model);
        assertProblem(model, "not a jgrad checkpoint: the metadata has no 'extra.checkpoint.format'");
    }

    @Test
    void aTruncatedCheckpointFailsNamingWhatIsMissing() throws IOException {
        byte[] bytes = Files.readAllBytes(valid);
        Path truncated = dir.resolve("truncated.safetensors");

        Files.write(truncated, Arrays.copyOf(bytes, 100));
        assertProblem(truncated, "header length " + RawBytes.headerLength(bytes) + " (bytes 0-7) runs past the end"
                + " of the file (100 bytes)");

        // The tensor written last, the float32 tensor whose name sorts last, loses its last element.
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 4));
        Json.Obj entry = Json.parse(RawBytes.header(bytes).strip()).asObject().get("extra.optimizer.1.expAvgSq")
                .asObject();
        List<Json> offsets = entry.get("data_offsets").asArray();
        long end = offsets.get(1).asLong();
        assertEquals(bytes.length - 8 - RawBytes.headerLength(bytes), end);
        assertProblem(truncated, "tensor 'extra.optimizer.1.expAvgSq': data_offsets [" + offsets.get(0).asLong()
                + ", " + end + "] run past the end of the data (" + (end - 4) + " bytes)");
    }

    @Test
    void aHostileShapeIsRefusedBeforeAnythingIsAllocated() throws IOException {
        byte[] bytes = Files.readAllBytes(valid);
        int headerLength = (int) RawBytes.headerLength(bytes);
        String header = RawBytes.header(bytes).strip();
        String hostile = header.replace("\"extra.optimizer.0.expAvg\":{\"dtype\":\"F32\",\"shape\":[3,2]",
                "\"extra.optimizer.0.expAvg\":{\"dtype\":\"F32\",\"shape\":[300000,200000]");
        assertNotEquals(header, hostile);
        Path file = dir.resolve("hostile.safetensors");
        Files.write(file, RawBytes.file(hostile, Arrays.copyOfRange(bytes, 8 + headerLength, bytes.length)));
        assertProblem(file, "tensor 'extra.optimizer.0.expAvg': shape [300000, 200000] has more than the 2147483647"
                + " elements a tensor can hold");
    }

    @Test
    void optimizerStateOfTheWrongShapeFailsWhenRestored() throws IOException {
        Safetensors file = Safetensors.read(valid);
        Map<String, Tensor> tensors = new LinkedHashMap<>(file.tensors());
        tensors.put("extra.optimizer.0.expAvg", Tensor.zeros(5));
        Path tampered = dir.resolve("tampered.safetensors");
        new Safetensors(tensors, file.metadata()).write(tampered);

        Checkpoint checkpoint = Checkpoint.load(tampered);
        var adam = new Adam(checkpoint.model().parameters(), 1e-3);
        var e = assertThrows(IllegalArgumentException.class, () -> checkpoint.restoreInto(adam));
        assertEquals("Checkpoint.restoreInto: Adam.loadStateDict: 0.expAvg: expected shape [3, 2] or a scalar,"
                + " got [5]", e.getMessage());
        assertEquals(Set.of("lr"), adam.stateDict().keySet(), "the optimizer is left as it was");
    }
}
