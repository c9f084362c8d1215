package org.jgrad.train.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.nn.BatchNorm1d;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.Sigmoid;
import org.jgrad.nn.init.Init;
import org.jgrad.nn.init.Initializer;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.SGD;
import org.jgrad.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * The deck's vanishing-gradient problem made visible by {@link GradientMonitor}: in a 10-layer
 * sigmoid network drawn from N(0, 1), each layer multiplies the backward signal by {@code
 * σ'(z) ≤ 1/4} at saturated units, so the first layer's gradient is orders of magnitude below
 * the last one's and the monitor warns. ReLU with He initialization keeps every layer's gradient
 * within one order of magnitude of the others; batch normalization before each sigmoid keeps
 * the first layer's within one order of the last one's. One epoch of four batches on a
 * two-class problem, measured at the start of training; the margins hold for other seeds too.
 */
class VanishingGradientTest {

    private static final int WIDTH = 16;
    private static final int DEPTH = 10;
    private static final int FEATURES = 8;

    /** Weights and biases from N(0, 1), the initialization of Nielsen's vanishing-gradient demonstration. */
    private static final Initializer STANDARD_NORMAL = new Initializer() {
        @Override
        public Tensor sample(Rng rng, int fanOut, int fanIn) {
            return Tensor.randn(rng, fanOut, fanIn);
        }

        @Override
        public Tensor sampleBias(Rng rng, int fanOut, int fanIn) {
            return Tensor.randn(rng, fanOut);
        }
    };

    /** 256 standard normal points in 8 dimensions, class 1 where the first two features sum above 0. */
    private static DataSet data() {
        Tensor x = Tensor.randn(new Rng(3), 256, FEATURES);
        float[] values = x.toFloatArray();
        long[] y = new long[256];
        for (int i = 0; i < y.length; i++) {
            y[i] = values[FEATURES * i] + values[FEATURES * i + 1] > 0 ? 1 : 0;
        }
        return DataSet.of(x, Tensor.of(y, y.length));
    }

    /** Nine hidden blocks of width 16 from {@code block(inputs)}, then a linear output layer for two classes. */
    private static Sequential network(IntFunction<List<Module>> block, Initializer outputInit) {
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i < DEPTH - 1; i++) {
            layers.addAll(block.apply(i == 0 ? FEATURES : WIDTH));
        }
        layers.add(new Linear(WIDTH, 2, outputInit));
        var model = new Sequential(layers.toArray(Module[]::new));
        model.initialize(new Rng(5));
        return model;
    }

    /** The gradient norms of the ten linear layers in the first epoch, input side first. */
    private static double[] linearGradientNorms(Sequential model, GradientMonitor monitor) {
        Trainer.of(model, new CrossEntropyLoss(), new SGD(model.parameters(), 0.01)).epochs(1).batchSize(64)
                .callbacks(monitor).fit(data());
        double[] norms = monitor.epoch(0).stream().filter(s -> s.type().equals("Linear"))
                .mapToDouble(LayerStats::gradientNorm).toArray();
        assertEquals(DEPTH, norms.length);
        return norms;
    }

    private static double ordersBetween(double[] norms) {
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double n : norms) {
            max = Math.max(max, n);
            min = Math.min(min, n);
        }
        return Math.log10(max / min);
    }

    @Test
    void deepSigmoidNetworkWithStandardNormalWeightsHasVanishingGradients() {
        var monitor = new GradientMonitor();
        double[] norms = linearGradientNorms(network(in -> List.of(new Linear(in, WIDTH, STANDARD_NORMAL),
                new Sigmoid()), STANDARD_NORMAL), monitor);
        double orders = Math.log10(norms[DEPTH - 1] / norms[0]);
        assertTrue(orders > 2, "first " + norms[0] + ", last " + norms[DEPTH - 1]);
        assertEquals(String.format(Locale.ROOT, "GradientMonitor: epoch 0: layer '0' (Linear) gradient norm %.3g is"
                + " %.1f orders of magnitude below that of the output layer '18' (%.3g): vanishing gradients",
                norms[0], orders, norms[DEPTH - 1]), monitor.warnings().getFirst());
    }

    @Test
    void reluWithHeInitializationKeepsGradientsWithinOneOrder() {
        var monitor = new GradientMonitor();
        double[] norms = linearGradientNorms(network(in -> List.of(new Linear(in, WIDTH, Init.heNormal()),
                new ReLU()), Init.heNormal()), monitor);
        assertTrue(ordersBetween(norms) < 1, Arrays.toString(norms));
        assertEquals(List.of(), monitor.warnings());
    }

    @Test
    void batchNormalizationKeepsSigmoidGradientsWithinOneOrder() {
        var monitor = new GradientMonitor();
        double[] norms = linearGradientNorms(network(in -> List.of(new Linear(in, WIDTH, STANDARD_NORMAL),
                new BatchNorm1d(WIDTH), new Sigmoid()), STANDARD_NORMAL), monitor);
        assertTrue(Math.abs(Math.log10(norms[DEPTH - 1] / norms[0])) < 1, Arrays.toString(norms));
        assertEquals(List.of(), monitor.warnings());
    }
}
