package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/** {@code a + b}; the gradient passes unchanged to both inputs (the lectures' "add gate distributes"). */
public final class Add extends BinaryFunction {

    public Add(Tensor a, Tensor b) {
        super(a, b);
    }

    @Override
    BinaryOp op() {
        return BinaryOp.ADD;
    }

    @Override
    String opName() {
        return "add";
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g, g};
    }
}
