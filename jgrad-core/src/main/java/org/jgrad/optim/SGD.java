package org.jgrad.optim;

import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.nn.Parameter;

/**
 * Stochastic gradient descent, optionally with momentum (Polyak 1964), Nesterov momentum
 * (Nesterov 1983, in the form of Sutskever, Martens, Dahl &amp; Hinton, "On the importance of
 * initialization and momentum in deep learning", ICML 2013) and L2 weight decay, with
 * PyTorch's {@code torch.optim.SGD} update. With gradient {@code g}, learning rate η, weight
 * decay λ, momentum μ and dampening τ, per step:
 *
 * <pre>
 * d ← g + λ·w
 * b ← d                       on the first step (no dampening)
 * b ← μ·b + (1 − τ)·d         afterwards
 * d ← d + μ·b   (Nesterov)    or   d ← b   (plain momentum)
 * w ← w − η·d
 * </pre>
 *
 * <p><b>The lectures' form.</b> The decks write momentum as a velocity that already holds the
 * learning rate: {@code v ← γ·v − η·∇L(w)}, {@code w ← w + v} (v₀ = 0). With τ = 0 and a
 * constant η the two coincide: by induction {@code v = −η·b} (first step {@code v = −η·g = −η·b}),
 * so the weights follow the same trajectory. They differ when η changes between steps: the
 * velocity keeps each past gradient scaled by the η of its own step, while PyTorch's buffer
 * scales all of the accumulated past by the current η — after a schedule cuts η tenfold, the
 * decks' form still coasts on the old, larger steps for a while, PyTorch's slows at once. The
 * other deck's form {@code ν ← α·ν + (1 − α)·g}, {@code W ← W − λ·ν} is dampening τ = α, except
 * that PyTorch starts the buffer at {@code g} instead of {@code (1 − α)·g}. The decks' Nesterov
 * step (gradient taken at the look-ahead point {@code w + μ·v}) is the same method written in
 * the look-ahead variable; the {@code d + μ·b} form above needs one gradient at {@code w}.
 */
public final class SGD extends Optimizer {

    private double momentum;
    private double dampening;
    private double weightDecay;
    private boolean nesterov;

    /** Plain gradient descent, {@code w ← w − η·g}, with learning rate η. */
    public SGD(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
    }

    /** Sets the momentum μ (default 0, none); 0.9 is usual. Returns this optimizer. */
    public SGD momentum(double momentum) {
        this.momentum = Checks.nonNegative(name(), "momentum", momentum);
        return this;
    }

    /** Sets the dampening τ ∈ [0, 1) of the gradient added to the buffer (default 0). Returns this optimizer. */
    public SGD dampening(double dampening) {
        this.dampening = Checks.decay(name(), "dampening", dampening);
        return this;
    }

    /** Sets the L2 weight decay λ added to the gradient as {@code λ·w} (default 0). Returns this optimizer. */
    public SGD weightDecay(double weightDecay) {
        this.weightDecay = Checks.nonNegative(name(), "weight decay", weightDecay);
        return this;
    }

    /**
     * Turns Nesterov momentum on or off (default off); it needs momentum &gt; 0 and dampening 0,
     * checked at the next step. Returns this optimizer.
     */
    public SGD nesterov(boolean nesterov) {
        this.nesterov = nesterov;
        return this;
    }

    @Override
    protected void update(Tensor value, Tensor grad, Map<String, Tensor> state) {
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalStateException(name() + ": Nesterov momentum needs momentum > 0 and dampening 0, got"
                    + " momentum " + momentum + " and dampening " + dampening);
        }
        Tensor d = withWeightDecay(grad, value, weightDecay);
        if (momentum != 0) {
            Tensor previous = state.get("momentumBuffer");
            Tensor buffer = previous == null ? d.clone() : previous.mul(momentum).add(d.mul(1 - dampening));
            state.put("momentumBuffer", buffer);
            d = nesterov ? d.add(buffer.mul(momentum)) : buffer;
        }
        value.copyFrom(value.sub(d.mul(learningRate())));
    }
}
