package org.jgrad.data;

import java.util.Map;
import java.util.TreeSet;
import org.jgrad.Tensor;

/**
 * A per-feature rescaling learned from training data, applied unchanged to validation, test and
 * new data. Fit on the training part only, so no statistic of the held-out data leaks into
 * training; save {@link #state()} with the model and restore it with {@link #fromState(Map)}.
 */
public sealed interface Scaler permits StandardScaler, MinMaxScaler {

    /** The scaled features; {@code features} has shape {@code [n, featureShape…]} (or just {@code featureShape}). */
    Tensor transform(Tensor features);

    /** The features that {@link #transform(Tensor)} maps to {@code scaled}. */
    Tensor inverseTransform(Tensor scaled);

    /** {@code data} with scaled features, scaled batch by batch as they are formed. */
    default DataSet transform(DataSet data) {
        return data.mapFeatures(this::transform);
    }

    /** The fitted statistics, by name, for a model file. */
    Map<String, Tensor> state();

    /** The scaler whose {@link #state()} this is: a {@link StandardScaler} or a {@link MinMaxScaler}. */
    static Scaler fromState(Map<String, Tensor> state) {
        if (state.containsKey(StandardScaler.MEAN)) {
            return StandardScaler.fromState(state);
        }
        if (state.containsKey(MinMaxScaler.MIN)) {
            return MinMaxScaler.fromState(state);
        }
        throw new IllegalArgumentException("Scaler.fromState: not a scaler state (keys " + new TreeSet<>(state.keySet())
                + "); a StandardScaler has mean and std, a MinMaxScaler min and max");
    }
}
