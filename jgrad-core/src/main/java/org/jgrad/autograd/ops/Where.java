package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.autograd.Function;

/**
 * {@code mask ? a : b} element-wise, all three broadcast together. The gradient goes to {@code a}
 * where the mask is non-zero and to {@code b} elsewhere; the mask gets none.
 */
public final class Where extends Function {

    private final Tensor mask;

    public Where(Tensor mask, Tensor a, Tensor b) {
        super(a, b);
        this.mask = mask;
    }

    @Override
    protected Tensor forward() {
        return Kernels.where(mask, input(0), input(1));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor zero = Tensor.scalar(0.0, g.dtype());
        return new Tensor[] {
            needsGrad(0) ? Tensor.where(mask, g, zero) : null,
            needsGrad(1) ? Tensor.where(mask, zero, g) : null};
    }
}
