package org.jgrad.autograd.ops;

import org.jgrad.Tensor;
import org.jgrad.autograd.Function;
import org.jgrad.backend.BinaryOp;

/**
 * {@code min(max(x, low), high)}. The gradient passes where {@code low ≤ x ≤ high} (bounds
 * included, as in PyTorch) and is 0 where the value was clipped.
 */
public final class Clamp extends Function {

    private final double low;
    private final double high;

    public Clamp(Tensor x, double low, double high) {
        super(x);
        this.low = low;
        this.high = high;
    }

    @Override
    protected Tensor forward() {
        Tensor x = input(0);
        Tensor raised = Kernels.zip("clamp", BinaryOp.MAXIMUM, x, Tensor.scalar(low, x.dtype()));
        return Kernels.zip("clamp", BinaryOp.MINIMUM, raised, Tensor.scalar(high, x.dtype()));
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor x = input(0);
        return new Tensor[] {g.mul(x.ge(low)).mul(x.le(high))};
    }
}
