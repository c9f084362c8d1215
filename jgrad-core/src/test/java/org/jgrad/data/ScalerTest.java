package org.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link StandardScaler} and {@link MinMaxScaler}: fitted on training data only, constant columns, saved state. */
class ScalerTest {

    /** 200 rows: column 0 ~ N(5, 2²), column 1 ~ U(-3, 7), column 2 constant 4; targets alternate. */
    private static DataSet data() {
        Rng rng = new Rng(11);
        float[] values = new float[600];
        long[] targets = new long[200];
        for (int i = 0; i < 200; i++) {
            values[3 * i] = (float) (5 + 2 * rng.nextGaussian());
            values[3 * i + 1] = (float) (-3 + 10 * rng.nextDouble());
            values[3 * i + 2] = 4;
            targets[i] = i % 2;
        }
        return DataSet.of(Tensor.of(values, 200, 3), Tensor.of(targets, 200));
    }

    private static double[] columnMeans(Tensor rows) {
        return rows.to(DType.FLOAT64).mean(0, false).toDoubleArray();
    }

    private static double[] columnStds(Tensor rows) {
        return rows.to(DType.FLOAT64).std(new int[] {0}, 0, false).toDoubleArray();
    }

    @Test
    void standardScalerGivesMeanZeroAndStdOneOnTheTrainingData() {
        Split split = Split.of(data(), 0, 0.25, new Rng(0));
        StandardScaler scaler = StandardScaler.fit(split.train());
        Tensor train = scaler.transform(split.train().features());
        assertArrayEquals(new double[] {0, 0, 0}, columnMeans(train), 1e-6);
        assertArrayEquals(new double[] {1, 1, 0}, columnStds(train), 1e-5, "the constant column maps to 0");
        assertArrayEquals(columnMeans(split.train().features()), scaler.mean().toDoubleArray(), 1e-5);
        // fitted on train only: the test part is scaled with the training statistics
        Tensor test = split.test().features();
        double expected = (test.get(3, 0) - scaler.mean().get(0)) / scaler.std().get(0);
        assertEquals(expected, scaler.transform(test).get(3, 0), 1e-6);
        assertNotEquals(StandardScaler.fit(data()).mean().get(0), scaler.mean().get(0),
                "a scaler fitted on all the data differs from one fitted on its training part");
    }

    @Test
    void minMaxScalerMapsTheTrainingRangeToZeroOne() {
        MinMaxScaler scaler = MinMaxScaler.fit(data());
        Tensor scaled = scaler.transform(data().features());
        assertArrayEquals(new double[] {0, 0, 0}, scaled.amin(new int[] {0}, false).toDoubleArray(), 1e-7);
        assertArrayEquals(new double[] {1, 1, 0}, scaled.amax(new int[] {0}, false).toDoubleArray(), 1e-6);
        assertArrayEquals(data().features().toFloatArray(), scaler.inverseTransform(scaled).toFloatArray(), 1e-5f);
    }

    @Test
    void transformedDataSetsScaleEachBatch() {
        DataSet data = data();
        StandardScaler scaler = StandardScaler.fit(data);
        DataSet scaled = scaler.transform(data);
        Batch batch = scaled.batch(new int[] {7, 3});
        assertArrayEquals(scaler.transform(data.batch(new int[] {7, 3}).features()).toFloatArray(),
                batch.features().toFloatArray());
        assertArrayEquals(new long[] {1, 1}, batch.targets().toLongArray());
        assertEquals(2, scaled.subset(new int[] {7, 3}).size());
        assertArrayEquals(new float[] {batch.features().toFloatArray()[0]},
                new float[] {scaled.subset(new int[] {7}).features().toFloatArray()[0]});
    }

    @Test
    void imagesAreScaledPerPixelBatchByBatch() {
        byte[] pixels = {0, (byte) 255, 10, 20, (byte) 255, (byte) 255, 30, 40};
        ImageDataSet images = ImageDataSet.of(pixels, new int[] {1, 2, 2}, new int[] {0, 1}, List.of());
        StandardScaler scaler = StandardScaler.fit(images);
        assertArrayEquals(new int[] {1, 2, 2}, scaler.mean().shape());
        assertArrayEquals(new float[] {0.5f, 1, 20 / 255f, 30 / 255f}, scaler.mean().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {-1, 0, -1, -1}, scaler.transform(images).batch(new int[] {0}).features()
                .toFloatArray(), 1e-5f);
    }

    @Test
    void stateRoundTrips() {
        for (Scaler scaler : List.<Scaler>of(StandardScaler.fit(data()), MinMaxScaler.fit(data()))) {
            Scaler restored = Scaler.fromState(scaler.state());
            assertEquals(scaler.getClass(), restored.getClass());
            assertArrayEquals(scaler.transform(data().features()).toFloatArray(),
                    restored.transform(data().features()).toFloatArray());
        }
        assertEquals(List.of("mean", "std"), List.copyOf(StandardScaler.fit(data()).state().keySet()));
        assertInstanceOf(MinMaxScaler.class, Scaler.fromState(Map.of("min", Tensor.zeros(2), "max", Tensor.ones(2))));
    }

    @Test
    void badUseIsNamed() {
        StandardScaler scaler = StandardScaler.fit(data());
        assertEquals("StandardScaler: features of shape [4, 2] do not end with the fitted feature shape [3]",
                assertThrows(IllegalArgumentException.class, () -> scaler.transform(Tensor.zeros(4, 2))).getMessage());
        assertEquals("StandardScaler: cannot fit on an empty data set", assertThrows(IllegalArgumentException.class,
                () -> StandardScaler.fit(data().subset(new int[0]))).getMessage());
        assertEquals("Scaler.fromState: not a scaler state (keys [weight]); a StandardScaler has mean and std, a"
                + " MinMaxScaler min and max", assertThrows(IllegalArgumentException.class,
                        () -> Scaler.fromState(Map.of("weight", Tensor.zeros(1)))).getMessage());
        assertEquals("StandardScaler.fromState: no 'std' among [mean]", assertThrows(IllegalArgumentException.class,
                () -> StandardScaler.fromState(Map.of("mean", Tensor.zeros(3)))).getMessage());
        assertEquals("StandardScaler.fromState: 'mean' [3] and 'std' [2] differ in shape",
                assertThrows(IllegalArgumentException.class, () -> StandardScaler.fromState(
                        Map.of("mean", Tensor.zeros(3), "std", Tensor.ones(2)))).getMessage());
        assertEquals("StandardScaler.fromState: 'std' must not be negative, found -1.0",
                assertThrows(IllegalArgumentException.class, () -> StandardScaler.fromState(
                        Map.of("mean", Tensor.zeros(2), "std", Tensor.full(-1, 2)))).getMessage());
        assertEquals("MinMaxScaler.fromState: 'max' is below 'min' for some feature",
                assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fromState(
                        Map.of("min", Tensor.ones(2), "max", Tensor.zeros(2)))).getMessage());
        assertEquals("MinMaxScaler.fromState: 'max' holds NaN", assertThrows(IllegalArgumentException.class,
                () -> MinMaxScaler.fromState(Map.of("min", Tensor.ones(1), "max", Tensor.full(Double.NaN, 1))))
                .getMessage());
    }
}
