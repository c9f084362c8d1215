package org.jgrad.data;

import java.util.Arrays;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * Per-feature mean, population variance, minimum and maximum of a data set's features, gathered
 * batch by batch in double precision with Welford's update, so a large set (bytes until
 * batched) is never formed as one tensor.
 */
final class FeatureStatistics {

    private static final int BATCH = 1024;

    private final int[] shape;
    private final double[] mean;
    private final double[] squares;
    private final double[] min;
    private final double[] max;
    private long count;

    private FeatureStatistics(int[] shape) {
        this.shape = shape.clone();
        int width = Shape.numel(shape);
        mean = new double[width];
        squares = new double[width];
        min = new double[width];
        max = new double[width];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** The statistics of {@code data}'s features; {@code who} names the caller in the error for an empty set. */
    static FeatureStatistics of(String who, DataSet data) {
        var statistics = new FeatureStatistics(data.featureShape());
        for (Batch batch : DataLoader.of(data, BATCH)) {
            statistics.add(batch.features());
        }
        return statistics.nonEmpty(who);
    }

    /** The statistics of the rows of {@code values} (shape {@code [n, …]}), each row one example. */
    static FeatureStatistics ofRows(String who, Tensor values) {
        int[] shape = values.shape();
        if (shape.length < 1) {
            throw new IllegalArgumentException(who + ": cannot fit on a scalar; give rows of shape [n, ...]");
        }
        var statistics = new FeatureStatistics(Arrays.copyOfRange(shape, 1, shape.length));
        statistics.add(values);
        return statistics.nonEmpty(who);
    }

    private FeatureStatistics nonEmpty(String who) {
        if (count == 0) {
            throw new IllegalArgumentException(who + ": cannot fit on an empty data set");
        }
        return this;
    }

    private void add(Tensor features) {
        double[] values = features.toDoubleArray();
        int width = mean.length;
        for (int row = 0; row < values.length / Math.max(width, 1); row++) {
            count++;
            for (int j = 0; j < width; j++) {
                double x = values[row * width + j];
                double delta = x - mean[j];
                mean[j] += delta / count;
                squares[j] += delta * (x - mean[j]);
                min[j] = Math.min(min[j], x);
                max[j] = Math.max(max[j], x);
            }
        }
    }

    Tensor mean() {
        return tensor(mean);
    }

    /** The population standard deviation (divisor n), as scikit-learn's StandardScaler. */
    Tensor std() {
        double[] std = new double[squares.length];
        for (int j = 0; j < std.length; j++) {
            std[j] = Math.sqrt(squares[j] / count);
        }
        return tensor(std);
    }

    Tensor min() {
        return tensor(min);
    }

    Tensor max() {
        return tensor(max);
    }

    private Tensor tensor(double[] values) {
        float[] floats = new float[values.length];
        for (int j = 0; j < values.length; j++) {
            floats[j] = (float) values[j];
        }
        return Tensor.of(floats, shape);
    }
}
