package org.jgrad.nn;

import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;

/**
 * Batch normalization over a mini-batch of feature vectors (Ioffe and Szegedy, 2015), as
 * PyTorch's {@code nn.BatchNorm1d}. Each feature (channel) {@code c} is standardized and then
 * scaled and shifted by learned {@code γ_c} and {@code β_c}:
 *
 * <pre>
 * y = γ · (x − μ) / √(σ² + ε) + β
 * </pre>
 *
 * <p>In training, {@code μ} and {@code σ²} are the mean and the biased variance ({@code Σ (x −
 * μ)² / n}) of each feature over its {@code n} values in the batch ({@code n = N}, or {@code N·L}
 * over positions too), and gradients flow through them; {@code ε} is the decks' {@code δ}. Each training pass also updates, outside the graph, the running estimates used
 * in evaluation, with momentum {@code m}:
 *
 * <pre>
 * running_mean = (1 − m) · running_mean + m · μ
 * running_var  = (1 − m) · running_var  + m · σ² · n / (n − 1)
 * </pre>
 *
 * As in PyTorch, the running variance takes the unbiased batch variance (divided by {@code n −
 * 1}) while normalization uses the biased one; a batch must therefore hold more than one value
 * per feature. In evaluation the layer is the fixed affine map given by the running estimates.
 *
 * <p>Input {@code [N, C]} or {@code [N, C, L]}; output the same shape. Parameters {@code weight}
 * ({@code γ}, ones) and {@code bias} ({@code β}, zeros) of shape {@code [C]}; buffers {@code
 * running_mean} (zeros) and {@code running_var} (ones) of shape {@code [C]}, named as in PyTorch so
 * that state dictionaries line up with its (PyTorch's {@code num_batches_tracked} counter, used
 * only when its momentum is {@code None}, has no counterpart here). The running statistics are
 * kept in float64 whatever the parameters' dtype, since they average over many batches and
 * {@link Module#to} leaves buffers as they are; they are read in the input's dtype.
 */
public final class BatchNorm1d extends Module {

    private final int numFeatures;
    private final double eps;
    private final double momentum;
    private final Parameter weight;
    private final Parameter bias;
    private final Tensor runningMean;
    private final Tensor runningVar;

    /** Batch normalization of {@code numFeatures} features with PyTorch's ε = 1e-5 and momentum 0.1. */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1);
    }

    /**
     * Batch normalization of {@code numFeatures} features; {@code eps} (positive) is added to
     * the variance, {@code momentum} (in [0, 1]) is the weight of each new batch in the running
     * estimates.
     */
    public BatchNorm1d(int numFeatures, double eps, double momentum) {
        if (numFeatures < 1) {
            throw new IllegalArgumentException("BatchNorm1d: number of features must be positive, got " + numFeatures);
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("BatchNorm1d: eps must be positive and finite, got " + eps);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNorm1d: momentum must be in [0, 1], got " + momentum);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.weight = registerParameter("weight", new Parameter(Tensor.ones(numFeatures)));
        this.bias = registerParameter("bias", new Parameter(Tensor.zeros(numFeatures)));
        this.runningMean = registerBuffer("running_mean", Tensor.zeros(DType.FLOAT64, numFeatures));
        this.runningVar = registerBuffer("running_var", Tensor.ones(DType.FLOAT64, numFeatures));
    }

    /** The number of features (channels) {@code C}. */
    public int numFeatures() {
        return numFeatures;
    }

    /** The {@code ε} added to the variance. */
    public double eps() {
        return eps;
    }

    /** The weight of each new batch in the running estimates. */
    public double momentum() {
        return momentum;
    }

    /** The scale {@code γ}, shape {@code [C]}. */
    public Parameter weight() {
        return weight;
    }

    /** The shift {@code β}, shape {@code [C]}. */
    public Parameter bias() {
        return bias;
    }

    /** The running mean of each feature, used in evaluation; updated in place while training. */
    public Tensor runningMean() {
        return runningMean;
    }

    /** The running unbiased variance of each feature, used in evaluation; updated in place while training. */
    public Tensor runningVar() {
        return runningVar;
    }

    /** Sets {@code γ} to ones, {@code β} to zeros and the running statistics to mean 0, variance 1; draws nothing. */
    @Override
    protected void reset(Rng rng) {
        weight.set(Tensor.scalar(1.0));
        bias.set(Tensor.scalar(0.0));
        try (var scope = GradMode.noGrad()) {
            runningMean.copyFrom(Tensor.scalar(0.0));
            runningVar.copyFrom(Tensor.scalar(1.0));
        }
    }

    @Override
    protected Tensor compute(Tensor input) {
        int[] shape = input.shape();
        if (shape.length < 2 || shape.length > 3 || shape[1] != numFeatures) {
            throw new IllegalArgumentException("BatchNorm1d(" + numFeatures + "): expected input [N, " + numFeatures
                    + "] or [N, " + numFeatures + ", L], got " + Shape.format(shape));
        }
        int[] dims = shape.length == 2 ? new int[] {0} : new int[] {0, 2};
        int[] featureShape = shape.length == 2 ? new int[] {1, numFeatures} : new int[] {1, numFeatures, 1};
        Tensor centered;
        Tensor variance;
        if (isTraining()) {
            int n = input.numel() / numFeatures;
            if (n < 2) {
                throw new IllegalArgumentException("BatchNorm1d(" + numFeatures + "): expected more than 1 value per"
                        + " channel when training, got input of shape " + Shape.format(shape));
            }
            Tensor mean = input.mean(dims, true);
            centered = input.sub(mean);
            variance = centered.mul(centered).mean(dims, true);
            updateRunningStatistics(mean, variance, n);
        } else {
            centered = input.sub(runningMean.to(input.dtype()).reshape(featureShape));
            variance = runningVar.to(input.dtype()).reshape(featureShape);
        }
        Tensor normalized = centered.div(variance.add(eps).sqrt());
        return normalized.mul(weight.value().reshape(featureShape)).add(bias.value().reshape(featureShape));
    }

    private void updateRunningStatistics(Tensor mean, Tensor biasedVariance, int n) {
        try (var scope = GradMode.noGrad()) {
            Tensor batchMean = mean.detach().reshape(numFeatures);
            Tensor unbiasedVariance = biasedVariance.detach().reshape(numFeatures).mul((double) n / (n - 1));
            runningMean.copyFrom(runningMean.mul(1 - momentum).add(batchMean.mul(momentum)));
            runningVar.copyFrom(runningVar.mul(1 - momentum).add(unbiasedVariance.mul(momentum)));
        }
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + eps + ", momentum=" + momentum;
    }
}
