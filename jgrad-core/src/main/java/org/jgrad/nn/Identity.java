package org.jgrad.nn;

import org.jgrad.Tensor;

/**
 * Returns its input unchanged, as PyTorch's {@code nn.Identity}: a placeholder where a layer is
 * optional (no activation, no dropout), so that the model's structure stays the same. Input any
 * shape; output the same tensor.
 */
public final class Identity extends Module {

    /** An identity layer. */
    public Identity() {
    }

    @Override
    protected Tensor compute(Tensor input) {
        return input;
    }
}
