package org.jgrad.nn;

import org.jgrad.Tensor;

/**
 * The rectified linear unit {@code max(0, x)}, element-wise, as PyTorch's {@code nn.ReLU}; its
 * subgradient at 0 is 0. Input any shape; output the same shape.
 */
public final class ReLU extends Module {

    /** A ReLU activation. */
    public ReLU() {
    }

    @Override
    protected Tensor compute(Tensor input) {
        return input.relu();
    }
}
