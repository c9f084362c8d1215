package org.jgrad.nn.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jgrad.DType;
import org.jgrad.Tensor;

/**
 * The cross-entropy of logits, as PyTorch's {@code nn.CrossEntropyLoss}: the softmax and the
 * negative log-likelihood in one, {@code −log softmax(x)_y = −x_y + log Σ_c e^(x_c)}, computed
 * with the fused, stable {@link Tensor#logSoftmax} (no {@code exp} can overflow, no {@code log}
 * meets 0). Its gradient with respect to the logits is {@code softmax(x) − onehot(y)} (over
 * {@code N} for the mean). With log-probabilities {@code p = logSoftmax(x)} along the classes:
 *
 * <pre>
 * class indices y:     ℓ_n = −(1 − ε)·w_{y_n}·p[n, y_n] − (ε/C)·Σ_c w_c·p[n, c]
 *                      MEAN: Σ_n ℓ_n / Σ_n w_{y_n}
 * probabilities t:     ℓ_n = −Σ_c w_c·((1 − ε)·t[n, c] + ε/C)·p[n, c]
 *                      MEAN: Σ_n ℓ_n / N
 * </pre>
 *
 * SUM is {@code Σ_n ℓ_n} and NONE leaves {@code ℓ_n}. Without options the class weights
 * {@code w} are 1 and the label smoothing {@code ε} is 0, and both lines are the plain {@code
 * −Σ_c t_c·log softmax(x)_c}, averaged over the examples.
 *
 * <ul>
 *   <li>{@linkplain #labelSmoothing(double) Label smoothing} mixes the target with the uniform
 *       distribution, {@code (1 − ε)·target + ε/C} (Szegedy et al., "Rethinking the Inception
 *       architecture", 2016), PyTorch's definition: a form of label noise that keeps the model
 *       from pursuing probabilities of exactly 0 and 1.
 *   <li>{@linkplain #weight(Tensor) Class weights} rescale each class's loss, e.g. to balance
 *       rare classes. With index targets the mean divides by the total weight of the targets,
 *       as {@link NLLLoss}; with probability targets it divides by {@code N}. Both are
 *       PyTorch's definitions.
 * </ul>
 *
 * <p>Shapes: input {@code [N, C]}, {@code [N, C, d1, …]} (classes along dimension 1) or an
 * unbatched {@code [C]}. The target is either int64 class indices with the input's shape without
 * the class dimension, each in {@code [0, C)}, or floating-point probabilities (e.g. one-hot)
 * of the input's shape. {@link Reduction#NONE} gives the input's shape without the class
 * dimension. Differentiable with respect to the input, and to probability targets.
 */
public final class CrossEntropyLoss extends Loss {

    private final Tensor weight;
    private final double labelSmoothing;

    /** The mean cross-entropy. */
    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    /** The cross-entropies reduced as {@code reduction} says. */
    public CrossEntropyLoss(Reduction reduction) {
        this(reduction, null, 0);
    }

    private CrossEntropyLoss(Reduction reduction, Tensor weight, double labelSmoothing) {
        super(reduction);
        this.weight = weight;
        this.labelSmoothing = labelSmoothing;
    }

    /** A copy that weighs the loss of class {@code c} by {@code weight[c]}: a vector with one weight per class. */
    public CrossEntropyLoss weight(Tensor weight) {
        return new CrossEntropyLoss(reduction(), ClassTargets.checkWeight(name(), weight), labelSmoothing);
    }

    /** A copy that smooths the targets with {@code epsilon} in {@code [0, 1]}: {@code (1 − ε)·target + ε/C}. */
    public CrossEntropyLoss labelSmoothing(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException(name() + ": label smoothing must be in [0, 1], got " + epsilon);
        }
        return new CrossEntropyLoss(reduction(), weight, epsilon);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        int classDim = ClassTargets.classDim(this, input);
        int classes = input.size(classDim);
        ClassTargets.checkWeight(this, weight, input);
        Tensor logProbs = input.logSoftmax(classDim);
        if (target.dtype() == DType.INT64 || !Arrays.equals(target.shape(), input.shape())) {
            ClassTargets.checkIndices(this, input, target);
            var nll = ClassTargets.negativeLogLikelihood(logProbs, target, weight, classDim);
            Tensor losses = labelSmoothing == 0 ? nll.losses() : nll.losses().mul(1 - labelSmoothing)
                    .sub(weighted(logProbs, classDim).sum(classDim).mul(labelSmoothing / classes));
            return reduction().apply(losses, nll.weightSum());
        }
        Tensor probabilities = labelSmoothing == 0 ? target
                : target.mul(1 - labelSmoothing).add(labelSmoothing / classes);
        return reduction().apply(probabilities.mul(weighted(logProbs, classDim)).sum(classDim).neg());
    }

    /** {@code w_c·p[…, c, …]}: the log-probabilities times their class weights, if any. */
    private Tensor weighted(Tensor logProbs, int classDim) {
        return weight == null ? logProbs : logProbs.mul(ClassTargets.alongClasses(weight, logProbs.dim(), classDim));
    }

    @Override
    protected List<String> settings() {
        List<String> settings = new ArrayList<>();
        if (weight != null) {
            settings.add("weight=" + Arrays.toString(weight.toDoubleArray()));
        }
        if (labelSmoothing != 0) {
            settings.add("labelSmoothing=" + labelSmoothing);
        }
        return settings;
    }
}
