package org.jgrad.backend;

/**
 * The scalars of one Adam update (Kingma &amp; Ba 2015; AdamW's decoupled decay, Loshchilov &amp;
 * Hutter 2019; AMSGrad, Reddi et al. 2018) for {@link Backend#adam}. Element by element, with
 * {@code w} the value, {@code g} the gradient and {@code m}, {@code v}, {@code v̂} the buffers:
 *
 * <pre>
 * w ← w·shrink                                   (AdamW: shrink = 1 − η·λ; Adam: shrink = 1)
 * g ← g + w·l2              only when l2 ≠ 0      (Adam's L2 weight decay λ)
 * m ← m·β₁ + g·(1 − β₁)
 * v ← v·β₂ + (g·g)·(1 − β₂)
 * v̂ ← max(v̂, v)             only for AMSGrad, which then uses v̂ for v below
 * w ← w − (m / (√v / correction2 + ε))·stepSize
 * </pre>
 *
 * Every operation rounds to the parameter's precision, and every scalar is first rounded to it
 * ({@code (float) β₁}, {@code (float) (1 − β₁)}, …) exactly as the same rule written with tensor
 * operations on a float32 parameter rounds them, so a kernel gives that formulation's bits. A
 * multiplication by a shrink of 1 changes no bit, so Adam passes 1; adding {@code w·0} could
 * ({@code −0 + 0 = +0}), so an l2 of 0 skips the line.
 *
 * @param beta1       β₁, the first moment's decay
 * @param beta2       β₂, the second moment's decay
 * @param eps         ε, added to the denominator
 * @param l2          λ of Adam's L2 decay folded into the gradient, or 0
 * @param shrink      AdamW's factor {@code 1 − η·λ}, or 1
 * @param stepSize    {@code η / (1 − β₁ᵗ)}
 * @param correction2 {@code √(1 − β₂ᵗ)}
 * @param amsgrad     whether to keep and use the running maximum {@code v̂}
 */
public record AdamStep(double beta1, double beta2, double eps, double l2, double shrink, double stepSize,
                       double correction2, boolean amsgrad) {
}
