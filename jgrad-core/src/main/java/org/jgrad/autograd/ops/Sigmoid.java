package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.UnaryOp;

/** The logistic function {@code y = 1/(1 + e⁻ˣ)}; {@code dy/dx = y(1 − y)}. */
public final class Sigmoid extends UnaryFunction {

    public Sigmoid(Tensor x) {
        super(x);
    }

    @Override
    UnaryOp op() {
        return UnaryOp.SIGMOID;
    }

    @Override
    Tensor derivative(Tensor g, Tensor x, Tensor y) {
        return g.mul(y.mul(y.neg().add(1.0)));
    }
}
