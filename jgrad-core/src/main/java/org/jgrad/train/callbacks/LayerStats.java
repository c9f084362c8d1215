package org.jgrad.train.callbacks;

/**
 * One layer's health in one epoch, as {@link GradientMonitor} measures it: the figures of the
 * decks' vanishing- and exploding-gradient diagnostics, and what a gradient-flow plot draws.
 *
 * @param epoch the epoch, counting from 0
 * @param layer the layer's dotted name in the model ({@code model} for a model that is one layer)
 * @param type the layer's class, e.g. {@code Linear}
 * @param gradientNorm the L2 norm of the gradients of the layer's own parameters, all together,
 *     averaged over the epoch's batches; NaN for a layer without parameters (or whose
 *     parameters received no gradient)
 * @param updateRatioLog10 {@code log10(‖Δw‖ / ‖w‖)} of the layer's parameters, the size of an
 *     optimizer step relative to the weights (around −3 is healthy), with the ratio averaged over
 *     the epoch's batches; NaN for a layer without parameters
 * @param activationMean the mean of the layer's output over the epoch's training batches
 * @param activationStd the standard deviation of those outputs (population)
 * @param deadFraction the fraction of the layer's output units (the elements of one example's
 *     output) that were exactly 0 for every example of the epoch: dead ReLUs
 */
public record LayerStats(int epoch, String layer, String type, double gradientNorm, double updateRatioLog10,
        double activationMean, double activationStd, double deadFraction) {

    /** Whether the layer has parameters that received gradients, so that its gradient figures are defined. */
    public boolean hasParameters() {
        return !Double.isNaN(gradientNorm);
    }
}
