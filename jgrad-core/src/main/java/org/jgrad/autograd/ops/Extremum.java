package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.backend.BinaryOp;

/**
 * Element-wise {@code maximum(a, b)} or {@code minimum(a, b)}. The gradient goes to the input
 * that was chosen; where the two are equal it is split evenly, as in PyTorch.
 */
public final class Extremum extends BinaryFunction {

    private final boolean maximum;

    /** {@code maximum(a, b)} when {@code maximum}, else {@code minimum(a, b)}. */
    public Extremum(Tensor a, Tensor b, boolean maximum) {
        super(a, b);
        this.maximum = maximum;
    }

    @Override
    BinaryOp op() {
        return maximum ? BinaryOp.MAXIMUM : BinaryOp.MINIMUM;
    }

    @Override
    String opName() {
        return maximum ? "maximum" : "minimum";
    }

    @Override
    public String name() {
        return maximum ? "Maximum" : "Minimum";
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor a = input(0);
        Tensor b = input(1);
        Tensor aWins = (maximum ? a.gt(b) : a.lt(b)).add(a.eq(b).mul(0.5));
        return new Tensor[] {
            needsGrad(0) ? g.mul(aWins) : null,
            needsGrad(1) ? g.mul(aWins.neg().add(1.0)) : null};
    }
}
