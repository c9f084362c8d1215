package org.jgrad.train.metrics;

import java.util.Objects;
import java.util.function.ToDoubleBiFunction;
import org.jgrad.Tensor;

/** A metric given by its name and a function of the output and the target. */
record NamedMetric(String name, ToDoubleBiFunction<Tensor, Tensor> function) implements Metric {

    NamedMetric {
        Objects.requireNonNull(function, "function");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Metric: the name must not be empty");
        }
    }

    @Override
    public double of(Tensor output, Tensor target) {
        return function.applyAsDouble(output, target);
    }

    @Override
    public String toString() {
        return name;
    }
}
