package org.jgrad.data;

import java.util.Map;
import org.jgrad.Tensor;

/**
 * Min-max normalization: {@code (x − min) / (max − min)} per feature, with the minimum and
 * maximum of the training data, so every feature spans {@code [0, 1]} there (new data may fall
 * outside). A constant feature maps to 0.
 */
public final class MinMaxScaler implements Scaler {

    static final String MIN = "min";
    static final String MAX = "max";

    private final Tensor min;
    private final Tensor max;
    private final AffineScaling scaling;

    private MinMaxScaler(Tensor min, Tensor max) {
        this.min = min;
        this.max = max;
        this.scaling = new AffineScaling("MinMaxScaler", min, max.sub(min));
    }

    /** Fitted on the features of {@code data} (the training data), read batch by batch. */
    public static MinMaxScaler fit(DataSet data) {
        var statistics = FeatureStatistics.of("MinMaxScaler", data);
        return new MinMaxScaler(statistics.min(), statistics.max());
    }

    /** Fitted on the rows of {@code values} ({@code [n, …]}). */
    public static MinMaxScaler fit(Tensor values) {
        var statistics = FeatureStatistics.ofRows("MinMaxScaler", values);
        return new MinMaxScaler(statistics.min(), statistics.max());
    }

    /** The training minimum of each feature. */
    public Tensor min() {
        return min;
    }

    /** The training maximum of each feature. */
    public Tensor max() {
        return max;
    }

    @Override
    public Tensor transform(Tensor features) {
        return scaling.transform(features);
    }

    @Override
    public Tensor inverseTransform(Tensor scaled) {
        return scaling.inverse(scaled);
    }

    /** {@code min} and {@code max}, each of the feature shape. */
    @Override
    public Map<String, Tensor> state() {
        return AffineScaling.state(MIN, min, MAX, max);
    }

    /** The scaler whose {@link #state()} this is. */
    public static MinMaxScaler fromState(Map<String, Tensor> state) {
        Tensor[] tensors = AffineScaling.fromState("MinMaxScaler", state, MIN, MAX);
        if (tensors[1].sub(tensors[0]).min().item() < 0) {
            throw new IllegalArgumentException("MinMaxScaler.fromState: 'max' is below 'min' for some feature");
        }
        return new MinMaxScaler(tensors[0], tensors[1]);
    }
}
