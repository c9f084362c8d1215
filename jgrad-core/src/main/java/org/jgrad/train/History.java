package org.jgrad.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The record of a training run, one {@link EpochRecord} per finished epoch, and why it ended
 * early if it did: what {@code Trainer.fit} returns, what a checkpoint stores to resume, and
 * what plots of the learning curves read. Immutable.
 */
public final class History {

    private static final History EMPTY = new History(List.of(), null);

    private final List<EpochRecord> epochs;
    private final String stopReason;

    private History(List<EpochRecord> epochs, String stopReason) {
        this.epochs = epochs;
        this.stopReason = stopReason;
    }

    /** The history of a run that has not finished an epoch yet. */
    public static History empty() {
        return EMPTY;
    }

    /**
     * A history of these epochs, numbered 0, 1, … in order, which ended early for {@code
     * stopReason} ({@code null} when it did not): how a saved history is read back.
     */
    public static History of(List<EpochRecord> epochs, String stopReason) {
        for (int i = 0; i < epochs.size(); i++) {
            if (epochs.get(i).epoch() != i) {
                throw new IllegalArgumentException("History: record " + i + " is of epoch " + epochs.get(i).epoch()
                        + "; epochs must be numbered 0, 1, … in order");
            }
        }
        return new History(List.copyOf(epochs), stopReason);
    }

    /** This history with {@code record}, the next epoch's, appended. */
    History plus(EpochRecord record) {
        List<EpochRecord> longer = new ArrayList<>(epochs);
        longer.add(record);
        return of(longer, stopReason);
    }

    /** This history ended for {@code reason}, or not ended early when {@code null}. */
    History stopped(String reason) {
        return new History(epochs, reason);
    }

    /** Every finished epoch, in order. */
    public List<EpochRecord> epochs() {
        return epochs;
    }

    /** The number of finished epochs, which is also the epoch a resumed run starts at. */
    public int size() {
        return epochs.size();
    }

    /** Whether no epoch has finished. */
    public boolean isEmpty() {
        return epochs.isEmpty();
    }

    /** The record of epoch {@code epoch}. */
    public EpochRecord epoch(int epoch) {
        if (epoch < 0 || epoch >= epochs.size()) {
            throw new IndexOutOfBoundsException("History: no epoch " + epoch + " among " + epochs.size());
        }
        return epochs.get(epoch);
    }

    /** The record of the last finished epoch. */
    public EpochRecord last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("History: no epoch has finished yet");
        }
        return epochs.getLast();
    }

    /** Why training stopped before its last epoch (early stopping, a callback's request), if it did. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** The training loss of every epoch. */
    public double[] trainLoss() {
        return series(EpochRecord::trainLoss);
    }

    /** The validation loss of every epoch (NaN where there was no validation). */
    public double[] validationLoss() {
        return series(EpochRecord::validationLoss);
    }

    /** The learning rate of every epoch. */
    public double[] learningRate() {
        return series(EpochRecord::learningRate);
    }

    /** The training value of metric {@code name} in every epoch. */
    public double[] trainMetric(String name) {
        return series(r -> metric(r.trainMetrics(), name, "training"));
    }

    /** The validation value of metric {@code name} in every epoch. */
    public double[] validationMetric(String name) {
        return series(r -> metric(r.validationMetrics(), name, "validation"));
    }

    private static double metric(Map<String, Double> metrics, String name, String kind) {
        Double value = metrics.get(name);
        if (value == null) {
            throw new IllegalArgumentException("History: no " + kind + " metric '" + name + "'; recorded: "
                    + metrics.keySet());
        }
        return value;
    }

    private double[] series(ToDoubleFunction<EpochRecord> value) {
        return epochs.stream().mapToDouble(value).toArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof History h && epochs.equals(h.epochs) && Objects.equals(stopReason, h.stopReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(epochs, stopReason);
    }

    @Override
    public String toString() {
        return "History(" + epochs.size() + " epochs" + (stopReason == null ? "" : ", stopped: " + stopReason) + ")";
    }
}
