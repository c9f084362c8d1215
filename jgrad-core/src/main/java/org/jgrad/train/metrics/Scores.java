package org.jgrad.train.metrics;

/**
 * What a classifier's output holds, which decides how a binary output is thresholded and how
 * the log-loss reads it. A multi-class output {@code [n, C]} predicts the class of its largest
 * score either way.
 */
public enum Scores {
    /**
     * Unnormalized scores, as the losses of {@code org.jgrad.nn.loss} take them ({@code
     * CrossEntropyLoss}, {@code BCEWithLogitsLoss}): softmax (sigmoid for one column) gives the
     * probabilities, and a binary output predicts class 1 when it is above 0.
     */
    LOGITS(0),
    /**
     * Probabilities, as a network ending in {@code Softmax} or {@code Sigmoid} gives them; a
     * binary output predicts class 1 when it is above 0.5.
     */
    PROBABILITIES(0.5);

    private final double threshold;

    Scores(double threshold) {
        this.threshold = threshold;
    }

    /** The score above which a one-column output predicts class 1. */
    public double threshold() {
        return threshold;
    }
}
