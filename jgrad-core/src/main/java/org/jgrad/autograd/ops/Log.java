package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.UnaryOp;

/** Natural logarithm {@code y = ln x}; {@code dy/dx = 1/x}. */
public final class Log extends UnaryFunction {

    public Log(Tensor x) {
        super(x);
    }

    @Override
    UnaryOp op() {
        return UnaryOp.LOG;
    }

    @Override
    Tensor derivative(Tensor g, Tensor x, Tensor y) {
        return g.div(x);
    }
}
