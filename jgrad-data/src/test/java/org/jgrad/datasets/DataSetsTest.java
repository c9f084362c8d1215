package org.jgrad.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jgrad.DType;
import org.jgrad.data.DataSet;
import org.jgrad.data.Task;
import org.junit.jupiter.api.Test;

/** {@link DataSets}: the bundled sets load with their published sizes, classes and names. */
class DataSetsTest {

    private static long[] classCounts(DataSet data) {
        long[] counts = new long[data.classCount()];
        for (long c : data.targets().toLongArray()) {
            counts[(int) c]++;
        }
        return counts;
    }

    @Test
    void iris() {
        DataSet iris = DataSets.load("iris");
        assertArrayEquals(new int[] {150, 4}, iris.features().shape());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), iris.featureNames());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertArrayEquals(new long[] {50, 50, 50}, classCounts(iris));
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, iris.batch(new int[] {0}).features().toFloatArray());
    }

    @Test
    void breastCancer() {
        DataSet cancer = DataSets.load("breast-cancer");
        assertArrayEquals(new int[] {569, 30}, cancer.features().shape());
        assertEquals(List.of("benign", "malignant"), cancer.classNames());
        assertArrayEquals(new long[] {357, 212}, classCounts(cancer));
        assertEquals("mean_radius", cancer.featureNames().getFirst());
    }

    @Test
    void digits() {
        DataSet digits = DataSets.load("digits");
        assertArrayEquals(new int[] {1797, 64}, digits.features().shape());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), digits.classNames());
        assertEquals("pixel_0_0", digits.featureNames().getFirst());
        assertEquals("pixel_7_7", digits.featureNames().getLast());
        assertEquals(0, digits.features().min().item());
        assertEquals(16, digits.features().max().item());
        assertEquals(0, digits.targets().get(0));
    }

    @Test
    void diabetes() {
        DataSet diabetes = DataSets.load("diabetes");
        assertArrayEquals(new int[] {442, 10}, diabetes.features().shape());
        assertArrayEquals(new int[] {442, 1}, diabetes.targets().shape());
        assertEquals(DType.FLOAT32, diabetes.targets().dtype());
        assertEquals(false, diabetes.isClassification());
        assertEquals(151, diabetes.targets().get(0, 0));
        assertEquals(Task.REGRESSION, DataSets.schema("diabetes").task());
        assertEquals(List.of("progression", "regression"), DataSets.schema("diabetes").describe().get("target"));
    }

    @Test
    void namesAndUnknownNames() {
        assertEquals(List.of("breast_cancer", "diabetes", "digits", "iris"), DataSets.names());
        assertEquals("DataSets: no bundled data set 'mnist'; the bundled ones are breast_cancer, diabetes, digits, iris",
                assertThrows(IllegalArgumentException.class, () -> DataSets.load("mnist")).getMessage());
    }
}
