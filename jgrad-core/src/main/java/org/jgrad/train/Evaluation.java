package org.jgrad.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.jgrad.nn.loss.Loss;
import org.jgrad.train.metrics.Metric;

/**
 * A model's loss and metrics on some data.
 *
 * @param loss the loss function's value on all the examples together
 * @param metrics each metric by name, in the order given
 */
public record Evaluation(double loss, Map<String, Double> metrics) {

    /** Keeps an unmodifiable copy of the metrics in their order. */
    public Evaluation {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metrics, "metrics")));
    }

    /** The loss and metrics of {@code outputs} against {@code targets}, computed without a graph. */
    static Evaluation of(Loss loss, List<Metric> metrics, Tensor outputs, Tensor targets) {
        try (var scope = GradMode.noGrad()) {
            Map<String, Double> values = new LinkedHashMap<>();
            metrics.forEach(metric -> values.put(metric.name(), metric.of(outputs, targets)));
            return new Evaluation(loss.forward(outputs, targets).item(), values);
        }
    }
}
