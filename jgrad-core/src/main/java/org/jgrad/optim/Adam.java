package org.jgrad.optim;

import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.nn.Parameter;

/**
 * Adam (Kingma &amp; Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015), with the AMSGrad
 * variant (Reddi, Kale &amp; Kumar, "On the Convergence of Adam and Beyond", ICLR 2018), as
 * PyTorch's {@code torch.optim.Adam}: RMSProp's per-element scaling plus momentum, both as
 * bias-corrected moving averages. With gradient {@code g}, step count {@code t} (from 1),
 * learning rate η, decays β₁, β₂, ε and weight decay λ:
 *
 * <pre>
 * g ← g + λ·w                                  (L2 in the gradient; see {@link AdamW})
 * m ← β₁·m + (1 − β₁)·g                        first moment, m₀ = 0
 * v ← β₂·v + (1 − β₂)·g²                       second moment, v₀ = 0
 * v̂ ← max(v̂, v)   (AMSGrad; else v̂ = v)
 * w ← w − (η / (1 − β₁ᵗ)) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * The decks write the same rule with ρ₁, ρ₂ for β₁, β₂ and "bias correction applied to v and
 * r"; ε is added after the correction, as in the paper's Algorithm 1.
 */
public class Adam extends Optimizer {

    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private double weightDecay;
    private boolean amsgrad;

    /** Adam with learning rate η and PyTorch's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public Adam(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
    }

    /** Sets the decay rates β₁, β₂ ∈ [0, 1) of the two moment averages. Returns this optimizer. */
    public Adam betas(double beta1, double beta2) {
        this.beta1 = Checks.decay(name(), "beta1", beta1);
        this.beta2 = Checks.decay(name(), "beta2", beta2);
        return this;
    }

    /** Sets ε &gt; 0, added to the denominator for numerical stability. Returns this optimizer. */
    public Adam eps(double eps) {
        this.eps = Checks.positive(name(), "eps", eps);
        return this;
    }

    /** Sets the weight decay λ (default 0 for Adam, 0.01 for AdamW). Returns this optimizer. */
    public Adam weightDecay(double weightDecay) {
        this.weightDecay = Checks.nonNegative(name(), "weight decay", weightDecay);
        return this;
    }

    /** Turns the AMSGrad variant on or off (default off). Returns this optimizer. */
    public Adam amsgrad(boolean amsgrad) {
        this.amsgrad = amsgrad;
        return this;
    }

    /** The weight decay λ. */
    public final double weightDecay() {
        return weightDecay;
    }

    /**
     * Applies weight decay before the moments are updated and returns the gradient to use:
     * Adam adds {@code λ·w} to the gradient; {@link AdamW} decays the weights instead.
     */
    protected Tensor decay(Tensor value, Tensor grad) {
        return withWeightDecay(grad, value, weightDecay);
    }

    @Override
    protected final void update(Tensor value, Tensor grad, Map<String, Tensor> state) {
        int step = countStep(state);
        Tensor g = decay(value, grad);
        Tensor m = ema(buffer(state, "expAvg", value), beta1, g);
        Tensor v = ema(buffer(state, "expAvgSq", value), beta2, g.mul(g));
        state.put("expAvg", m);
        state.put("expAvgSq", v);
        if (amsgrad) {
            v = buffer(state, "maxExpAvgSq", value).maximum(v);
            state.put("maxExpAvgSq", v);
        }
        double stepSize = learningRate() / (1 - Math.pow(beta1, step));
        Tensor denominator = v.sqrt().div(Math.sqrt(1 - Math.pow(beta2, step))).add(eps);
        value.copyFrom(value.sub(m.div(denominator).mul(stepSize)));
    }
}
