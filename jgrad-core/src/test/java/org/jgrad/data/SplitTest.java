package org.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link Split}: stratified, seeded, disjoint, and views of the original examples. */
class SplitTest {

    /** 100 examples whose one feature is their index; 50 of class 0, 30 of class 1, 20 of class 2, interleaved. */
    private static DataSet unbalanced() {
        float[] features = new float[100];
        long[] targets = new long[100];
        for (int i = 0; i < 100; i++) {
            features[i] = i;
            targets[i] = i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2;
        }
        return DataSet.of(Tensor.of(features, 100, 1), Tensor.of(targets, 100));
    }

    /** The original indices of a part's examples (its feature is the index). */
    private static int[] indices(DataSet part) {
        return part.size() == 0 ? new int[0]
                : Arrays.stream(part.features().toDoubleArray()).mapToInt(v -> (int) v).toArray();
    }

    private static long[] classCounts(DataSet part) {
        long[] counts = new long[3];
        for (long c : part.targets().toLongArray()) {
            counts[(int) c]++;
        }
        return counts;
    }

    @Test
    void stratifiedSplitKeepsEachClassInProportion() {
        Split split = Split.of(unbalanced(), 0.2, 0.1, new Rng(0));
        assertArrayEquals(new long[] {35, 21, 14}, classCounts(split.train()));
        assertArrayEquals(new long[] {10, 6, 4}, classCounts(split.validation()));
        assertArrayEquals(new long[] {5, 3, 2}, classCounts(split.test()));
        int[] all = new int[100];
        for (DataSet part : List.of(split.train(), split.validation(), split.test())) {
            int[] members = indices(part);
            int[] sorted = members.clone();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, members, "each part keeps the original order");
            for (int i : members) {
                all[i]++;
            }
            for (int i = 0; i < part.size(); i++) {
                assertEquals(unbalanced().targets().get(members[i]), part.targets().get(i));
            }
        }
        int[] once = new int[100];
        Arrays.fill(once, 1);
        assertArrayEquals(once, all, "every example in exactly one part");
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        Split a = Split.of(unbalanced(), 0.2, 0.1, new Rng(5));
        Split b = Split.of(unbalanced(), 0.2, 0.1, new Rng(5));
        Split c = Split.of(unbalanced(), 0.2, 0.1, new Rng(6));
        assertArrayEquals(indices(a.test()), indices(b.test()));
        assertArrayEquals(indices(a.validation()), indices(b.validation()));
        assertFalse(Arrays.equals(indices(a.test()), indices(c.test())));
    }

    @Test
    void randomSplitIgnoresClassesAndServesRegression() {
        DataSet regression = DataSet.of(Tensor.arange(0, 10, 1).reshape(10, 1), Tensor.zeros(10, 1));
        Split split = Split.of(regression, 0, 0.3, new Rng(1));
        assertEquals(7, split.train().size());
        assertEquals(0, split.validation().size());
        assertEquals(3, split.test().size());
        Split unstratified = Split.random(unbalanced(), 0.5, 0.25, new Rng(2));
        assertEquals(List.of(25, 50, 25), List.of(unstratified.train().size(), unstratified.validation().size(),
                unstratified.test().size()));
    }

    @Test
    void badFractionsAreNamed() {
        DataSet data = unbalanced();
        assertEquals("Split: validation and test fractions must sum below 1 (leaving examples to train on), got"
                + " 0.5 + 0.5 = 1.0", assertThrows(IllegalArgumentException.class,
                        () -> Split.of(data, 0.5, 0.5, new Rng(0))).getMessage());
        assertEquals("Split: test fraction must be in [0, 1), got -0.1", assertThrows(IllegalArgumentException.class,
                () -> Split.of(data, 0.2, -0.1, new Rng(0))).getMessage());
        assertEquals("Split: validation fraction must be in [0, 1), got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> Split.random(data, Double.NaN, 0.1, new Rng(0))).getMessage());
    }
}
