package org.jgrad.nn.loss;

import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * Noise injected into class labels, a regularizer of the lecture decks ("injecting noise in
 * output labels"): training on slightly wrong labels keeps a model from pursuing probabilities
 * of exactly 0 and 1. Two forms: {@linkplain #flip random flips} of the labels, here, and
 * label smoothing, the soft, expected version, as {@link CrossEntropyLoss#labelSmoothing}.
 */
public final class LabelNoise {

    private LabelNoise() {
    }

    /**
     * The labels with each one, independently with probability {@code p}, replaced by one of the
     * other {@code classes − 1} classes drawn uniformly; the rest are kept. So a label stays
     * with probability {@code 1 − p} and becomes each given other class with probability
     * {@code p / (classes − 1)}. Draws come from {@code rng}: the same seed flips the same
     * labels. {@code labels} is int64 of any shape with values in {@code [0, classes)}; the
     * result is a new int64 tensor of the same shape.
     */
    public static Tensor flip(Tensor labels, int classes, double p, Rng rng) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("LabelNoise.flip: probability p must be in [0, 1], got " + p);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("LabelNoise.flip: need at least 2 classes to flip between, got "
                    + classes);
        }
        if (labels.dtype() != DType.INT64) {
            throw new IllegalArgumentException("LabelNoise.flip: labels must be int64 class indices, got "
                    + labels.dtype() + " of shape " + Shape.format(labels.shape()));
        }
        long[] values = labels.toLongArray();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= classes) {
                throw new IllegalArgumentException("LabelNoise.flip: label " + values[i] + " at flat position " + i
                        + " is out of range [0, " + classes + ")");
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (rng.nextDouble() < p) {
                long other = rng.nextInt(classes - 1);
                values[i] = other >= values[i] ? other + 1 : other;
            }
        }
        return Tensor.of(values).reshape(labels.shape());
    }
}
