package org.jgrad.data;

import java.util.Map;
import org.jgrad.Tensor;

/**
 * Standardization: {@code (x − mean) / std} per feature, with the mean and the population
 * standard deviation of the training data (as scikit-learn's {@code StandardScaler}), so every
 * feature has mean 0 and standard deviation 1 there. A constant feature (std 0) is only
 * centred.
 */
public final class StandardScaler implements Scaler {

    static final String MEAN = "mean";
    static final String STD = "std";

    private final Tensor mean;
    private final Tensor std;
    private final AffineScaling scaling;

    private StandardScaler(Tensor mean, Tensor std) {
        this.mean = mean;
        this.std = std;
        this.scaling = new AffineScaling("StandardScaler", mean, std);
    }

    /** Fitted on the features of {@code data} (the training data), read batch by batch. */
    public static StandardScaler fit(DataSet data) {
        var statistics = FeatureStatistics.of("StandardScaler", data);
        return new StandardScaler(statistics.mean(), statistics.std());
    }

    /** Fitted on the rows of {@code values} ({@code [n, …]}), e.g. regression targets. */
    public static StandardScaler fit(Tensor values) {
        var statistics = FeatureStatistics.ofRows("StandardScaler", values);
        return new StandardScaler(statistics.mean(), statistics.std());
    }

    /** The training mean of each feature. */
    public Tensor mean() {
        return mean;
    }

    /** The training standard deviation of each feature (0 for a constant one). */
    public Tensor std() {
        return std;
    }

    @Override
    public Tensor transform(Tensor features) {
        return scaling.transform(features);
    }

    @Override
    public Tensor inverseTransform(Tensor scaled) {
        return scaling.inverse(scaled);
    }

    /** {@code mean} and {@code std}, each of the feature shape. */
    @Override
    public Map<String, Tensor> state() {
        return AffineScaling.state(MEAN, mean, STD, std);
    }

    /** The scaler whose {@link #state()} this is. */
    public static StandardScaler fromState(Map<String, Tensor> state) {
        Tensor[] tensors = AffineScaling.fromState("StandardScaler", state, MEAN, STD);
        if (tensors[1].min().item() < 0) {
            throw new IllegalArgumentException("StandardScaler.fromState: 'std' must not be negative, found "
                    + tensors[1].min().item());
        }
        return new StandardScaler(tensors[0], tensors[1]);
    }
}
