package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/** {@code a · b} element-wise; each input's gradient is the other input (the lectures' "multiply gate swaps"). */
public final class Mul extends BinaryFunction {

    public Mul(Tensor a, Tensor b) {
        super(a, b);
    }

    @Override
    BinaryOp op() {
        return BinaryOp.MUL;
    }

    @Override
    String opName() {
        return "mul";
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {
            needsGrad(0) ? g.mul(input(1)) : null,
            needsGrad(1) ? g.mul(input(0)) : null};
    }
}
