package org.jgrad.optim;

import java.util.List;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.jgrad.nn.Parameter;

/**
 * Gradient clipping between {@code backward()} and {@code step()}, as PyTorch's {@code
 * torch.nn.utils.clip_grad_value_} and {@code clip_grad_norm_}: a guard against exploding
 * gradients. Parameters without a gradient are ignored. Each clipped gradient is replaced by a
 * new tensor rather than overwritten, because backward may hand two parameters the same
 * gradient tensor, which an in-place scaling would scale twice.
 */
public final class ClipGrad {

    private ClipGrad() {
    }

    /** Limits every gradient element to {@code [−clip, clip]}. */
    public static void byValue(List<Parameter> parameters, double clip) {
        Checks.positive("ClipGrad.byValue", "clip value", clip);
        try (var scope = GradMode.noGrad()) {
            for (Parameter p : parameters) {
                if (p.grad() != null) {
                    p.value().setGrad(p.grad().clamp(-clip, clip));
                }
            }
        }
    }

    /**
     * Rescales all gradients together so that their global L2 norm is at most {@code maxNorm}:
     * with {@code n = ‖(g₁, …, g_k)‖₂} over every element of every gradient, each gradient is
     * multiplied by {@code min(1, maxNorm / (n + 1e-6))}. Returns {@code n}, the norm before
     * clipping, which is worth logging.
     */
    public static double byNorm(List<Parameter> parameters, double maxNorm) {
        return byNorm(parameters, maxNorm, 2);
    }

    /**
     * {@link #byNorm(List, double)} with the p-norm of the given {@code normType} (any p &gt; 0,
     * or {@code Double.POSITIVE_INFINITY} for the largest absolute element).
     */
    public static double byNorm(List<Parameter> parameters, double maxNorm, double normType) {
        Checks.positive("ClipGrad.byNorm", "max norm", maxNorm);
        double norm = totalNorm(parameters, normType);
        double coefficient = Math.min(1.0, maxNorm / (norm + 1e-6));
        try (var scope = GradMode.noGrad()) {
            for (Parameter p : parameters) {
                if (p.grad() != null) {
                    p.value().setGrad(p.grad().mul(coefficient));
                }
            }
        }
        return norm;
    }

    /**
     * The p-norm of all gradients taken as one vector, {@code (Σ |g|ᵖ)^(1/p)}, or the largest
     * {@code |g|} for p = ∞; 0 when no parameter has a gradient.
     */
    public static double totalNorm(List<Parameter> parameters, double normType) {
        if (!(normType > 0)) {
            throw new IllegalArgumentException("ClipGrad: norm type must be positive or infinity, got " + normType);
        }
        boolean infinity = normType == Double.POSITIVE_INFINITY;
        double total = 0;
        try (var scope = GradMode.noGrad()) {
            for (Parameter p : parameters) {
                Tensor g = p.grad();
                if (g == null) {
                    continue;
                }
                Tensor magnitude = g.abs();
                total = infinity ? Math.max(total, magnitude.max().item())
                        : total + magnitude.pow(normType).sum().item();
            }
        }
        return infinity ? total : normType == 2 ? Math.sqrt(total) : Math.pow(total, 1 / normType);
    }
}
