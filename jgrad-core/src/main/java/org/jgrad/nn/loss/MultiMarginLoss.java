package org.jgrad.nn.loss;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.Tensor;

/**
 * The multiclass SVM hinge loss of the lecture decks (Weston and Watkins, 1999): for scores
 * {@code s} (one per class) and the true class {@code y},
 *
 * <pre>
 * ℓ_n = Σ_{j ≠ y_n} max(0, s[n, j] − s[n, y_n] + margin)
 * </pre>
 *
 * then reduced (by default the mean over the examples). An example costs nothing once its true
 * class outscores every other class by at least the margin (1 by default); otherwise each
 * violating class adds the size of its violation. The gradient is 1 for each violating class,
 * minus their number for the true class, and 0 elsewhere, also where a violation is exactly 0
 * (the subgradient of {@code max(0, ·)} at its kink).
 *
 * <p><b>Differs from PyTorch.</b> PyTorch's {@code nn.MultiMarginLoss} divides each {@code ℓ_n}
 * by the number of classes {@code C}; the decks (and CS231n, whose example they use) do not, and
 * neither does this class by default, so its values are {@code C} times PyTorch's. {@link
 * #divideByClasses(boolean) divideByClasses(true)} gives PyTorch's values. Example: three
 * examples with scores (cat, car, frog) = (3.2, 5.1, −1.7), (1.3, 4.9, 2.0), (2.2, 2.5, −3.1)
 * and true classes cat, car, frog cost 2.9, 0 and 12.9, mean 5.27 (PyTorch: 1.76).
 *
 * <p>Shapes: input {@code [N, C]} (or {@code [N, C, d1, …]}, or an unbatched {@code [C]});
 * target int64 with the input's shape without the class dimension, each in {@code [0, C)}.
 * {@link Reduction#NONE} gives the target's shape. Differentiable with respect to the input.
 */
public final class MultiMarginLoss extends Loss {

    private final double margin;
    private final boolean divideByClasses;

    /** The lectures' hinge loss with margin 1, averaged over the examples. */
    public MultiMarginLoss() {
        this(1.0);
    }

    /** The hinge loss with the given margin, averaged over the examples. */
    public MultiMarginLoss(double margin) {
        this(margin, Reduction.MEAN);
    }

    /** The hinge loss with the given margin, reduced as {@code reduction} says. */
    public MultiMarginLoss(double margin, Reduction reduction) {
        this(margin, reduction, false);
    }

    private MultiMarginLoss(double margin, Reduction reduction, boolean divideByClasses) {
        super(reduction);
        if (!Double.isFinite(margin)) {
            throw new IllegalArgumentException("MultiMarginLoss: margin must be finite, got " + margin);
        }
        this.margin = margin;
        this.divideByClasses = divideByClasses;
    }

    /** A copy that divides each example's loss by the number of classes ({@code true}: PyTorch's convention) or not. */
    public MultiMarginLoss divideByClasses(boolean divide) {
        return new MultiMarginLoss(margin, reduction(), divide);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        ClassTargets.checkIndices(this, input, target);
        int classDim = ClassTargets.classDim(this, input);
        int classes = input.size(classDim);
        Tensor trueScore = ClassTargets.pick(input, target, classDim).unsqueeze(classDim);
        Tensor violations = input.sub(trueScore).add(margin).relu();
        Tensor isTrueClass = ClassTargets.alongClasses(Tensor.arange(classes), input.dim(), classDim)
                .eq(target.unsqueeze(classDim));
        Tensor losses = Tensor.where(isTrueClass, Tensor.scalar(0, violations.dtype()), violations).sum(classDim);
        return reduction().apply(divideByClasses ? losses.div(classes) : losses);
    }

    @Override
    protected List<String> settings() {
        List<String> settings = new ArrayList<>();
        if (margin != 1.0) {
            settings.add("margin=" + margin);
        }
        if (divideByClasses) {
            settings.add("divideByClasses=true");
        }
        return settings;
    }
}
