package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.UnaryOp;

/** {@code y = √x}; {@code dy/dx = 1/(2y)}. */
public final class Sqrt extends UnaryFunction {

    public Sqrt(Tensor x) {
        super(x);
    }

    @Override
    UnaryOp op() {
        return UnaryOp.SQRT;
    }

    @Override
    Tensor derivative(Tensor g, Tensor x, Tensor y) {
        return g.div(y.mul(2.0));
    }
}
