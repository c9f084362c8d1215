package org.jgrad.autograd.ops;

import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.autograd.Function;

/**
 * Tensors joined along an existing dimension. Each input's gradient is its slice of the output
 * gradient (a view).
 */
public final class Concat extends Function {

    private final int dim;

    /** Shapes have been checked: equal except along {@code dim}. */
    public Concat(int dim, Tensor... parts) {
        super(parts);
        this.dim = dim;
    }

    @Override
    protected Tensor forward() {
        int[] shape = input(0).shape();
        shape[dim] = 0;
        DType dtype = input(0).dtype();
        for (Tensor part : inputs()) {
            shape[dim] += part.size(dim);
            dtype = DType.promote(dtype, part.dtype());
        }
        Tensor out = Kernels.allocate(dtype, shape);
        int at = 0;
        for (Tensor part : inputs()) {
            Kernels.copyInto(out.slice(dim, at, at + part.size(dim)), part);
            at += part.size(dim);
        }
        return out;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor[] grads = new Tensor[inputs().size()];
        int at = 0;
        for (int i = 0; i < grads.length; i++) {
            int extent = input(i).size(dim);
            grads[i] = needsGrad(i) ? g.slice(dim, at, at + extent) : null;
            at += extent;
        }
        return grads;
    }
}
