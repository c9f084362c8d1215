package org.jgrad.optim;

import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.nn.Parameter;

/**
 * Adadelta (Zeiler, "ADADELTA: An Adaptive Learning Rate Method", arXiv:1212.5701, 2012), as
 * PyTorch's {@code torch.optim.Adadelta}: RMSProp whose numerator is the RMS of past updates,
 * so the step has the units of the weights and needs no tuned rate. With gradient {@code g},
 * decay ρ, ε, weight decay λ and a learning rate η that only scales the result:
 *
 * <pre>
 * g ← g + λ·w
 * r ← ρ·r + (1 − ρ)·g²                         r₀ = 0
 * Δ ← √(u + ε) / √(r + ε) · g                  u₀ = 0
 * u ← ρ·u + (1 − ρ)·Δ²
 * w ← w − η·Δ
 * </pre>
 *
 * With η = 1 (the default, as PyTorch) this is Zeiler's Algorithm 1 exactly. The lecture decks
 * do not present Adadelta, so there is no second form to reconcile. Note that ε sits inside the
 * roots here, where RMSProp and Adam add it outside.
 */
public final class Adadelta extends Optimizer {

    private double rho = 0.9;
    private double eps = 1e-6;
    private double weightDecay;

    /** Adadelta with PyTorch's defaults: η = 1, ρ = 0.9, ε = 1e-6. */
    public Adadelta(List<Parameter> parameters) {
        this(parameters, 1.0);
    }

    /** Adadelta whose updates are scaled by η. */
    public Adadelta(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
    }

    /** Sets the decay ρ ∈ [0, 1) of both running averages. Returns this optimizer. */
    public Adadelta rho(double rho) {
        this.rho = Checks.decay(name(), "rho", rho);
        return this;
    }

    /** Sets ε &gt; 0, added inside both roots (default 1e-6). Returns this optimizer. */
    public Adadelta eps(double eps) {
        this.eps = Checks.positive(name(), "eps", eps);
        return this;
    }

    /** Sets the L2 weight decay λ added to the gradient (default 0). Returns this optimizer. */
    public Adadelta weightDecay(double weightDecay) {
        this.weightDecay = Checks.nonNegative(name(), "weight decay", weightDecay);
        return this;
    }

    @Override
    protected void update(Tensor value, Tensor grad, Map<String, Tensor> state) {
        Tensor g = withWeightDecay(grad, value, weightDecay);
        Tensor squareAvg = ema(buffer(state, "squareAvg", value), rho, g.mul(g));
        Tensor delta = buffer(state, "accDelta", value).add(eps).sqrt().div(squareAvg.add(eps).sqrt()).mul(g);
        state.put("squareAvg", squareAvg);
        state.put("accDelta", ema(buffer(state, "accDelta", value), rho, delta.mul(delta)));
        value.copyFrom(value.sub(delta.mul(learningRate())));
    }
}
