package org.jgrad.autograd.ops;

import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.autograd.Function;

/**
 * The matrix product of two tensors of rank 2 or more, {@code [..., m, k] · [..., k, n]}, with
 * broadcast batch dimensions. {@code ∂/∂a = g · bᵀ} and {@code ∂/∂b = aᵀ · g}; the transposes
 * are views, and the engine sums over broadcast batch dimensions.
 */
public final class MatMul extends Function {

    public MatMul(Tensor a, Tensor b) {
        super(a, b);
    }

    @Override
    protected Tensor forward() {
        return Kernels.matmul(input(0), input(1));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        return new Tensor[] {
            needsGrad(0) ? gradient(0, g, input(1).transpose(-1, -2)) : null,
            needsGrad(1) ? gradient(1, input(0).transpose(-1, -2), g) : null};
    }

    /**
     * {@code left·right}, input {@code i}'s gradient: written into the input's kept gradient
     * buffer when both inputs are matrices (with batch dimensions the engine may still have to
     * sum the product down to the input's shape).
     */
    private Tensor gradient(int i, Tensor left, Tensor right) {
        boolean matrices = input(0).dim() == 2 && input(1).dim() == 2;
        return Kernels.matmul(left, right,
                matrices ? gradientBuffer(i, DType.promote(left.dtype(), right.dtype())) : null);
    }
}
