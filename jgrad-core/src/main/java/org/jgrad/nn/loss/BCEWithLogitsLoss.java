package org.jgrad.nn.loss;

import java.util.Arrays;
import java.util.List;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * The binary cross-entropy of logits, as PyTorch's {@code nn.BCEWithLogitsLoss}: {@link BCELoss}
 * of {@code σ(x_i)}, computed without ever forming {@code σ(x_i)}. With {@code softplus(z) =
 * log(1 + eᶻ) = max(z, 0) + log(1 + e^(−|z|))}, which cannot overflow,
 *
 * <pre>
 * ℓ_i = (1 − y_i)·softplus(x_i) + w·y_i·softplus(−x_i)
 *     = max(x_i, 0) − x_i·y_i + log(1 + e^(−|x_i|))          (when w = 1)
 * </pre>
 *
 * then reduced (by default the mean). {@code −log σ(x) = softplus(−x)} and {@code −log(1 −
 * σ(x)) = softplus(x)}, so this is the cross-entropy exactly, finite for any logit, with the
 * gradient {@code (1 − y)·σ(x) − w·y·σ(−x)} ({@code σ(x) − y} when {@code w = 1}). The first
 * line is used because each term is then computed without cancellation.
 *
 * <p>The optional {@linkplain #posWeight(Tensor) positive weight} {@code w} multiplies the loss
 * of the positive targets, PyTorch's {@code pos_weight}: {@code w > 1} raises recall on rare
 * positives (e.g. negatives/positives for an unbalanced data set). Given one per class it
 * broadcasts along the last dimension. Input and target of the same shape, any shape;
 * differentiable with respect to both.
 */
public final class BCEWithLogitsLoss extends PointwiseLoss {

    private final Tensor posWeight;

    /** The mean binary cross-entropy of logits. */
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    /** The binary cross-entropies of logits reduced as {@code reduction} says. */
    public BCEWithLogitsLoss(Reduction reduction) {
        this(reduction, null);
    }

    private BCEWithLogitsLoss(Reduction reduction, Tensor posWeight) {
        super(reduction);
        this.posWeight = posWeight;
    }

    /**
     * A copy that weighs the loss of positive targets by {@code posWeight}: a scalar, or one
     * weight per class (shape {@code [C]}) broadcast along the input's last dimension.
     */
    public BCEWithLogitsLoss posWeight(Tensor posWeight) {
        if (!posWeight.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("BCEWithLogitsLoss: posWeight must be floating-point, got "
                    + posWeight.dtype());
        }
        return new BCEWithLogitsLoss(reduction(), posWeight.detach());
    }

    @Override
    Tensor pointwise(Tensor input, Tensor target) {
        Tensor tail = input.abs().neg().exp().add(1).log();
        Tensor softplus = input.relu().add(tail);
        Tensor softplusOfNegative = input.neg().relu().add(tail);
        Tensor positives = target.mul(softplusOfNegative);
        if (posWeight != null) {
            if (!Arrays.equals(Shape.broadcast(name(), posWeight.shape(), input.shape()), input.shape())) {
                throw new IllegalArgumentException(name() + ": posWeight of shape " + Shape.format(posWeight.shape())
                        + " does not broadcast to input " + Shape.format(input.shape()));
            }
            positives = positives.mul(posWeight);
        }
        return target.neg().add(1).mul(softplus).add(positives);
    }

    @Override
    protected List<String> settings() {
        return posWeight == null ? List.of() : List.of("posWeight=" + Arrays.toString(posWeight.toDoubleArray()));
    }
}
