package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.autograd.Function;
import org.jgrad.backend.BinaryOp;

/**
 * An element-wise, broadcasting primitive of two inputs. Gradients may be returned in the
 * broadcast shape; the engine sums them back to each input's shape.
 */
abstract class BinaryFunction extends Function {

    BinaryFunction(Tensor a, Tensor b) {
        super(a, b);
    }

    /** The kernel that computes the forward pass. */
    abstract BinaryOp op();

    /** The op's name in error messages, e.g. {@code add}. */
    abstract String opName();

    @Override
    protected Tensor forward() {
        return Kernels.zip(opName(), op(), input(0), input(1));
    }
}
