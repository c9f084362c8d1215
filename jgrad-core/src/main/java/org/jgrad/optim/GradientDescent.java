package org.jgrad.optim;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jgrad.Tensor;
import org.jgrad.nn.Parameter;

/**
 * Full-batch gradient descent as the lectures write it, with a stopping rule:
 *
 * <pre>
 * for i = 1 … maxIterations:
 *     w ← w − η·∇L(w)
 *     if |L(w_old) − L(w)| &lt; ε: return            ({@link Criterion#LOSS_CHANGE})
 * fail "not converged in maxIterations iterations"
 * </pre>
 *
 * or, with {@link Criterion#GRADIENT_NORM}, stop as soon as {@code ‖∇L(w)‖₂ < ε} (checked
 * before each update, so a start at a minimum takes 0 iterations). The deck's test is the
 * signed decrease {@code L(w_old) − L(w) < ε}, which would also "converge" on the first step
 * that increases the loss; here the change is taken in absolute value. A loss that turns NaN or
 * infinite ends the run at once with the same {@link NotConvergedException}.
 */
public final class GradientDescent {

    /** When to stop. */
    public enum Criterion {
        /** When one update changes the loss by less than ε in absolute value. */
        LOSS_CHANGE,
        /** When the global L2 norm of the gradient is below ε. */
        GRADIENT_NORM
    }

    /** Where a converged run ended: the updates made, the final loss and its gradient's L2 norm. */
    public record Result(int iterations, double loss, double gradientNorm) {
    }

    private GradientDescent() {
    }

    /** {@link #minimize(List, Supplier, double, double, int, Criterion)} stopping on the change in loss. */
    public static Result minimize(List<Parameter> parameters, Supplier<Tensor> loss, double learningRate,
            double tolerance, int maxIterations) {
        return minimize(parameters, loss, learningRate, tolerance, maxIterations, Criterion.LOSS_CHANGE);
    }

    /**
     * Minimizes the scalar {@code loss}, which the supplier computes from the current values of
     * {@code parameters} (recording the graph), by steps {@code w ← w − η·∇L} until {@code
     * criterion} holds with tolerance ε; throws {@link NotConvergedException} after {@code
     * maxIterations} updates without it, or when the loss stops being finite. The parameters
     * hold the last iterate either way.
     */
    public static Result minimize(List<Parameter> parameters, Supplier<Tensor> loss, double learningRate,
            double tolerance, int maxIterations, Criterion criterion) {
        String owner = "GradientDescent";
        Checks.positive(owner, "learning rate", learningRate);
        Checks.positive(owner, "tolerance", tolerance);
        Checks.positive(owner, "maximum number of iterations", maxIterations);
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(criterion, "criterion");
        SGD sgd = new SGD(parameters, learningRate);
        double current = evaluate(sgd, loss);
        double gradientNorm = ClipGrad.totalNorm(parameters, 2);
        for (int i = 0; i < maxIterations; i++) {
            if (criterion == Criterion.GRADIENT_NORM && gradientNorm < tolerance) {
                return new Result(i, current, gradientNorm);
            }
            sgd.step();
            double next = evaluate(sgd, loss);
            gradientNorm = ClipGrad.totalNorm(parameters, 2);
            double change = Math.abs(current - next);
            current = next;
            if (!Double.isFinite(current)) {
                throw new NotConvergedException(i + 1, current, gradientNorm);
            }
            if (criterion == Criterion.LOSS_CHANGE && change < tolerance) {
                return new Result(i + 1, current, gradientNorm);
            }
        }
        if (criterion == Criterion.GRADIENT_NORM && gradientNorm < tolerance) {
            return new Result(maxIterations, current, gradientNorm);
        }
        throw new NotConvergedException(maxIterations, current, gradientNorm);
    }

    /** The loss at the current parameters, with fresh gradients from its backward pass. */
    private static double evaluate(SGD sgd, Supplier<Tensor> loss) {
        sgd.zeroGrad();
        Tensor value = loss.get();
        value.backward();
        return value.item();
    }
}
