package org.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link DataLoader} batches: every example once per pass, the rows that belong to the indices. */
class DataLoaderTest {

    /** Ten examples whose two features are {@code 10·i} and {@code 10·i + 1}, targets {@code i % 3}. */
    private static DataSet tenExamples() {
        float[] features = new float[20];
        long[] targets = new long[10];
        for (int i = 0; i < 10; i++) {
            features[2 * i] = 10 * i;
            features[2 * i + 1] = 10 * i + 1;
            targets[i] = i % 3;
        }
        return DataSet.of(Tensor.of(features, 10, 2), Tensor.of(targets, 10));
    }

    private static List<Integer> visited(Iterable<Batch> loader) {
        List<Integer> order = new ArrayList<>();
        for (Batch batch : loader) {
            for (int i = 0; i < batch.size(); i++) {
                int example = batch.indices()[i];
                order.add(example);
                assertEquals(10 * example, batch.features().get(i, 0));
                assertEquals(10 * example + 1, batch.features().get(i, 1));
                assertEquals(example % 3, batch.targets().get(i));
            }
        }
        return order;
    }

    @Test
    void inOrderBatchesCoverTheSetWithASmallerLastBatch() {
        DataLoader loader = DataLoader.of(tenExamples(), 4);
        assertEquals(3, loader.batchCount());
        List<Integer> sizes = new ArrayList<>();
        loader.forEach(batch -> sizes.add(batch.size()));
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), visited(loader));
    }

    @Test
    void dropLastLeavesOutTheShortBatch() {
        DataLoader loader = DataLoader.of(tenExamples(), 4).dropLast();
        assertEquals(2, loader.batchCount());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), visited(loader));
    }

    @Test
    void shufflingVisitsEveryExampleOnceInANewOrderEachPassAndRepeatsWithTheSeed() {
        DataLoader loader = DataLoader.of(tenExamples(), 3).shuffle(new Rng(7));
        List<Integer> first = visited(loader);
        List<Integer> second = visited(loader);
        assertNotEquals(first, second);
        for (List<Integer> pass : List.of(first, second)) {
            Integer[] sorted = pass.toArray(Integer[]::new);
            Arrays.sort(sorted);
            assertArrayEquals(new Integer[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
        }
        DataLoader again = DataLoader.of(tenExamples(), 3).shuffle(new Rng(7));
        assertEquals(first, visited(again));
        assertEquals(second, visited(again));
    }

    @Test
    void subsetsSelectWithoutLosingTheirPlace() {
        DataSet subset = tenExamples().subset(new int[] {9, 2, 5});
        assertEquals(3, subset.size());
        Batch batch = subset.batch(new int[] {1, 2});
        assertEquals(20, batch.features().get(0, 0));
        assertEquals(50, batch.features().get(1, 0));
        assertEquals(2, batch.targets().get(0));
        assertArrayEquals(new int[] {1, 2}, batch.indices());
        assertEquals(3, subset.classCount());
    }

    @Test
    void badInputIsNamed() {
        DataSet data = tenExamples();
        assertEquals("DataSet: index 10 (position 1) is out of range for a data set of 10 examples",
                assertThrows(IndexOutOfBoundsException.class, () -> data.batch(new int[] {0, 10})).getMessage());
        assertEquals("DataSet.of: features [10, 2] and targets [9] must have the same first extent",
                assertThrows(IllegalArgumentException.class,
                        () -> DataSet.of(Tensor.zeros(10, 2), Tensor.zeros(9))).getMessage());
        assertEquals("DataSet: 3 feature names for features of shape [2]",
                assertThrows(IllegalArgumentException.class,
                        () -> data.withNames(List.of("a", "b", "c"), List.of())).getMessage());
        assertEquals("DataSet: class index 2 has no name among 2 class names",
                assertThrows(IllegalArgumentException.class,
                        () -> data.withNames(List.of(), List.of("x", "y"))).getMessage());
        assertEquals("DataLoader: batch size must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> DataLoader.of(data, 0)).getMessage());
    }
}
