package org.jgrad.nn;

import org.jgrad.Tensor;

/**
 * The hyperbolic tangent {@code tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)}, element-wise, as PyTorch's
 * {@code nn.Tanh}. Its derivative is {@code 1 − tanh²(x)}. Input any shape; output the same shape.
 */
public final class Tanh extends Module {

    /** A tanh activation. */
    public Tanh() {
    }

    @Override
    protected Tensor compute(Tensor input) {
        return input.tanh();
    }
}
