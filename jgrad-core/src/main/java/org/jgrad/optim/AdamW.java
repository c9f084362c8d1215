package org.jgrad.optim;

import java.util.List;
import org.jgrad.nn.Parameter;

/**
 * Adam with decoupled weight decay (Loshchilov &amp; Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019), as PyTorch's {@code torch.optim.AdamW}: the weights shrink by
 * {@code w ← w·(1 − η·λ)} before {@link Adam}'s update, whose gradient then carries no
 * {@code λ·w} term. Unlike L2 in the gradient, the decay is not divided by √v̂, so every weight
 * decays at the same relative rate whatever its gradient history. Default λ = 0.01, as PyTorch.
 */
public final class AdamW extends Adam {

    /** AdamW with learning rate η, β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and weight decay 0.01. */
    public AdamW(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
        weightDecay(0.01);
    }

    @Override
    protected boolean decoupledDecay() {
        return true;
    }
}
