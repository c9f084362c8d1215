package org.jgrad.autograd.ops;

import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.autograd.Function;

/**
 * A fresh row-major copy, possibly converted to another dtype ({@code clone}, {@code
 * contiguous}, {@code to}). The gradient passes through, converted back by the engine.
 */
public final class Copy extends Function {

    private final DType dtype;

    public Copy(Tensor x, DType dtype) {
        super(x);
        this.dtype = dtype;
    }

    @Override
    protected Tensor forward() {
        return Kernels.copy(input(0), dtype);
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {g};
    }
}
