package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.Softplus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ModelFile}'s refusals: models it cannot save (leaving any old file untouched), and
 * valid safetensors files that are not valid model files, each with its exact problem.
 */
class ModelFileErrorTest {

    private static final String KNOWN = "BatchNorm1d, Dropout, ELU, Flatten, GaussianNoise, Identity, LeakyReLU,"
            + " Linear, LogSoftmax, Maxout, PReLU, ReLU, Sequential, Sigmoid, Softmax, Softplus, Tanh";

    @TempDir
    Path dir;

    /** A layer jgrad's model files do not know (also used by {@link ModelCheckpointTest}). */
    static final class Doubler extends Module {
        @Override
        protected Tensor compute(Tensor input) {
            return input.mul(2);
        }
    }

    @Test
    void anUnsavableModuleFailsNamingItsPathAndClassAndLeavesTheOldFile() throws IOException {
        Path file = dir.resolve("model.safetensors");
        ModelFile.save(new Sequential(new Linear(2, 2)), file);
        byte[] before = Files.readAllBytes(file);

        Module model = new Sequential(new Linear(2, 2), new Sequential(new ReLU(), new Doubler()));
        var e = assertThrows(IllegalArgumentException.class, () -> ModelFile.save(model, file));
        assertEquals("ModelFile.save: cannot save module '1.1' of class " + Doubler.class.getName()
                + ": a model file holds only " + KNOWN, e.getMessage());
        var root = assertThrows(IllegalArgumentException.class, () -> ModelFile.save(new Doubler(), file));
        assertEquals("ModelFile.save: cannot save the root module of class " + Doubler.class.getName()
                + ": a model file holds only " + KNOWN, root.getMessage());

        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of(file), filesIn(dir));
    }

    @Test
    void aSettingJsonCannotHoldFailsNamingTheModule() {
        var e = assertThrows(IllegalArgumentException.class, () -> ModelFile.save(
                new Sequential(new Softplus(1, Double.POSITIVE_INFINITY)), dir.resolve("m.safetensors")));
        assertEquals("ModelFile.save: module '0' (Softplus): JSON numbers must be finite, got Infinity",
                e.getMessage());
    }

    /** A file holding {@code state} and jgrad's metadata with {@code architecture}. */
    private static Arguments modelFile(String label, String architecture, Map<String, Tensor> state, String problem) {
        return Arguments.of(label, state, Map.of(ModelFile.FORMAT_KEY, ModelFile.FORMAT, ModelFile.ARCHITECTURE_KEY,
                architecture), problem);
    }

    private static final String LINEAR_2_3 = "{\"type\":\"Linear\",\"inFeatures\":2,\"outFeatures\":3,\"bias\":true,"
            + "\"weightNoise\":0.0}";

    private static final String LINEAR_1000_600 = LINEAR_2_3.replace(":2,", ":1000,").replace(":3,", ":600,");

    /** The state of a {@code Linear(2, 3)} at {@code path} (with its dot, or empty for the root). */
    private static Map<String, Tensor> linear23(String path, Tensor weight, Tensor bias) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put(path + "weight", weight);
        state.put(path + "bias", bias);
        return state;
    }

    static Stream<Arguments> invalidModelFiles() {
        Map<String, Tensor> good = linear23("", Tensor.zeros(3, 2), Tensor.zeros(3));
        return Stream.of(
                Arguments.of("plain safetensors", good, Map.of(),
                        "not a jgrad model file: the metadata has no 'jgrad.format'"),
                Arguments.of("future format", good, Map.of(ModelFile.FORMAT_KEY, "2"),
                        "model file format '2' is not supported (this jgrad reads format 1)"),
                Arguments.of("foreign metadata", good, Map.of(ModelFile.FORMAT_KEY, "1", ModelFile.ARCHITECTURE_KEY,
                                LINEAR_2_3, "format", "pt"),
                        "unexpected metadata key 'format' (a model file has jgrad.format, jgrad.architecture and"
                                + " extra.* keys)"),
                Arguments.of("no architecture", good, Map.of(ModelFile.FORMAT_KEY, "1"),
                        "the metadata has no 'jgrad.architecture'"),
                modelFile("architecture not JSON", "{\"type\":", good,
                        "'jgrad.architecture': invalid JSON at byte 8: unexpected end of text, expected a value"),
                modelFile("architecture not an object", "[1]", good,
                        "architecture: the root module: expected an object with a 'type', got array"),
                modelFile("no type", "{\"type\":\"Sequential\",\"layers\":[{}]}", good,
                        "architecture: module '0': expected a string 'type', got none"),
                modelFile("unknown layer", "{\"type\":\"Sequential\",\"layers\":[{\"type\":\"ReLU\"},"
                                + "{\"type\":\"Sequential\",\"layers\":[{\"type\":\"Conv2d\"}]}]}", good,
                        "architecture: module '1.0' has unknown type 'Conv2d' (known: " + KNOWN + ")"),
                modelFile("layers not an array", "{\"type\":\"Sequential\",\"layers\":{}}", good,
                        "architecture: the root module (Sequential): 'layers': expected an array, got object {}"),
                modelFile("missing setting", "{\"type\":\"Sequential\",\"layers\":[{\"type\":\"LeakyReLU\"}]}", good,
                        "architecture: module '0' (LeakyReLU): missing 'negativeSlope'"),
                modelFile("unexpected setting", "{\"type\":\"ReLU\",\"inplace\":true}", good,
                        "architecture: the root module (ReLU): unexpected key 'inplace'"),
                modelFile("setting of the wrong kind", LINEAR_2_3.replace("2,", "\"2\","), good,
                        "architecture: the root module (Linear): 'inFeatures': expected an integer, got string \"2\""),
                modelFile("setting beyond 32 bits", "{\"type\":\"Softmax\",\"dim\":4294967296}", good,
                        "architecture: the root module (Softmax): 'dim': 4294967296 does not fit in 32 bits"),
                modelFile("setting a layer refuses", "{\"type\":\"Sequential\",\"layers\":[" + LINEAR_2_3
                                + ",{\"type\":\"Dropout\",\"p\":1.5}]}",
                        linear23("0.", Tensor.zeros(3, 2), Tensor.zeros(3)),
                        "architecture: module '1' (Dropout): Dropout: probability p must be in [0, 1), got 1.5"),
                modelFile("layer larger than the file", "{\"type\":\"Linear\",\"inFeatures\":50000,"
                                + "\"outFeatures\":40000,\"bias\":true,\"weightNoise\":0.0}", good,
                        "architecture: the root module (Linear): its parameters and buffers would take 2000040000"
                                + " values, but the file can fill at most " + (9 + (1 << 20)) + " more"),
                modelFile("layers larger than the file together", "{\"type\":\"Sequential\",\"layers\":["
                                + LINEAR_1000_600 + "," + LINEAR_1000_600 + "]}", good,
                        "architecture: module '1' (Linear): its parameters and buffers would take 600600 values, but"
                                + " the file can fill at most " + (9 + (1 << 20) - 600600) + " more"),
                modelFile("missing state", LINEAR_2_3, Map.of("weight", Tensor.zeros(3, 2)),
                        "the state does not match the architecture: loadStateDict: missing [bias]"),
                modelFile("unexpected state", LINEAR_2_3, with(good, "scale", Tensor.ones(1)),
                        "the state does not match the architecture: loadStateDict: unexpected [scale]"),
                modelFile("wrong shape", LINEAR_2_3, linear23("", Tensor.zeros(2, 3), Tensor.zeros(3)),
                        "the state does not match the architecture: loadStateDict: weight: expected shape [3, 2],"
                                + " got [2, 3]"),
                modelFile("mixed dtypes", LINEAR_2_3, linear23("", Tensor.zeros(3, 2).to(DType.FLOAT64),
                                Tensor.zeros(3)),
                        "the state does not match the architecture: bias: expected float64, got float32"),
                modelFile("integer weights", LINEAR_2_3, linear23("", Tensor.zeros(3, 2).to(DType.INT64),
                                Tensor.zeros(3)),
                        "the state does not match the architecture: weight: expected float32, got int64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidModelFiles")
    void refusesWithTheExactProblem(String label, Map<String, Tensor> tensors, Map<String, String> metadata,
            String problem) throws IOException {
        Path file = dir.resolve(label.replace(' ', '-') + ".safetensors");
        new Safetensors(tensors, metadata).write(file);
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFile.load(file));
        assertEquals(problem, e.problem());
    }

    /** A corrupted model file fails as any corrupted safetensors file does. */
    @Test
    void aCorruptedModelFileNamesTheProblem() throws IOException {
        Path file = dir.resolve("model.safetensors");
        ModelFile.save(new Sequential(new Linear(2, 3)), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelFile.load(file));
        assertEquals("tensor '0.weight': data_offsets [12, 36] run past the end of the data (35 bytes)", e.problem());
    }

    private static Map<String, Tensor> with(Map<String, Tensor> state, String name, Tensor tensor) {
        Map<String, Tensor> out = new LinkedHashMap<>(state);
        out.put(name, tensor);
        return out;
    }

    static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
