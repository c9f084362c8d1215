package org.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link LabelNoise#flip}: its statistics on many labels with a fixed seed, and its edge cases. */
class LabelNoiseTest {

    private static final int CLASSES = 5;
    private static final int N = 100_000;

    /** {@code N} labels cycling through the classes. */
    private static Tensor labels() {
        long[] values = new long[N];
        Arrays.setAll(values, i -> i % CLASSES);
        return Tensor.of(values);
    }

    /**
     * With p = 0.3 about 30% of the labels change, and a label of class c becomes each other class
     * with probability p/(C − 1) = 0.075 and never stays c when it flips. Bounds are 5 standard
     * deviations of the binomial counts.
     */
    @Test
    void flipsAFractionPToUniformlyDrawnOtherClasses() {
        double p = 0.3;
        long[] before = labels().toLongArray();
        long[] after = LabelNoise.flip(labels(), CLASSES, p, new Rng(11)).toLongArray();
        int[][] counts = new int[CLASSES][CLASSES];
        int changed = 0;
        for (int i = 0; i < N; i++) {
            counts[(int) before[i]][(int) after[i]]++;
            changed += before[i] != after[i] ? 1 : 0;
        }
        assertEquals(p, (double) changed / N, 5 * Math.sqrt(p * (1 - p) / N));
        int perClass = N / CLASSES;
        double toEachOther = p / (CLASSES - 1);
        for (int from = 0; from < CLASSES; from++) {
            for (int to = 0; to < CLASSES; to++) {
                double expected = from == to ? 1 - p : toEachOther;
                assertEquals(expected, (double) counts[from][to] / perClass,
                        5 * Math.sqrt(expected * (1 - expected) / perClass), from + " -> " + to);
            }
        }
    }

    @Test
    void sameSeedSameFlips() {
        Tensor a = LabelNoise.flip(labels(), CLASSES, 0.2, new Rng(3));
        Tensor b = LabelNoise.flip(labels(), CLASSES, 0.2, new Rng(3));
        Tensor c = LabelNoise.flip(labels(), CLASSES, 0.2, new Rng(4));
        assertArrayEquals(a.toLongArray(), b.toLongArray());
        assertFalse(Arrays.equals(a.toLongArray(), c.toLongArray()));
    }

    @Test
    void probabilityZeroKeepsAndOneChangesEveryLabel() {
        assertArrayEquals(labels().toLongArray(), LabelNoise.flip(labels(), CLASSES, 0, new Rng(1)).toLongArray());
        long[] before = labels().toLongArray();
        long[] after = LabelNoise.flip(labels(), CLASSES, 1, new Rng(1)).toLongArray();
        for (int i = 0; i < N; i++) {
            assertTrue(after[i] != before[i] && after[i] >= 0 && after[i] < CLASSES, "label " + i + ": " + after[i]);
        }
        assertArrayEquals(new long[] {1, 0}, LabelNoise.flip(Tensor.of(new long[] {0, 1}), 2, 1, new Rng(1))
                .toLongArray(), "two classes: a flip is the other class");
    }

    @Test
    void keepsTheShapeAndTheCallersTensor() {
        Tensor grid = Tensor.of(new long[] {0, 1, 2, 3, 4, 0}, 2, 3);
        Tensor flipped = LabelNoise.flip(grid, CLASSES, 0.5, new Rng(2));
        assertArrayEquals(new int[] {2, 3}, flipped.shape());
        assertEquals(DType.INT64, flipped.dtype());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 0}, grid.toLongArray());
        assertArrayEquals(new int[0], LabelNoise.flip(Tensor.scalar(2, DType.INT64), CLASSES, 1, new Rng(2)).shape());
    }

    @Test
    void rejectsBadArguments() {
        Tensor labels = Tensor.of(new long[] {0, 7});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelNoise.flip(labels, 5, 0.1, new Rng(0)))
                .getMessage().contains("LabelNoise.flip: label 7 at flat position 1 is out of range [0, 5)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelNoise.flip(labels, 8, 1.1, new Rng(0)))
                .getMessage().contains("probability p must be in [0, 1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LabelNoise.flip(labels, 1, 0.1, new Rng(0)))
                .getMessage().contains("need at least 2 classes"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LabelNoise.flip(Tensor.zeros(2), 3, 0.1, new Rng(0))).getMessage().contains("must be int64"));
    }
}
