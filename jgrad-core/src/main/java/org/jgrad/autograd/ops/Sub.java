package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/** {@code a − b}; {@code ∂/∂a = 1}, {@code ∂/∂b = −1}. */
public final class Sub extends BinaryFunction {

    public Sub(Tensor a, Tensor b) {
        super(a, b);
    }

    @Override
    BinaryOp op() {
        return BinaryOp.SUB;
    }

    @Override
    String opName() {
        return "sub";
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g, needsGrad(1) ? g.neg() : null};
    }
}
