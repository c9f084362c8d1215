package org.jgrad.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * The median, minimum and maximum of some measurements, NaNs left out; all three NaN when none
 * remains.
 */
record Spread(double median, double min, double max) {

    /** The spread of {@code values}, ignoring NaNs. */
    static Spread of(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted()
                .toArray();
        if (sorted.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN);
        }
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Spread(median, sorted[0], sorted[sorted.length - 1]);
    }

    /** {@code (max − min) / median}: how far apart the measurements lie, relative to their median. */
    double relative() {
        return (max - min) / median;
    }

    /** E.g. {@code 1.23 [1.10–1.40]} with {@code format} {@code %.2f}; {@code -} when empty. */
    String format(String format) {
        if (Double.isNaN(median)) {
            return "-";
        }
        String m = String.format(Locale.ROOT, format, median);
        return min == max ? m : m + " [" + String.format(Locale.ROOT, format, min) + "–"
                + String.format(Locale.ROOT, format, max) + "]";
    }

    /** The spread of {@code values}, ignoring NaNs. */
    static Spread of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }
}
