package org.jgrad.nn;

import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;

/**
 * Inverted dropout (Srivastava et al., "Dropout: a simple way to prevent neural networks from
 * overfitting", JMLR 2014), as PyTorch's {@code nn.Dropout}. In training each element is kept
 * with probability {@code 1 − p} and zeroed otherwise, by an independent mask drawn on every
 * forward pass, and kept elements are scaled by {@code 1 / (1 − p)}:
 *
 * <pre>
 * training:    y = x ⊙ m / (1 − p),   m_i ~ Bernoulli(1 − p)
 * evaluation:  y = x
 * </pre>
 *
 * <p>This is the decks' rule in another place: they keep units with probability {@code 1 − p}
 * during training without scaling and multiply the weights leaving them by {@code 1 − p} at
 * test time. Both make the test-time input of the next layer equal the expected training-time
 * input, {@code E[x ⊙ m] = (1 − p)·x}; scaling by {@code 1/(1 − p)} while training moves that
 * factor out of the trained weights, so evaluation needs no change to the network. A network
 * trained with this layer, evaluated as is, computes what the decks' network computes with its
 * weights scaled. Use one layer per rate, e.g. {@code new Dropout(0.2)} on the inputs and {@code
 * new Dropout(0.5)} after hidden layers, the rates the decks recommend.
 *
 * <p>Masks come from this layer's own {@link Rng}, which {@link #initialize(Rng)} and {@link
 * #reseed(Rng)} restart: the same seed gives the same masks. Layers built without an {@code
 * Rng} start from {@code new Rng(0)}, so two of them draw the same masks until the model is
 * initialized with a seed. Input any shape; output the same shape.
 */
public final class Dropout extends Module {

    private final double p;
    private Rng rng;

    /** Dropout with probability {@code p} in {@code [0, 1)}, drawing masks from {@code new Rng(0)}. */
    public Dropout(double p) {
        this(p, new Rng(0));
    }

    /** Dropout with probability {@code p} in {@code [0, 1)}, drawing masks from {@code rng}. */
    public Dropout(double p, Rng rng) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: probability p must be in [0, 1), got " + p);
        }
        this.p = p;
        this.rng = rng;
    }

    /** The probability of zeroing an element in training. */
    public double p() {
        return p;
    }

    /** Restarts the mask stream from {@code rng}. */
    @Override
    protected void restartStreams(Rng rng) {
        this.rng = rng;
    }

    @Override
    protected Tensor compute(Tensor input) {
        if (!isTraining() || p == 0) {
            return input;
        }
        DType dtype = input.dtype().isFloatingPoint() ? input.dtype() : DType.FLOAT32;
        Tensor keep = Tensor.bernoulli(rng, 1 - p, input.shape()).to(dtype);
        return input.mul(keep.div(1 - p));
    }

    @Override
    protected String extraRepr() {
        return "p=" + p;
    }
}
