package org.jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Rng} reproduces SplitMix64 ({@link SplittableRandom}) bit for bit, and its derived draws. */
class RngTest {

    private static final long[] SEEDS = {0, 1, -1, 42, Long.MIN_VALUE, 0x9e3779b97f4a7c15L};

    @Test
    void nextLongIsBitIdenticalToSplittableRandom() {
        for (long seed : SEEDS) {
            Rng rng = new Rng(seed);
            SplittableRandom reference = new SplittableRandom(seed);
            for (int i = 0; i < 5000; i++) {
                assertEquals(reference.nextLong(), rng.nextLong(), "seed " + seed + ", draw " + i);
            }
        }
    }

    @Test
    void nextDoubleUsesTheTop53BitsAsSplittableRandomDoes() {
        Rng rng = new Rng(5);
        SplittableRandom reference = new SplittableRandom(5);
        for (int i = 0; i < 1000; i++) {
            assertEquals(reference.nextDouble(), rng.nextDouble());
        }
    }

    @Test
    void splitIsBitIdenticalToSplittableRandom() {
        for (long seed : SEEDS) {
            Rng parent = new Rng(seed);
            SplittableRandom referenceParent = new SplittableRandom(seed);
            parent.nextLong();
            referenceParent.nextLong();
            Rng child = parent.split();
            SplittableRandom referenceChild = referenceParent.split();
            Rng grandchild = child.split();
            SplittableRandom referenceGrandchild = referenceChild.split();
            for (int i = 0; i < 2000; i++) {
                assertEquals(referenceChild.nextLong(), child.nextLong(), "child of seed " + seed + ", draw " + i);
                assertEquals(referenceParent.nextLong(), parent.nextLong(), "parent of seed " + seed + ", draw " + i);
                assertEquals(referenceGrandchild.nextLong(), grandchild.nextLong(), "grandchild, draw " + i);
            }
        }
    }

    @Test
    void splitStreamsDifferFromTheParentAndFromEachOther() {
        Rng parent = new Rng(11);
        Rng first = parent.split();
        Rng second = parent.split();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(parent.nextLong());
            seen.add(first.nextLong());
            seen.add(second.nextLong());
        }
        assertEquals(3000, seen.size(), "three streams of 1000 64-bit values should not collide");
    }

    @Test
    void splittingAdvancesTheParent() {
        Rng split = new Rng(12);
        split.split();
        assertNotEquals(new Rng(12).nextLong(), split.nextLong());
    }

    @Test
    void nextIntStaysInRangeAndIsRoughlyUniform() {
        Rng rng = new Rng(13);
        int bound = 7;
        int draws = 70_000;
        int[] counts = new int[bound];
        for (int i = 0; i < draws; i++) {
            int v = rng.nextInt(bound);
            assertTrue(v >= 0 && v < bound, "nextInt(7) gave " + v);
            counts[v]++;
        }
        double expected = (double) draws / bound;
        double chiSquare = 0;
        for (int c : counts) {
            chiSquare += (c - expected) * (c - expected) / expected;
        }
        // 6 degrees of freedom: P(chi² > 22.46) = 0.001.
        assertTrue(chiSquare < 22.46, "chi² = " + chiSquare);
    }

    @Test
    void nextIntWithExtremeBounds() {
        Rng rng = new Rng(14);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, rng.nextInt(1));
        }
        boolean upperHalf = false;
        for (int i = 0; i < 1000; i++) {
            int v = rng.nextInt(Integer.MAX_VALUE);
            assertTrue(v >= 0);
            upperHalf |= v > Integer.MAX_VALUE / 2;
        }
        assertTrue(upperHalf);
        var e = assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void nextFloatAndNextDoubleLieInTheUnitInterval() {
        Rng rng = new Rng(15);
        double sum = 0;
        for (int i = 0; i < 10_000; i++) {
            float f = rng.nextFloat();
            double d = rng.nextDouble();
            assertTrue(f >= 0 && f < 1);
            assertTrue(d >= 0 && d < 1);
            sum += f;
        }
        assertEquals(0.5, sum / 10_000, 5 * Math.sqrt(1.0 / 12 / 10_000));
    }

    @Test
    void nextGaussianHasStandardNormalMoments() {
        Rng rng = new Rng(16);
        int n = 100_000;
        double sum = 0;
        double sumSquares = 0;
        double sumFourth = 0;
        for (int i = 0; i < n; i++) {
            double g = rng.nextGaussian();
            assertTrue(Double.isFinite(g));
            sum += g;
            sumSquares += g * g;
            sumFourth += g * g * g * g;
        }
        double mean = sum / n;
        assertEquals(0, mean, 5 / Math.sqrt(n));
        assertEquals(1, sumSquares / n - mean * mean, 5 * Math.sqrt(2.0 / n));
        assertEquals(3, sumFourth / n, 5 * Math.sqrt(96.0 / n));
    }

    @Test
    void theSameSeedGivesTheSameGaussians() {
        Rng a = new Rng(17);
        Rng b = new Rng(17);
        for (int i = 0; i < 100; i++) {
            assertEquals(Double.doubleToRawLongBits(a.nextGaussian()), Double.doubleToRawLongBits(b.nextGaussian()));
        }
    }

    @Test
    void permutationsAreUniformOverTheSixOrdersOfThree() {
        Rng rng = new Rng(11);
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        int draws = 60_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(java.util.Arrays.toString(rng.permutation(3)), 1, Integer::sum);
        }
        assertEquals(6, counts.size());
        for (int count : counts.values()) {
            // 10,000 expected; the standard deviation is ~91, so 5 sigma is ~460.
            assertTrue(Math.abs(count - draws / 6) < 460, counts.toString());
        }
    }

    @Test
    void aRestoredStateContinuesTheSameStream() {
        Rng rng = new Rng(3).split();
        rng.nextLong();
        Rng copy = Rng.restore(rng.state());
        for (int i = 0; i < 100; i++) {
            assertEquals(rng.nextLong(), copy.nextLong());
        }
        var error = assertThrows(IllegalArgumentException.class, () -> Rng.restore(new long[] {1, 2}));
        assertEquals("Rng.restore: not a generator state (two longs, the second odd)", error.getMessage());
    }
}
