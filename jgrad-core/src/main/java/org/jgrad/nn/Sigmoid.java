package org.jgrad.nn;

import org.jgrad.Tensor;

/**
 * The logistic function {@code σ(x) = 1 / (1 + e⁻ˣ)}, element-wise, as PyTorch's {@code
 * nn.Sigmoid}. Its derivative is {@code σ(x)·(1 − σ(x))}. Input any shape; output the same shape.
 */
public final class Sigmoid extends Module {

    /** A sigmoid activation. */
    public Sigmoid() {
    }

    @Override
    protected Tensor compute(Tensor input) {
        return input.sigmoid();
    }
}
