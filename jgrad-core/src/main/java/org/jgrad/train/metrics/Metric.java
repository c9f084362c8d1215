package org.jgrad.train.metrics;

import java.util.function.ToDoubleBiFunction;
import org.jgrad.Tensor;

/**
 * A number that says how good a model's outputs are against their targets, such as the
 * accuracy or the R² of a regression: what a {@code Trainer} records for every epoch next to
 * the loss. The built-in ones come from {@link Metrics}; {@link #of(String, ToDoubleBiFunction)}
 * makes another.
 */
public interface Metric {

    /** The name under which a history and a log show the value, e.g. {@code accuracy}. */
    String name();

    /**
     * The value for a model's {@code output} on some examples (one row per example) against
     * their {@code target}s; computed outside any graph, in float64.
     */
    double of(Tensor output, Tensor target);

    /** A metric named {@code name} that computes {@code function(output, target)}. */
    static Metric of(String name, ToDoubleBiFunction<Tensor, Tensor> function) {
        return new NamedMetric(name, function);
    }
}
