package org.jgrad.data;

import java.util.Map;
import org.jgrad.Tensor;

/**
 * Standardization: {@code (x − mean) / std} per feature, with the mean and the population
 * standard deviation of the training data (as scikit-learn's {@code StandardScaler}), so every
 * feature has mean 0 and standard deviation 1 there. A constant feature (std 0) is only
 * centred. Its {@link #state()} is {@code mean} and {@code std}.
 */
public final class StandardScaler extends AffineScaler implements Scaler {

    static final String MEAN = "mean";
    static final String STD = "std";

    private StandardScaler(Tensor mean, Tensor std) {
        super("StandardScaler", state(MEAN, mean, STD, std), mean, std);
    }

    /** Fitted on the features of {@code data} (the training data), read batch by batch. */
    public static StandardScaler fit(DataSet data) {
        return of(FeatureStatistics.of("StandardScaler", data));
    }

    /** Fitted on the rows of {@code values} ({@code [n, …]}), e.g. regression targets. */
    public static StandardScaler fit(Tensor values) {
        return of(FeatureStatistics.ofRows("StandardScaler", values));
    }

    private static StandardScaler of(FeatureStatistics statistics) {
        return new StandardScaler(statistics.mean(), statistics.std());
    }

    /** The training mean of each feature. */
    public Tensor mean() {
        return state().get(MEAN);
    }

    /** The training standard deviation of each feature (0 for a constant one). */
    public Tensor std() {
        return state().get(STD);
    }

    /** The scaler whose {@link #state()} this is. */
    public static StandardScaler fromState(Map<String, Tensor> state) {
        Tensor[] tensors = fromState("StandardScaler", state, MEAN, STD);
        if (tensors[1].min().item() < 0) {
            throw new IllegalArgumentException("StandardScaler.fromState: 'std' must not be negative, found "
                    + tensors[1].min().item());
        }
        return new StandardScaler(tensors[0], tensors[1]);
    }
}
