package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.UnaryOp;

/** {@code y = 1/x}; {@code dy/dx = −y²}. */
public final class Reciprocal extends UnaryFunction {

    public Reciprocal(Tensor x) {
        super(x);
    }

    @Override
    UnaryOp op() {
        return UnaryOp.RECIPROCAL;
    }

    @Override
    Tensor derivative(Tensor g, Tensor x, Tensor y) {
        return g.mul(y.mul(y)).neg();
    }
}
