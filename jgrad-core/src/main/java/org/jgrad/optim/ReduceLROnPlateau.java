package org.jgrad.optim;

import java.util.Objects;

/**
 * Cuts the learning rate when a monitored metric stops improving, as PyTorch's {@code
 * ReduceLROnPlateau}. After each epoch, {@link #step(double)} compares the metric with the best
 * so far: it improves when, in mode {@link Mode#MIN} with relative threshold τ, {@code metric <
 * best·(1 − τ)} (absolute: {@code metric < best − τ}; {@link Mode#MAX} mirrors both). After more
 * than {@code patience} epochs in a row without improvement the rate becomes {@code max(η·factor,
 * minLr)} (unless that changes it by no more than {@code eps}), the count restarts, and the next
 * {@code cooldown} epochs count as no bad epochs. Defaults as PyTorch: mode min, factor 0.1,
 * patience 10, threshold 1e-4 relative, cooldown 0, minLr 0, eps 1e-8.
 */
public final class ReduceLROnPlateau implements LrScheduler {

    private static final String NAME = "ReduceLROnPlateau";

    /** Whether the metric should go down (a loss) or up (an accuracy). */
    public enum Mode {
        /** Lower is better: a loss. */
        MIN,
        /** Higher is better: an accuracy. */
        MAX
    }

    /** Whether the threshold is a fraction of the best value or an amount in the metric's units. */
    public enum ThresholdMode {
        /** Improvement means beating the best by the fraction τ of it. */
        REL,
        /** Improvement means beating the best by τ in the metric's units. */
        ABS
    }

    private final Optimizer optimizer;
    private Mode mode = Mode.MIN;
    private double factor = 0.1;
    private int patience = 10;
    private double threshold = 1e-4;
    private ThresholdMode thresholdMode = ThresholdMode.REL;
    private int cooldown;
    private double minLr;
    private double eps = 1e-8;

    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;
    private int cooldownLeft;

    /** Watches a metric to be minimized and cuts {@code optimizer}'s rate on plateaus. */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
    }

    /** Sets the direction of improvement (default {@link Mode#MIN}); set it before the first step. */
    public ReduceLROnPlateau mode(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        return this;
    }

    /** Sets the factor in (0, 1) that cuts the rate (default 0.1). */
    public ReduceLROnPlateau factor(double factor) {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException(NAME + ": factor must be in (0, 1), got " + factor);
        }
        this.factor = factor;
        return this;
    }

    /** Sets how many epochs without improvement are tolerated before a cut (default 10). */
    public ReduceLROnPlateau patience(int patience) {
        this.patience = Checks.nonNegative(NAME, "patience", patience);
        return this;
    }

    /** Sets the least improvement that counts (default 1e-4, relative). */
    public ReduceLROnPlateau threshold(double threshold) {
        this.threshold = Checks.nonNegative(NAME, "threshold", threshold);
        return this;
    }

    /** Sets whether the threshold is relative or absolute (default relative). */
    public ReduceLROnPlateau thresholdMode(ThresholdMode thresholdMode) {
        this.thresholdMode = Objects.requireNonNull(thresholdMode, "thresholdMode");
        return this;
    }

    /** Sets how many epochs after a cut are not counted as bad (default 0). */
    public ReduceLROnPlateau cooldown(int cooldown) {
        this.cooldown = Checks.nonNegative(NAME, "cooldown", cooldown);
        return this;
    }

    /** Sets the floor of the rate (default 0). */
    public ReduceLROnPlateau minLr(double minLr) {
        this.minLr = Checks.nonNegative(NAME, "minLr", minLr);
        return this;
    }

    /** Sets the smallest change of the rate worth making (default 1e-8). */
    public ReduceLROnPlateau eps(double eps) {
        this.eps = Checks.nonNegative(NAME, "eps", eps);
        return this;
    }

    /** Not available: this schedule needs the metric. */
    @Override
    public void step() {
        throw new IllegalStateException(NAME + ": step() needs the monitored metric; call step(metric)");
    }

    @Override
    public void step(double metric) {
        if (improves(metric)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (cooldownLeft > 0) {
            cooldownLeft--;
            badEpochs = 0;
        }
        if (badEpochs > patience) {
            double old = optimizer.learningRate();
            double reduced = Math.max(old * factor, minLr);
            if (old - reduced > eps) {
                optimizer.setLearningRate(reduced);
            }
            cooldownLeft = cooldown;
            badEpochs = 0;
        }
    }

    private boolean improves(double metric) {
        return switch (mode) {
            case MIN -> metric < (thresholdMode == ThresholdMode.REL ? best * (1 - threshold) : best - threshold);
            case MAX -> metric > (thresholdMode == ThresholdMode.REL ? best * (1 + threshold) : best + threshold);
        };
    }

    /** The best metric seen so far (±infinity before the first step). */
    public double best() {
        return best;
    }

    @Override
    public double learningRate() {
        return optimizer.learningRate();
    }
}
