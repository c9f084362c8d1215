package org.jgrad.optim;

import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.nn.Parameter;

/**
 * AdaGrad (Duchi, Hazan &amp; Singer, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization", JMLR 2011), as PyTorch's {@code torch.optim.Adagrad}: each element's
 * step shrinks with the sum of its squared gradients, so steep directions slow down and gentle
 * ones keep moving. With gradient {@code g}, step count {@code t} (from 1), learning rate η,
 * learning-rate decay δ, weight decay λ and ε:
 *
 * <pre>
 * g ← g + λ·w
 * r ← r + g²                          r₀ = 0
 * w ← w − (η / (1 + (t − 1)·δ)) · g / (√r + ε)
 * </pre>
 *
 * This is the decks' rule {@code r ← r + g²}, {@code W ← W − ε/(δ + √r)·g} with their ε as η
 * and their δ as ε here (default 1e-10), and no decay of η (δ = 0 by default).
 */
public final class AdaGrad extends Optimizer {

    private double learningRateDecay;
    private double weightDecay;
    private double eps = 1e-10;

    /** AdaGrad with learning rate η (PyTorch's default is 0.01). */
    public AdaGrad(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
    }

    /** Sets the decay δ of the learning rate, {@code η / (1 + (t − 1)·δ)} (default 0). Returns this optimizer. */
    public AdaGrad learningRateDecay(double learningRateDecay) {
        this.learningRateDecay = Checks.nonNegative(name(), "learning rate decay", learningRateDecay);
        return this;
    }

    /** Sets the L2 weight decay λ added to the gradient (default 0). Returns this optimizer. */
    public AdaGrad weightDecay(double weightDecay) {
        this.weightDecay = Checks.nonNegative(name(), "weight decay", weightDecay);
        return this;
    }

    /** Sets ε &gt; 0, added to the denominator (default 1e-10). Returns this optimizer. */
    public AdaGrad eps(double eps) {
        this.eps = Checks.positive(name(), "eps", eps);
        return this;
    }

    @Override
    protected void update(Tensor value, Tensor grad, Map<String, Tensor> state) {
        int step = countStep(state);
        Tensor g = withWeightDecay(grad, value, weightDecay);
        Tensor sum = buffer(state, "sum", value).add(g.mul(g));
        state.put("sum", sum);
        double rate = learningRate() / (1 + (step - 1) * learningRateDecay);
        value.copyFrom(value.sub(g.div(sum.sqrt().add(eps)).mul(rate)));
    }
}
