package org.jgrad.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jgrad.Rng;
import org.jgrad.nn.BatchNorm1d;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.LeakyReLU;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.Sigmoid;
import org.jgrad.nn.Tanh;
import org.jgrad.nn.init.Init;

/**
 * The multilayer perceptron that {@code jgrad train} builds: for each hidden width a
 * {@code Linear} layer, optionally batch normalization, the activation and optionally dropout;
 * then a {@code Linear} output layer (class scores, or the regression values). ReLU-family
 * layers start from He initialization, sigmoid and tanh from Xavier/Glorot, as the decks advise.
 *
 * @param hidden the widths of the hidden layers
 * @param activation the hidden layers' activation
 * @param dropout the dropout probability after each hidden layer, 0 for none
 * @param batchNorm whether each hidden layer is batch-normalized before its activation
 */
record Network(List<Integer> hidden, Activation activation, double dropout, boolean batchNorm) {

    /** The activations {@code --activation} offers. */
    enum Activation {
        RELU(ReLU::new, true),
        LEAKY_RELU(LeakyReLU::new, true),
        ELU(org.jgrad.nn.ELU::new, true),
        TANH(Tanh::new, false),
        SIGMOID(Sigmoid::new, false);

        private final Supplier<Module> layer;
        private final boolean rectifier;

        Activation(Supplier<Module> layer, boolean rectifier) {
            this.layer = layer;
            this.rectifier = rectifier;
        }
    }

    Network {
        hidden = List.copyOf(hidden);
        for (int width : hidden) {
            if (width < 1) {
                throw new IllegalArgumentException("--hidden: layer widths must be at least 1, got " + hidden);
            }
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("--dropout: must be in [0, 1), got " + dropout);
        }
    }

    /**
     * The network for examples of shape {@code inputShape} (images are flattened first) and
     * {@code outputs} outputs, initialized from {@code rng}.
     */
    Module build(int[] inputShape, int outputs, Rng rng) {
        List<Module> layers = new ArrayList<>();
        int width = 1;
        for (int extent : inputShape) {
            width *= extent;
        }
        if (inputShape.length > 1) {
            layers.add(new Flatten());
        }
        var init = activation.rectifier ? Init.heNormal() : Init.xavierNormal();
        for (int next : hidden) {
            layers.add(new Linear(width, next, init));
            if (batchNorm) {
                layers.add(new BatchNorm1d(next));
            }
            layers.add(activation.layer.get());
            if (dropout > 0) {
                layers.add(new Dropout(dropout));
            }
            width = next;
        }
        layers.add(new Linear(width, outputs, Init.xavierNormal()));
        Module model = new Sequential(layers.toArray(Module[]::new));
        model.initialize(rng);
        return model;
    }
}
