package org.jgrad.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one epoch of training gave.
 *
 * @param epoch the epoch, counting from 0
 * @param trainLoss the loss function's value on the outputs the model gave while training
 *     through the epoch (the data loss, without the regularizer's penalty), as Keras reports it
 * @param trainMetrics each metric of those same outputs, by name, in the order given
 * @param validationLoss the loss on the validation data after the epoch, in evaluation mode;
 *     NaN when there is no validation data
 * @param validationMetrics each metric on the validation data by name; empty without it
 * @param learningRate the optimizer's learning rate during the epoch
 * @param seconds the wall time of the epoch, validation included
 * @param samplesPerSecond training examples per second of the training part of the epoch
 */
public record EpochRecord(int epoch, double trainLoss, Map<String, Double> trainMetrics, double validationLoss,
        Map<String, Double> validationMetrics, double learningRate, double seconds, double samplesPerSecond) {

    /** Keeps unmodifiable copies of the metric maps in their order. */
    public EpochRecord {
        if (epoch < 0) {
            throw new IllegalArgumentException("EpochRecord: epoch must be non-negative, got " + epoch);
        }
        trainMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(trainMetrics)));
        validationMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(validationMetrics)));
    }

    /** Whether the epoch was validated (its validation loss is not NaN). */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }

    /**
     * The loss that early stopping and plateau schedules watch: the validation loss when there
     * is validation data, else the training loss.
     */
    public double monitoredLoss() {
        return hasValidation() ? validationLoss : trainLoss;
    }
}
