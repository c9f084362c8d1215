package org.jgrad.nn;

import java.util.List;
import org.jgrad.Tensor;

/** Modules applied one after another, the output of each the input of the next; named {@code 0}, {@code 1}, …. */
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
        for (Module layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }
}
