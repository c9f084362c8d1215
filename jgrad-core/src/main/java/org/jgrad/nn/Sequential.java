package org.jgrad.nn;

import java.util.List;
import org.jgrad.Tensor;

/**
 * Modules applied one after another, the output of each the input of the next; named {@code 0},
 * {@code 1}, …. A {@link Linear} followed by a {@link ReLU} runs as one fused graph node ({@code
 * LinearRelu}, the same values and gradients) unless either has a forward hook, which must see
 * its own output.
 */
public final class Sequential extends Module {

    private final List<Module> layers;

    public Sequential(Module... layers) {
        this.layers = List.of(layers);
        for (int i = 0; i < layers.length; i++) {
            registerModule(Integer.toString(i), layers[i]);
        }
    }

    /** Layer {@code i}. */
    public Module get(int i) {
        return layers.get(i);
    }

    /** The number of layers. */
    public int size() {
        return layers.size();
    }

    @Override
    protected Tensor compute(Tensor input) {
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) {
            if (fusesWithNext(i)) {
                x = ((Linear) layers.get(i)).computeRelu(x);
                i++;
            } else {
                x = layers.get(i).forward(x);
            }
        }
        return x;
    }

    /** Whether layer {@code i} is a hook-free {@link Linear} followed by a hook-free {@link ReLU}. */
    private boolean fusesWithNext(int i) {
        return i + 1 < layers.size() && layers.get(i) instanceof Linear linear && layers.get(i + 1) instanceof ReLU relu
                && !linear.hasForwardHooks() && !relu.hasForwardHooks();
    }
}
