package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.jgrad.nn.BatchNorm1d;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.ELU;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.GaussianNoise;
import org.jgrad.nn.Identity;
import org.jgrad.nn.LeakyReLU;
import org.jgrad.nn.Linear;
import org.jgrad.nn.LogSoftmax;
import org.jgrad.nn.Maxout;
import org.jgrad.nn.Module;
import org.jgrad.nn.PReLU;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.Sigmoid;
import org.jgrad.nn.Softmax;
import org.jgrad.nn.Softplus;
import org.jgrad.nn.Tanh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ModelFile}: every layer type round-trips exactly, with its extras, in a file of known layout. */
class ModelFileTest {

    @TempDir
    Path dir;

    /** Every savable layer type, with settings off their defaults, nested once. */
    static Sequential everyLayer() {
        return new Sequential(
                new Linear(6, 8),
                new BatchNorm1d(8, 1e-3, 0.2),
                new PReLU(8, 0.1),
                new Linear(8, 8, false).weightNoise(0.05),
                new LeakyReLU(0.2),
                new ELU(0.5),
                new Dropout(0.3),
                new GaussianNoise(0.1),
                new Softplus(2, 10),
                new Maxout(8, 4, 3),
                new Sequential(new Tanh(), new Identity(), new Sigmoid(), new ReLU(), new PReLU()),
                new Flatten(1, -1),
                new Linear(4, 5),
                new Softmax(1),
                new LogSoftmax(-1));
    }

    /** {@link #everyLayer()} in {@code dtype}, seeded, its running statistics moved by training passes. */
    private static Sequential trained(DType dtype) {
        Sequential model = everyLayer();
        model.initialize(new Rng(3));
        model.to(dtype);
        Rng rng = new Rng(4);
        try (var scope = GradMode.noGrad()) {
            for (int i = 0; i < 3; i++) {
                model.forward(Tensor.randn(rng, dtype, 16, 6));
            }
        }
        return model;
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void everyLayerRoundTripsBitForBit(DType dtype) throws IOException {
        Sequential model = trained(dtype);
        Path file = dir.resolve("model.safetensors");
        ModelFile.save(model, file);
        Module loaded = ModelFile.load(file).model();

        assertEquals(model.toString(), loaded.toString());
        assertFalse(loaded.isTraining(), "a loaded model is ready to predict");
        Map<String, Tensor> expected = model.stateDict();
        Map<String, Tensor> actual = loaded.stateDict();
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
        expected.forEach((name, tensor) -> {
            assertEquals(tensor.dtype(), actual.get(name).dtype(), name);
            assertArrayEquals(tensor.shape(), actual.get(name).shape(), name);
            assertArrayEquals(bits(tensor), bits(actual.get(name)), name);
        });
        assertEquals(dtype, ((Linear) ((Sequential) loaded).get(0)).weight().value().dtype());
        assertEquals(0.1, ((PReLU) ((Sequential) loaded).get(2)).initialSlope());

        Tensor x = Tensor.randn(new Rng(9), dtype, 5, 6);
        model.eval();
        try (var scope = GradMode.noGrad()) {
            assertArrayEquals(bits(model.forward(x)), bits(loaded.forward(x)));
        }
    }

    @Test
    void savingTwiceGivesTheSameBytes() throws IOException {
        Path first = dir.resolve("first.safetensors");
        Path second = dir.resolve("second.safetensors");
        ModelFile.save(trained(DType.FLOAT32), first);
        ModelFile.save(trained(DType.FLOAT32), second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void extrasComeBackAsStored() throws IOException {
        Tensor mean = Tensor.of(new float[] {5.8f, 3.1f});
        Tensor std = Tensor.of(new double[] {0.83, 0.44});
        Tensor counts = Tensor.of(new long[] {50, 50, 50});
        List<String> classes = List.of("setosa", "versicolor", "virginica");
        Path file = dir.resolve("iris.safetensors");
        ModelFile.of(new Sequential(new Linear(2, 3)))
                .withTensor("scaler.mean", mean).withTensor("scaler.std", std).withTensor("counts", counts)
                .withMetadata("classes", Json.strings(classes).toJson())
                .withMetadata("command", "jgrad train --data iris.csv --target \"species\"")
                .save(file);

        ModelFile loaded = ModelFile.load(file);
        assertEquals(List.of("counts", "scaler.std", "scaler.mean"), List.copyOf(loaded.tensors().keySet()),
                "in file order: I64, F64, F32");
        assertArrayEquals(mean.toFloatArray(), loaded.tensors().get("scaler.mean").toFloatArray());
        assertEquals(DType.FLOAT64, loaded.tensors().get("scaler.std").dtype());
        assertArrayEquals(std.toDoubleArray(), loaded.tensors().get("scaler.std").toDoubleArray());
        assertArrayEquals(counts.toLongArray(), loaded.tensors().get("counts").toLongArray());
        assertEquals(Map.of("classes", "[\"setosa\",\"versicolor\",\"virginica\"]",
                "command", "jgrad train --data iris.csv --target \"species\""), loaded.metadata());
        assertEquals(classes, Json.parse(loaded.metadata().get("classes")).asStrings());
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(loaded.model().stateDict().keySet()));
    }

    /** The whole file, read here byte by byte: header length, header text, tensor data at its offsets. */
    @Test
    void fileHasTheDocumentedLayout() throws IOException {
        Linear first = new Linear(2, 3);
        Linear last = new Linear(3, 1, false);
        Path file = dir.resolve("layout.safetensors");
        ModelFile.of(new Sequential(first, new ReLU(), last))
                .withTensor("steps", Tensor.of(new long[] {7}))
                .withMetadata("note", "é")
                .save(file);
        byte[] bytes = Files.readAllBytes(file);

        String architecture = "{\"type\":\"Sequential\",\"layers\":["
                + "{\"type\":\"Linear\",\"inFeatures\":2,\"outFeatures\":3,\"bias\":true,\"weightNoise\":0.0},"
                + "{\"type\":\"ReLU\"},"
                + "{\"type\":\"Linear\",\"inFeatures\":3,\"outFeatures\":1,\"bias\":false,\"weightNoise\":0.0}]}";
        String header = "{\"__metadata__\":{\"extra.note\":\"é\",\"jgrad.architecture\":"
                + Json.of(architecture).toJson() + ",\"jgrad.format\":\"1\"},"
                + "\"extra.steps\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"0.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[8,20]},"
                + "\"0.weight\":{\"dtype\":\"F32\",\"shape\":[3,2],\"data_offsets\":[20,44]},"
                + "\"2.weight\":{\"dtype\":\"F32\",\"shape\":[1,3],\"data_offsets\":[44,56]}}";
        ByteBuffer data = RawBytes.assertLayout(bytes, header, 56);
        assertEquals(7, data.getLong(0));
        float[] bias = first.bias().value().toFloatArray();
        float[] weight = first.weight().value().toFloatArray();
        for (int i = 0; i < 3; i++) {
            assertEquals(bias[i], data.getFloat(8 + 4 * i));
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(weight[i], data.getFloat(20 + 4 * i));
        }
        assertEquals(last.weight().value().get(0, 2), data.getFloat(52));
    }

    @Test
    void aModelWithoutParametersRoundTrips() throws IOException {
        Path file = dir.resolve("relu.safetensors");
        ModelFile.save(new ReLU(), file);
        Module loaded = ModelFile.load(file).model();
        assertTrue(loaded instanceof ReLU);
        assertTrue(loaded.stateDict().isEmpty());
    }

    private static long[] bits(Tensor tensor) {
        double[] values = tensor.toDoubleArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }
}
