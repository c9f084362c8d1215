package org.jgrad.nn.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * The triplet loss of FaceNet (Schroff, Kalenichenko and Philbin, CVPR 2015), which learns
 * embeddings where an anchor is closer to a positive (same identity) than to a negative
 * (another identity) by a margin {@code α}:
 *
 * <pre>
 * ℓ_n = max(0, ‖a_n − p_n‖² − ‖a_n − n_n‖² + α)        (squared distances, the default)
 * ℓ_n = max(0, d(a_n, p_n) − d(a_n, n_n) + α)          (squared(false): PyTorch's TripletMarginLoss)
 *       with d(x, y) = ‖x − y + ε‖₂, ε = 1e−6
 * </pre>
 *
 * then reduced (by default the mean; FaceNet writes the sum, {@link Reduction#SUM}). The plain
 * distances are PyTorch's {@code nn.TripletMarginLoss} with {@code p = 2} and its {@code eps}
 * added to the difference, which keeps the square root's gradient finite when two embeddings
 * coincide. The squared distances need no such guard. As in PyTorch, the gradient passes
 * where the bracket is exactly 0.
 *
 * <p>The margin defaults to 1, PyTorch's default; FaceNet uses 0.2 on embeddings of unit
 * length. Shapes: anchor, positive and negative all {@code [N, D]} (or an unbatched {@code [D]});
 * {@link Reduction#NONE} gives {@code [N]}. Differentiable with respect to all three. Not a
 * {@link Loss}, which compares two tensors.
 */
public final class TripletLoss {

    /** PyTorch's {@code eps}, added to the difference before the plain distance. */
    private static final double EPSILON = 1e-6;

    private final double margin;
    private final Reduction reduction;
    private final boolean squared;

    /** The triplet loss with margin 1 on squared distances, averaged over the triplets. */
    public TripletLoss() {
        this(1.0);
    }

    /** The triplet loss with the given margin on squared distances, averaged over the triplets. */
    public TripletLoss(double margin) {
        this(margin, Reduction.MEAN);
    }

    /** The triplet loss with the given margin on squared distances, reduced as {@code reduction} says. */
    public TripletLoss(double margin, Reduction reduction) {
        this(margin, reduction, true);
    }

    private TripletLoss(double margin, Reduction reduction, boolean squared) {
        if (!(margin >= 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("TripletLoss: margin must be non-negative and finite, got " + margin);
        }
        this.margin = margin;
        this.reduction = Objects.requireNonNull(reduction, "reduction");
        this.squared = squared;
    }

    /** A copy on squared Euclidean distances ({@code true}, FaceNet's) or plain ones ({@code false}, PyTorch's). */
    public TripletLoss squared(boolean squared) {
        return new TripletLoss(margin, reduction, squared);
    }

    /** The margin {@code α}. */
    public double margin() {
        return margin;
    }

    /** How the losses of the triplets are combined. */
    public Reduction reduction() {
        return reduction;
    }

    /** The loss of the triplets {@code (anchor[n], positive[n], negative[n])}, reduced. */
    public Tensor forward(Tensor anchor, Tensor positive, Tensor negative) {
        boolean sameShape = Arrays.equals(anchor.shape(), positive.shape())
                && Arrays.equals(anchor.shape(), negative.shape());
        if (!sameShape || anchor.dim() < 1 || anchor.dim() > 2) {
            throw new IllegalArgumentException("TripletLoss: anchor " + Shape.format(anchor.shape()) + ", positive "
                    + Shape.format(positive.shape()) + " and negative " + Shape.format(negative.shape())
                    + " must have the same shape, [N, D] or [D]");
        }
        Tensor bracket = distance(anchor, positive).sub(distance(anchor, negative)).add(margin);
        return reduction.apply(bracket.clamp(0, Double.POSITIVE_INFINITY));
    }

    private Tensor distance(Tensor x, Tensor y) {
        Tensor difference = squared ? x.sub(y) : x.sub(y).add(EPSILON);
        Tensor squaredNorm = difference.mul(difference).sum(-1);
        return squared ? squaredNorm : squaredNorm.sqrt();
    }

    /** PyTorch's representation, {@code TripletLoss()}, with the settings that differ from the defaults. */
    @Override
    public String toString() {
        List<String> settings = new ArrayList<>();
        if (margin != 1.0) {
            settings.add("margin=" + margin);
        }
        if (!squared) {
            settings.add("squared=false");
        }
        return Loss.describe("TripletLoss", settings, reduction);
    }
}
