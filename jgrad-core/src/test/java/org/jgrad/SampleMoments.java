package org.jgrad;

import java.util.Arrays;

/** Sample mean and unbiased variance, for the statistical tests of random draws. */
public final class SampleMoments {

    private SampleMoments() {
    }

    /** The arithmetic mean. */
    public static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    /** The unbiased sample variance (divisor n − 1). */
    public static double variance(double[] values) {
        double m = mean(values);
        return Arrays.stream(values).map(v -> (v - m) * (v - m)).sum() / (values.length - 1);
    }
}
