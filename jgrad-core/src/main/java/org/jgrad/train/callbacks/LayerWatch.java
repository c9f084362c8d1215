package org.jgrad.train.callbacks;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.jgrad.nn.Module;
import org.jgrad.nn.Parameter;

/** What {@link GradientMonitor} accumulates for one layer over one epoch. */
final class LayerWatch {

    private final String name;
    private final Module module;
    private final List<Parameter> parameters;
    private final Module.HookHandle hook;

    private double gradientNormSum;
    private int gradientBatches;
    private double updateRatioSum;
    private int updateBatches;
    private List<Tensor> before;
    private long count;
    private double sum;
    private double sumOfSquares;
    private boolean[] everNonZero;

    LayerWatch(String name, Module module) {
        this.name = Layers.name(name);
        this.module = module;
        this.parameters = module.parameters();
        this.hook = module.addForwardHook((m, input, output) -> {
            if (m.isTraining() && output.dtype().isFloatingPoint() && output.dim() >= 1 && output.numel() > 0) {
                recordActivations(output);
            }
        });
    }

    String name() {
        return name;
    }

    boolean hasParameters() {
        return !parameters.isEmpty();
    }

    void startEpoch() {
        gradientNormSum = 0;
        gradientBatches = 0;
        updateRatioSum = 0;
        updateBatches = 0;
        before = null;
        count = 0;
        sum = 0;
        sumOfSquares = 0;
        everNonZero = null;
    }

    /** After backward: the gradient norm of the layer, and a copy of its weights to measure the step. */
    void recordGradients() {
        if (!hasParameters()) {
            return;
        }
        try (var scope = GradMode.noGrad()) {
            double squares = 0;
            boolean any = false;
            for (Parameter p : parameters) {
                if (p.grad() != null) {
                    squares += squaredNorm(p.grad());
                    any = true;
                }
            }
            if (any) {
                gradientNormSum += Math.sqrt(squares);
                gradientBatches++;
            }
            before = parameters.stream().map(p -> p.value().detach().clone()).toList();
        }
    }

    /** After the step: {@code ‖w_after − w_before‖ / ‖w_before‖}. */
    void recordUpdate() {
        if (before == null) {
            return;
        }
        try (var scope = GradMode.noGrad()) {
            double change = 0;
            double size = 0;
            for (int i = 0; i < parameters.size(); i++) {
                change += squaredNorm(parameters.get(i).value().detach().sub(before.get(i)));
                size += squaredNorm(before.get(i));
            }
            if (size > 0) {
                updateRatioSum += Math.sqrt(change / size);
                updateBatches++;
            }
            before = null;
        }
    }

    private void recordActivations(Tensor output) {
        try (var scope = GradMode.noGrad()) {
            Tensor x = output.detach();
            count += x.numel();
            sum += x.sum().item();
            sumOfSquares += squaredNorm(x);
            int units = x.numel() / x.size(0);
            if (everNonZero == null || everNonZero.length != units) {
                everNonZero = new boolean[units];
            }
            double[] nonZero = x.reshape(x.size(0), units).ne(0).sum(0).toDoubleArray();
            for (int u = 0; u < units; u++) {
                everNonZero[u] |= nonZero[u] > 0;
            }
        }
    }

    /** The epoch's figures. */
    LayerStats stats(int epoch) {
        double mean = count == 0 ? Double.NaN : sum / count;
        double variance = count == 0 ? Double.NaN : Math.max(0, sumOfSquares / count - mean * mean);
        double dead = Double.NaN;
        if (everNonZero != null) {
            int deadUnits = 0;
            for (boolean active : everNonZero) {
                deadUnits += active ? 0 : 1;
            }
            dead = (double) deadUnits / everNonZero.length;
        }
        return new LayerStats(epoch, name, module.getClass().getSimpleName(),
                gradientBatches == 0 ? Double.NaN : gradientNormSum / gradientBatches,
                updateBatches == 0 ? Double.NaN : Math.log10(updateRatioSum / updateBatches),
                mean, Math.sqrt(variance), dead);
    }

    void close() {
        hook.close();
    }

    private static double squaredNorm(Tensor t) {
        return t.mul(t).sum().item();
    }
}
