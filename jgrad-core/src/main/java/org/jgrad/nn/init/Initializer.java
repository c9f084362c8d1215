package org.jgrad.nn.init;

import org.jgrad.Rng;
import org.jgrad.Tensor;

/**
 * How a layer's initial weights (and bias) are drawn. {@link Init} has the usual schemes; a
 * lambda {@code (rng, fanOut, fanIn) -> ...} is one too, with a zero bias.
 *
 * <p>The weight is a {@code [fanOut, fanIn]} matrix, PyTorch's layout: row {@code j} holds the
 * {@code fanIn} incoming weights of output unit {@code j}. A layer with another layout (a
 * Maxout's {@code k} pieces, say) draws {@code [k · fanOut, fanIn]} and reshapes.
 */
@FunctionalInterface
public interface Initializer {

    /** A new float32 {@code [fanOut, fanIn]} weight matrix drawn from {@code rng}. */
    Tensor sample(Rng rng, int fanOut, int fanIn);

    /**
     * A new float32 bias of shape {@code [fanOut]} for the weight this scheme draws; zeros unless
     * the scheme says otherwise ({@link Init#linearDefault()} draws it like the weight).
     */
    default Tensor sampleBias(Rng rng, int fanOut, int fanIn) {
        return Tensor.zeros(fanOut);
    }
}
