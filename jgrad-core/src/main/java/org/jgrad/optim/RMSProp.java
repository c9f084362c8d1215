package org.jgrad.optim;

import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.nn.Parameter;

/**
 * RMSProp (Tieleman &amp; Hinton, "Lecture 6.5 — RMSProp", COURSERA: Neural Networks for Machine
 * Learning, 2012), with the centered variant and momentum of Graves ("Generating Sequences With
 * Recurrent Neural Networks", 2013), as PyTorch's {@code torch.optim.RMSprop}: AdaGrad with a
 * moving average of squared gradients instead of their sum, so old gradients are forgotten.
 * With gradient {@code g}, learning rate η, smoothing α (the decks' ρ), ε, weight decay λ and
 * momentum μ:
 *
 * <pre>
 * g ← g + λ·w
 * r ← α·r + (1 − α)·g²                         r₀ = 0
 * ḡ ← α·ḡ + (1 − α)·g;  s ← √(r − ḡ²) + ε      (centered)
 * s ← √r + ε                                   (not centered)
 * b ← μ·b + g / s;  w ← w − η·b                (μ &gt; 0; b₀ = 0)
 * w ← w − η·g / s                              (μ = 0)
 * </pre>
 *
 * Without momentum and centering this is the decks' {@code r ← ρ·r + (1 − ρ)·g²},
 * {@code W ← W − ε/(δ + √r)·g}, with their ε as η and their δ as ε.
 */
public final class RMSProp extends Optimizer {

    private double alpha = 0.99;
    private double eps = 1e-8;
    private double weightDecay;
    private double momentum;
    private boolean centered;

    /** RMSProp with learning rate η (PyTorch's default is 0.01), α = 0.99 and ε = 1e-8. */
    public RMSProp(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
    }

    /** Sets the smoothing constant α ∈ [0, 1) of the squared-gradient average. Returns this optimizer. */
    public RMSProp alpha(double alpha) {
        this.alpha = Checks.decay(name(), "alpha", alpha);
        return this;
    }

    /** Sets ε &gt; 0, added to the denominator (default 1e-8). Returns this optimizer. */
    public RMSProp eps(double eps) {
        this.eps = Checks.positive(name(), "eps", eps);
        return this;
    }

    /** Sets the L2 weight decay λ added to the gradient (default 0). Returns this optimizer. */
    public RMSProp weightDecay(double weightDecay) {
        this.weightDecay = Checks.nonNegative(name(), "weight decay", weightDecay);
        return this;
    }

    /** Sets the momentum μ of the scaled steps (default 0, none). Returns this optimizer. */
    public RMSProp momentum(double momentum) {
        this.momentum = Checks.nonNegative(name(), "momentum", momentum);
        return this;
    }

    /** Turns centering on or off (default off): divide by an estimate of the gradient's variance. */
    public RMSProp centered(boolean centered) {
        this.centered = centered;
        return this;
    }

    @Override
    protected void update(Tensor value, Tensor grad, Map<String, Tensor> state) {
        Tensor g = withWeightDecay(grad, value, weightDecay);
        Tensor squareAvg = ema(buffer(state, "squareAvg", value), alpha, g.mul(g));
        state.put("squareAvg", squareAvg);
        Tensor variance = squareAvg;
        if (centered) {
            Tensor gradAvg = ema(buffer(state, "gradAvg", value), alpha, g);
            state.put("gradAvg", gradAvg);
            variance = squareAvg.sub(gradAvg.mul(gradAvg));
        }
        Tensor step = g.div(variance.sqrt().add(eps));
        if (momentum > 0) {
            step = buffer(state, "momentumBuffer", value).mul(momentum).add(step);
            state.put("momentumBuffer", step);
        }
        value.copyFrom(value.sub(step.mul(learningRate())));
    }
}
