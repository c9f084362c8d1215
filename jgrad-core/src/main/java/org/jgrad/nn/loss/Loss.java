package org.jgrad.nn.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * A loss function: how far a network's output is from the target, as a differentiable tensor
 * whose {@code backward()} trains the network.
 *
 * <pre>{@code
 * Loss loss = new CrossEntropyLoss();
 * Tensor l = loss.forward(model.forward(x), target);
 * l.backward();
 * }</pre>
 *
 * <p>Each loss computes one loss per element or example and reduces them as its {@link
 * Reduction} says: the mean by default, set by the last constructor argument. Options that only
 * some losses have (class weights, label smoothing …) are methods that return a configured
 * copy, so a loss is immutable. A loss prints as PyTorch prints it, e.g. {@code
 * CrossEntropyLoss()}, followed by the settings that differ from the defaults, e.g. {@code
 * HuberLoss(delta=0.5, reduction=sum)}. Errors name the loss and the shapes: {@code
 * CrossEntropyLoss: target of shape [3] for input [4, 10]: …}.
 */
public abstract class Loss {

    private final Reduction reduction;

    /** A loss that reduces its losses as {@code reduction} says. */
    protected Loss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    /**
     * The loss of {@code input} (the network's output) against {@code target}, reduced as
     * {@link #reduction()} says; differentiable with respect to the input (and to a
     * floating-point target where the loss is a function of it).
     */
    public abstract Tensor forward(Tensor input, Tensor target);

    /** How the losses of the single elements or examples are combined. */
    public final Reduction reduction() {
        return reduction;
    }

    /** The settings that differ from this loss's defaults, as {@code name=value}, for {@link #toString()}. */
    protected List<String> settings() {
        return List.of();
    }

    /** The error for a target that does not suit the input: names the loss, both shapes and the problem. */
    protected final IllegalArgumentException targetError(Tensor input, Tensor target, String problem) {
        return new IllegalArgumentException(name() + ": target of shape " + Shape.format(target.shape())
                + " for input " + Shape.format(input.shape()) + ": " + problem);
    }

    /** Checks that {@code target} has the shape of {@code input}; losses do not broadcast one against the other. */
    protected final void checkSameShape(Tensor input, Tensor target) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw targetError(input, target, "the shapes must be equal");
        }
    }

    /** The loss's name in messages: its simple class name. */
    protected final String name() {
        return getClass().getSimpleName();
    }

    /** PyTorch's representation, {@code CrossEntropyLoss()}, with the settings that differ from the defaults. */
    @Override
    public final String toString() {
        return describe(name(), settings(), reduction);
    }

    static String describe(String name, List<String> settings, Reduction reduction) {
        List<String> shown = new ArrayList<>(settings);
        if (reduction != Reduction.MEAN) {
            shown.add("reduction=" + reduction);
        }
        return name + "(" + String.join(", ", shown) + ")";
    }
}
