package org.jgrad.train.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jgrad.train.Callback;
import org.jgrad.train.TrainingState;

/**
 * The decks' vanishing- and exploding-gradient diagnostics, per layer and epoch ({@link
 * LayerStats}): the gradient norm, the log10 ratio of the update to the weights, the mean and
 * standard deviation of the layer's output, and the fraction of dead units. A layer is a leaf
 * module of the model (a {@code Linear}, an activation …); the gradient figures exist for those
 * with parameters, the activation figures, watched through forward hooks in training mode, for
 * all.
 *
 * <p>After each epoch it warns (through {@link #warnings()} and the {@code org.jgrad.train}
 * {@link System.Logger} at level WARNING) when a layer's gradient norm is more than {@link
 * #warnAt(double) orders} (default 2) orders of magnitude below the output layer's — the last
 * layer with parameters — (vanishing gradients: the layers near the input barely learn), more
 * than that above it, or more than that above its own norm in the first epoch watched, or not
 * finite (exploding gradients).
 *
 * <p>Cost per batch: one copy of the weights and a few passes over gradients, weights and
 * outputs; a diagnostic for a few epochs rather than for every production run.
 */
public final class GradientMonitor implements Callback {

    private static final System.Logger LOG = System.getLogger("org.jgrad.train");

    private double orders = 2;
    private final List<LayerStats> history = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Double> firstNorms = new LinkedHashMap<>();
    private List<LayerWatch> watches = List.of();

    /** A monitor that warns at a gap of 2 orders of magnitude. */
    public GradientMonitor() {
    }

    /** Sets how many orders of magnitude (positive) between gradient norms call for a warning. */
    public GradientMonitor warnAt(double orders) {
        if (!(orders > 0) || Double.isInfinite(orders)) {
            throw new IllegalArgumentException("GradientMonitor: orders must be positive, got " + orders);
        }
        this.orders = orders;
        return this;
    }

    @Override
    public void onTrainBegin(TrainingState state) {
        List<LayerWatch> fresh = new ArrayList<>();
        Layers.leaves(state.model()).forEach((name, module) -> fresh.add(new LayerWatch(name, module)));
        watches = fresh;
    }

    @Override
    public void onEpochBegin(TrainingState state) {
        watches.forEach(LayerWatch::startEpoch);
    }

    @Override
    public void afterBackward(TrainingState state) {
        watches.forEach(LayerWatch::recordGradients);
    }

    @Override
    public void onBatchEnd(TrainingState state) {
        watches.forEach(LayerWatch::recordUpdate);
    }

    @Override
    public void onEpochEnd(TrainingState state) {
        List<LayerStats> epoch = watches.stream().map(w -> w.stats(state.epoch())).toList();
        history.addAll(epoch);
        warn(epoch);
    }

    @Override
    public void onTrainEnd(TrainingState state) {
        watches.forEach(LayerWatch::close);
        watches = List.of();
    }

    private void warn(List<LayerStats> epoch) {
        List<LayerStats> learning = epoch.stream().filter(LayerStats::hasParameters).toList();
        if (learning.isEmpty()) {
            return;
        }
        LayerStats output = learning.getLast();
        for (LayerStats layer : learning) {
            double norm = layer.gradientNorm();
            double first = firstNorms.computeIfAbsent(layer.layer(), name -> norm);
            if (!Double.isFinite(norm)) {
                warning(layer, "gradient norm is " + norm + ": exploding gradients");
                continue;
            }
            double belowOutput = Math.log10(output.gradientNorm() / norm);
            if (layer != output && output.gradientNorm() > 0 && belowOutput > orders) {
                warning(layer, String.format(Locale.ROOT, "gradient norm %.3g is %.1f orders of magnitude below that"
                        + " of the output layer '%s' (%.3g): vanishing gradients", norm, belowOutput, output.layer(),
                        output.gradientNorm()));
            } else if (layer != output && output.gradientNorm() > 0 && -belowOutput > orders) {
                warning(layer, String.format(Locale.ROOT, "gradient norm %.3g is %.1f orders of magnitude above that"
                        + " of the output layer '%s' (%.3g): exploding gradients", norm, -belowOutput, output.layer(),
                        output.gradientNorm()));
            }
            double growth = Math.log10(norm / first);
            if (first > 0 && growth > orders) {
                warning(layer, String.format(Locale.ROOT, "gradient norm %.3g has grown %.1f orders of magnitude"
                        + " since the first epoch watched (%.3g): exploding gradients", norm, growth, first));
            }
        }
    }

    private void warning(LayerStats layer, String problem) {
        String message = "GradientMonitor: epoch " + layer.epoch() + ": layer '" + layer.layer() + "' ("
                + layer.type() + ") " + problem;
        warnings.add(message);
        LOG.log(System.Logger.Level.WARNING, message);
    }

    /** Every layer's figures for every epoch watched, epoch by epoch, layers in model order. */
    public List<LayerStats> history() {
        return Collections.unmodifiableList(history);
    }

    /** The layers' figures for {@code epoch}; empty if it was not watched. */
    public List<LayerStats> epoch(int epoch) {
        return history.stream().filter(s -> s.epoch() == epoch).toList();
    }

    /** The warnings given so far, in order. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** The figures of {@code epoch} as a table, one layer per line. */
    public String table(int epoch) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s %-12s %12s %10s %11s %11s %6s",
                "layer", "type", "grad norm", "log10 upd", "act mean", "act std", "dead"));
        for (LayerStats s : epoch(epoch)) {
            out.append(String.format(Locale.ROOT, "%n%-12s %-12s %12.3e %10.2f %11.4f %11.4f %6.2f", s.layer(), s.type(),
                    s.gradientNorm(), s.updateRatioLog10(), s.activationMean(), s.activationStd(), s.deadFraction()));
        }
        return out.toString();
    }
}
