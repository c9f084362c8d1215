package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.UnaryOp;

/** {@code y = tanh x}; {@code dy/dx = 1 − y²}. */
public final class Tanh extends UnaryFunction {

    public Tanh(Tensor x) {
        super(x);
    }

    @Override
    UnaryOp op() {
        return UnaryOp.TANH;
    }

    @Override
    Tensor derivative(Tensor g, Tensor x, Tensor y) {
        return g.mul(y.mul(y).neg().add(1.0));
    }
}
