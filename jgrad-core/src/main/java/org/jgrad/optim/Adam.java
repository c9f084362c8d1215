package org.jgrad.optim;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.backend.AdamStep;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.backend.Strided;
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
     * Whether the weight decay λ is decoupled from the gradient, {@code w ← w·(1 − η·λ)} before
     * the update ({@link AdamW}), rather than added to it as L2, {@code g ← g + λ·w} (Adam).
     */
    protected boolean decoupledDecay() {
        return false;
    }

    /**
     * The update in one pass over the parameter's elements ({@link Backend#adam}, vectorized
     * for float32), in place and without allocating after the first step (which makes zero
     * moment buffers), when the value, its gradient and the buffers are packed arrays of one
     * floating-point type; else (mixed types, a view, buffers loaded as scalars) the same rule
     * with tensor operations, which replaces the buffers. Both give the same bits: the kernel
     * rounds every operation and scalar as the tensor operations do.
     */
    @Override
    protected final void update(Tensor value, Tensor grad, Map<String, Tensor> state) {
        int step = nextStep(state);
        boolean decoupled = decoupledDecay();
        double stepSize = learningRate() / (1 - Math.pow(beta1, step));
        double correction2 = Math.sqrt(1 - Math.pow(beta2, step));
        Tensor m = state.computeIfAbsent("expAvg", key -> value.zerosLike());
        Tensor v = state.computeIfAbsent("expAvgSq", key -> value.zerosLike());
        Tensor vMax = amsgrad ? state.computeIfAbsent("maxExpAvgSq", key -> value.zerosLike()) : null;
        if (packedAlike(value, grad, m, v) && (!amsgrad || packedAlike(value, vMax))) {
            var rule = new AdamStep(beta1, beta2, eps, decoupled ? 0 : weightDecay,
                    decoupled ? 1 - learningRate() * weightDecay : 1, stepSize, correction2, amsgrad);
            Backends.current().adam(rule, flat(value), flat(grad), flat(m), flat(v), amsgrad ? flat(vMax) : null,
                    value.numel());
            return;
        }
        Tensor g = grad;
        if (decoupled) {
            value.copyFrom(value.mul(1 - learningRate() * weightDecay));
        } else {
            g = withWeightDecay(grad, value, weightDecay);
        }
        m = ema(m, beta1, g);
        v = ema(v, beta2, g.mul(g));
        state.put("expAvg", m);
        state.put("expAvgSq", v);
        if (amsgrad) {
            v = vMax.maximum(v);
            state.put("maxExpAvgSq", v);
        }
        Tensor denominator = v.sqrt().div(correction2).add(eps);
        value.copyFrom(value.sub(m.div(denominator).mul(stepSize)));
    }

    /**
     * Counts one more step in {@code state["step"]}, in place once the counter exists (it is
     * this optimizer's own: state dictionaries hold copies), and returns the count.
     */
    private static int nextStep(Map<String, Tensor> state) {
        Tensor counter = state.get("step");
        if (counter == null || counter.numel() != 1 || counter.dtype() != DType.FLOAT64) {
            return countStep(state);
        }
        int step = (int) counter.item() + 1;
        counter.storage().set(counter.offset(), step);
        return step;
    }

    /** Whether every tensor is a packed run of the first's shape and floating-point type. */
    private static boolean packedAlike(Tensor first, Tensor... others) {
        if (!first.dtype().isFloatingPoint() || !first.isContiguous()) {
            return false;
        }
        for (Tensor t : others) {
            if (t == null || t.dtype() != first.dtype() || !t.isContiguous() || !Arrays.equals(t.shape(), first.shape())) {
                return false;
            }
        }
        return true;
    }

    private static Strided flat(Tensor t) {
        return new Strided(t.storage(), t.offset(), new int[] {1});
    }
}
