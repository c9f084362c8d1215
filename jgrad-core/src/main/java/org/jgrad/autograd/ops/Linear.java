package org.jgrad.autograd.ops;

import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.autograd.Function;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.UnaryOp;

/**
 * A dense layer as one node: {@code y = x·Wᵀ + b} (named {@code Linear}), or {@code y =
 * relu(x·Wᵀ + b)} (named {@code LinearRelu}), for {@code x [n, in]}, {@code W [out, in]} and an
 * optional {@code b [out]}. Fused because the bias and the ReLU then cost nothing: the backend
 * applies them as the product is stored. The values are those of {@code x.matmul(W.t()).add(b)}
 * (and {@code .relu()}) bit for bit, and so are the gradients, which are those ops' backward
 * rules:
 *
 * <pre>
 * g' = g·[y &gt; 0]   (LinearRelu; relu'(0) = 0; else g' = g)
 * ∂/∂x = g'·W        ∂/∂W = g'ᵀ·x        ∂/∂b = Σ_rows g'
 * </pre>
 */
public final class Linear extends Function {

    private final boolean relu;

    /** {@code x·Wᵀ + b}, then ReLU when {@code relu}; shapes checked by the caller. */
    public Linear(Tensor x, Tensor weight, Tensor bias, boolean relu) {
        super(bias == null ? new Tensor[] {x, weight} : new Tensor[] {x, weight, bias});
        this.relu = relu;
    }

    @Override
    public String name() {
        return relu ? "LinearRelu" : "Linear";
    }

    @Override
    protected Tensor forward() {
        Tensor y = Kernels.linear(input(0), input(1), inputs().size() > 2 ? input(2) : null,
                relu ? UnaryOp.RELU : UnaryOp.IDENTITY);
        if (relu) {
            save(y);
        }
        return y;
    }

    @Override
    protected Tensor[] backward(Tensor g) {
        Tensor gz = relu ? Kernels.zip("relu", BinaryOp.RELU_BACKWARD, g, saved(0)) : g;
        Tensor[] grads = new Tensor[inputs().size()];
        grads[0] = needsGrad(0) ? gz.matmul(input(1)) : null;
        grads[1] = needsGrad(1)
                ? Kernels.matmul(gz.t(), input(0), gradientBuffer(1, DType.promote(gz.dtype(), input(0).dtype())))
                : null;
        if (grads.length > 2) {
            grads[2] = needsGrad(2) ? gz.sum(0) : null;
        }
        return grads;
    }
}
