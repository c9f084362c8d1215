package org.jgrad.backend.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vector exp against {@link StrictMath#exp}, bit for bit, on every branch of fdlibm's algorithm and its edges. */
class StrictExpTest {

    private static void assertSameBitsAsStrictMath(double[] x) {
        double[] out = new double[x.length];
        StrictExp.exp(x, 0, out, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            double expected = StrictMath.exp(x[i]);
            if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(out[i])
                    && !(Double.isNaN(expected) && Double.isNaN(out[i]))) {
                fail("exp(" + x[i] + " = 0x" + Long.toHexString(Double.doubleToRawLongBits(x[i])) + "): StrictMath "
                        + expected + ", vector " + out[i] + " (element " + i + " of " + x.length + ")");
            }
        }
    }

    @Test
    void uniformValuesOverTheWholeRangeOfFiniteResults() {
        SplittableRandom random = new SplittableRandom(1);
        for (double range : new double[] {1e-9, 1e-3, 0.5, 1.1, 3, 40, 710, 760}) {
            assertSameBitsAsStrictMath(random.doubles(200_003, -range, range).toArray());
        }
    }

    @Test
    void randomBitPatternsIncludingNaNsAndSubnormals() {
        SplittableRandom random = new SplittableRandom(2);
        double[] x = new double[500_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Double.longBitsToDouble(random.nextLong());
        }
        assertSameBitsAsStrictMath(x);
    }

    @Test
    void theBoundsBetweenBranchesAndTheSpecialValues() {
        List<Double> x = new ArrayList<>();
        long[] highWords = {0x3fd62e42L, 0x3FF0A2B2L, 0x3e300000L, 0x40862E42L, 0x7ff00000L};
        double[] thresholds = {0x1.62e42fefa39efp9, -0x1.74910d52d3051p9, Math.log(2) / 2, 1.5 * Math.log(2),
            -708.3964185322641, -709.0895657128241, -744.44007192138126};
        for (long high : highWords) {
            for (long bits = (high << 32) - 3; bits <= (high << 32) + 3; bits++) {
                x.add(Double.longBitsToDouble(bits));
                x.add(-Double.longBitsToDouble(bits));
            }
        }
        for (double t : thresholds) {
            for (double v = Math.nextDown(Math.nextDown(t)); v <= Math.nextUp(Math.nextUp(t)); v = Math.nextUp(v)) {
                x.add(v);
                x.add(-v);
            }
        }
        for (double special : new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.longBitsToDouble(0xfff8000000000001L), 1.0, -1.0}) {
            x.add(special);
        }
        assertSameBitsAsStrictMath(x.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Test
    void writesOnlyItsRangeAndWorksInPlace() {
        double[] data = {9, 9, -1, 0.5, 2, -3, 4, -5, 6, -7, 8, 9, -10, 9};
        double[] expected = data.clone();
        for (int i = 2; i < 13; i++) {
            expected[i] = StrictMath.exp(data[i]);
        }
        StrictExp.exp(data, 2, data, 2, 11);
        for (int i = 0; i < data.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(data[i]), "element " + i);
        }
    }
}
