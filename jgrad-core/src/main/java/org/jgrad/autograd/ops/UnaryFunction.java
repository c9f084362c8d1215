package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.autograd.Function;
import org.jgrad.backend.UnaryOp;

/**
 * An element-wise primitive of one input: the forward pass maps {@link #op()} over the input
 * and keeps input and output for {@link #derivative}; subclasses give only the local derivative.
 */
abstract class UnaryFunction extends Function {

    UnaryFunction(Tensor x) {
        super(x);
    }

    /** The kernel that computes the forward pass. */
    abstract UnaryOp op();

    /** {@code gradOutput · f'(x)}, given the input {@code x} and the output {@code y = f(x)}. */
    abstract Tensor derivative(Tensor gradOutput, Tensor x, Tensor y);

    @Override
    protected final Tensor forward() {
        Tensor y = Kernels.map(op(), input(0));
        save(input(0), y);
        return y;
    }

    @Override
    protected final Tensor[] backward(Tensor gradOutput) {
        return new Tensor[] {derivative(gradOutput, saved(0), saved(1))};
    }
}
