package org.jgrad.nn.loss;

import java.util.Arrays;
import java.util.List;
import org.jgrad.Tensor;

/**
 * The negative log-likelihood of log-probabilities, as PyTorch's {@code nn.NLLLoss}: for an
 * input of log-probabilities {@code x} (e.g. a {@link org.jgrad.Tensor#logSoftmax} output) and
 * class indices {@code y},
 *
 * <pre>
 * ℓ_n = −w_{y_n}·x[n, y_n]
 * MEAN: Σ_n ℓ_n / Σ_n w_{y_n}        SUM: Σ_n ℓ_n        NONE: ℓ_n
 * </pre>
 *
 * with class weights {@code w} (all 1 by default, when the mean is the plain mean). The
 * weighted mean divides by the total weight of the targets, PyTorch's definition, so the loss
 * stays an average per unit of weight. {@link CrossEntropyLoss} applies the log-softmax itself.
 *
 * <p>Shapes: input {@code [N, C]}, {@code [N, C, d1, …]} or an unbatched {@code [C]}; target
 * int64 with the input's shape without the class dimension, each index in {@code [0, C)};
 * {@link Reduction#NONE} gives the target's shape. Differentiable with respect to the input.
 */
public final class NLLLoss extends Loss {

    private final Tensor weight;

    /** The mean negative log-likelihood. */
    public NLLLoss() {
        this(Reduction.MEAN);
    }

    /** The negative log-likelihoods reduced as {@code reduction} says. */
    public NLLLoss(Reduction reduction) {
        this(reduction, null);
    }

    private NLLLoss(Reduction reduction, Tensor weight) {
        super(reduction);
        this.weight = weight;
    }

    /** A copy that weighs the loss of class {@code c} by {@code weight[c]}: a vector with one weight per class. */
    public NLLLoss weight(Tensor weight) {
        return new NLLLoss(reduction(), ClassTargets.checkWeight(name(), weight));
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        ClassTargets.checkIndices(this, input, target);
        ClassTargets.checkWeight(this, weight, input);
        var nll = ClassTargets.negativeLogLikelihood(input, target, weight, ClassTargets.classDim(this, input));
        return reduction().apply(nll.losses(), nll.weightSum());
    }

    @Override
    protected List<String> settings() {
        return weight == null ? List.of() : List.of("weight=" + Arrays.toString(weight.toDoubleArray()));
    }
}
