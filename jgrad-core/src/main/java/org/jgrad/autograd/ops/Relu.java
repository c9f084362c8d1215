package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.UnaryOp;

/** {@code y = max(0, x)}; {@code dy/dx = 1} for {@code x > 0}, else 0 (the subgradient at 0 is 0). */
public final class Relu extends UnaryFunction {

    public Relu(Tensor x) {
        super(x);
    }

    @Override
    UnaryOp op() {
        return UnaryOp.RELU;
    }

    @Override
    Tensor derivative(Tensor g, Tensor x, Tensor y) {
        return Kernels.zip("relu", BinaryOp.RELU_BACKWARD, g, x);
    }
}
