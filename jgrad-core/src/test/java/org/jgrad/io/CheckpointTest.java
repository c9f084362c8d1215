package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.Adam;
import org.jgrad.optim.AdamW;
import org.jgrad.optim.Optimizer;
import org.jgrad.optim.SGD;
import org.jgrad.train.Fixtures;
import org.jgrad.train.History;
import org.jgrad.train.Trainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Checkpoint}: the model, the optimizer's state, the seed and the history come back
 * exactly from a file of known layout that is also a model file; restoring into the wrong
 * optimizer fails naming the mismatch.
 */
class CheckpointTest {

    @TempDir
    Path dir;

    private Path path;
    private Sequential model;
    private Adam adam;
    private History history;

    /** Two epochs of Adam on the blobs, so that the optimizer has moments and step counts. */
    @BeforeEach
    void train() throws IOException {
        path = dir.resolve("checkpoint.safetensors");
        model = Fixtures.mlp(1);
        adam = new Adam(model.parameters(), 0.01);
        history = Trainer.of(model, new CrossEntropyLoss(), adam).epochs(2).batchSize(16).seed(9)
                .validation(Fixtures.blobs(30, 2)).fit(Fixtures.blobs(60, 1));
        Checkpoint.of(model, adam, 9, history).save(path);
    }

    private static void assertSameTensors(Map<String, Tensor> expected, Map<String, Tensor> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, tensor) -> {
            assertEquals(tensor.dtype(), actual.get(name).dtype(), name);
            assertArrayEquals(tensor.shape(), actual.get(name).shape(), name);
            assertArrayEquals(tensor.toDoubleArray(), actual.get(name).toDoubleArray(), name);
        });
    }

    @Test
    void everythingComesBackExactly() throws IOException {
        Checkpoint loaded = Checkpoint.load(path);
        assertSameTensors(model.stateDict(), loaded.model().stateDict());
        assertEquals(9, loaded.seed());
        assertEquals(2, loaded.epoch());
        assertEquals(history, loaded.history());
        assertEquals(Adam.class.getName(), loaded.optimizer().type());
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias"), loaded.optimizer().parameters());
        assertSameTensors(adam.stateDict(), loaded.optimizer().state());

        Adam restored = new Adam(loaded.model().parameters(), 0.5);
        loaded.restoreInto(restored);
        assertSameTensors(adam.stateDict(), restored.stateDict());
        assertEquals(0.01, restored.learningRate());
    }

    @Test
    void theFileIsAModelFileWithTheCheckpointInItsExtras() throws IOException {
        ModelFile file = ModelFile.load(path);
        Tensor x = Fixtures.blobs(5, 3).features();
        assertArrayEquals(model.eval().forward(x).toFloatArray(), file.model().forward(x).toFloatArray());
        assertEquals(List.of("checkpoint.epoch", "checkpoint.format", "checkpoint.history", "checkpoint.optimizer",
                "checkpoint.seed"), List.copyOf(file.metadata().keySet()));
        assertEquals("1", file.metadata().get("checkpoint.format"));
        assertEquals("9", file.metadata().get("checkpoint.seed"));
        assertEquals("2", file.metadata().get("checkpoint.epoch"));
        assertEquals("{\"type\":\"org.jgrad.optim.Adam\",\"parameters\":[\"0.weight\",\"0.bias\",\"3.weight\","
                + "\"3.bias\"],\"state\":[\"lr\",\"0.step\",\"0.expAvg\",\"0.expAvgSq\",\"1.step\",\"1.expAvg\","
                + "\"1.expAvgSq\",\"2.step\",\"2.expAvg\",\"2.expAvgSq\",\"3.step\",\"3.expAvg\",\"3.expAvgSq\"]}",
                file.metadata().get("checkpoint.optimizer"));
        assertEquals(HistoryJson.encode(history).toJson(), file.metadata().get("checkpoint.history"));
        Map<String, Tensor> optimizerState = new LinkedHashMap<>();
        file.tensors().forEach((name, tensor) -> optimizerState.put(name.substring("optimizer.".length()), tensor));
        assertSameTensors(adam.stateDict(), optimizerState);
    }

    private IllegalArgumentException restoreFails(Optimizer optimizer) throws IOException {
        Checkpoint loaded = Checkpoint.load(path);
        return assertThrows(IllegalArgumentException.class, () -> loaded.restoreInto(optimizer));
    }

    @Test
    void restoringIntoAnotherKindOfOptimizerFails() throws IOException {
        assertEquals("Checkpoint.restoreInto: the checkpoint holds the state of org.jgrad.optim.Adam, not of"
                + " org.jgrad.optim.SGD", restoreFails(new SGD(model.parameters(), 0.1)).getMessage());
        assertEquals("Checkpoint.restoreInto: the checkpoint holds the state of org.jgrad.optim.Adam, not of"
                + " org.jgrad.optim.AdamW", restoreFails(new AdamW(model.parameters(), 0.1)).getMessage());
    }

    @Test
    void restoringIntoAnOptimizerOfOtherParametersFails() throws IOException {
        assertEquals("Checkpoint.restoreInto: the optimizer updates 2 parameters, the checkpoint's 4",
                restoreFails(new Adam(model.parameters().subList(0, 2), 0.1)).getMessage());
        Module wider = new Sequential(new Linear(2, 8), new Linear(8, 3));
        assertEquals("Checkpoint.restoreInto: parameter 0 is float32 [8, 2], the checkpoint's ('0.weight')"
                + " float32 [16, 2]; parameter 1 is float32 [8], the checkpoint's ('0.bias') float32 [16];"
                + " parameter 2 is float32 [3, 8], the checkpoint's ('3.weight') float32 [3, 16]",
                restoreFails(new Adam(wider.parameters(), 0.1)).getMessage());
        Module float64 = Fixtures.mlp(1).to(DType.FLOAT64);
        assertEquals("Checkpoint.restoreInto: parameter 0 is float64 [16, 2], the checkpoint's ('0.weight')"
                + " float32 [16, 2]; parameter 1 is float64 [16], the checkpoint's ('0.bias') float32 [16];"
                + " parameter 2 is float64 [3, 16], the checkpoint's ('3.weight') float32 [3, 16];"
                + " parameter 3 is float64 [3], the checkpoint's ('3.bias') float32 [3]",
                restoreFails(new Adam(float64.parameters(), 0.1)).getMessage());
    }

    @Test
    void anOptimizerOfAnotherModelCannotBeCheckpointed() {
        var other = Fixtures.mlp(2);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.of(model, new Adam(other.parameters(), 0.1), 0, History.empty()));
        assertEquals("OptimizerState: the optimizer's parameter 0 (shape [16, 2]) is not a parameter of the model",
                e.getMessage());
        var unknown = new OptimizerState("x", List.of("0.weight", "7.weight"), Map.of());
        var e2 = assertThrows(IllegalArgumentException.class, () -> new Checkpoint(model, unknown, 0, History.empty()));
        assertEquals("Checkpoint: the optimizer's parameter 1, '7.weight', is not a parameter of the model",
                e2.getMessage());
    }

    @Test
    void weightsThatAreNotFiniteAreNeverSaved() throws IOException {
        byte[] before = Files.readAllBytes(path);
        model.namedParameters().get("3.bias").set(Tensor.scalar(Double.NEGATIVE_INFINITY));
        var e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.of(model, adam, 9, history).save(path));
        assertEquals("Checkpoint.save: '3.bias' holds -Infinity at index 0; a checkpoint must hold finite weights",
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(path));
    }
}
