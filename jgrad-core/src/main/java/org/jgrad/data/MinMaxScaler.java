package org.jgrad.data;

import java.util.Map;
import org.jgrad.Tensor;

/**
 * Min-max normalization: {@code (x − min) / (max − min)} per feature, with the minimum and
 * maximum of the training data, so every feature spans {@code [0, 1]} there (new data may fall
 * outside). A constant feature maps to 0. Its {@link #state()} is {@code min} and {@code max}.
 */
public final class MinMaxScaler extends AffineScaler implements Scaler {

    static final String MIN = "min";
    static final String MAX = "max";

    private MinMaxScaler(Tensor min, Tensor max) {
        super("MinMaxScaler", state(MIN, min, MAX, max), min, max.sub(min));
    }

    /** Fitted on the features of {@code data} (the training data), read batch by batch. */
    public static MinMaxScaler fit(DataSet data) {
        return of(FeatureStatistics.of("MinMaxScaler", data));
    }

    /** Fitted on the rows of {@code values} ({@code [n, …]}). */
    public static MinMaxScaler fit(Tensor values) {
        return of(FeatureStatistics.ofRows("MinMaxScaler", values));
    }

    private static MinMaxScaler of(FeatureStatistics statistics) {
        return new MinMaxScaler(statistics.min(), statistics.max());
    }

    /** The training minimum of each feature. */
    public Tensor min() {
        return state().get(MIN);
    }

    /** The training maximum of each feature. */
    public Tensor max() {
        return state().get(MAX);
    }

    /** The scaler whose {@link #state()} this is. */
    public static MinMaxScaler fromState(Map<String, Tensor> state) {
        Tensor[] tensors = fromState("MinMaxScaler", state, MIN, MAX);
        if (tensors[1].sub(tensors[0]).min().item() < 0) {
            throw new IllegalArgumentException("MinMaxScaler.fromState: 'max' is below 'min' for some feature");
        }
        return new MinMaxScaler(tensors[0], tensors[1]);
    }
}
