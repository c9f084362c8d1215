package org.jgrad.nn.penalty;

import org.jgrad.Tensor;
import org.jgrad.nn.Module;

/**
 * A penalty on a model, added to the data loss to regularize it: {@code L_R = L + λ·Ω}, as the
 * decks write it. The result is a differentiable scalar, so one {@code backward()} of the sum
 * puts the penalty's gradient into the parameters' gradients:
 *
 * <pre>{@code
 * Tensor l = loss.forward(model.forward(x), y).add(penalty.of(model));
 * l.backward();
 * }</pre>
 */
@FunctionalInterface
public interface Regularizer {

    /** The penalty {@code λ·Ω} for the model's current state, a scalar that requires grad when its inputs do. */
    Tensor of(Module model);

    /** The sum of this penalty and {@code other}, e.g. L2 on the weights plus an activity penalty. */
    default Regularizer plus(Regularizer other) {
        return model -> of(model).add(other.of(model));
    }
}
