package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/** {@code a / b}; {@code ∂/∂a = 1/b}, {@code ∂/∂b = −a/b²}. */
public final class Div extends BinaryFunction {

    public Div(Tensor a, Tensor b) {
        super(a, b);
    }

    @Override
    BinaryOp op() {
        return BinaryOp.DIV;
    }

    @Override
    String opName() {
        return "div";
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor b = input(1);
        return new Tensor[] {
            needsGrad(0) ? g.div(b) : null,
            needsGrad(1) ? g.mul(input(0)).div(b.mul(b)).neg() : null};
    }
}
