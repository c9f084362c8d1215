package org.jgrad.nn;

import java.util.Objects;
import org.jgrad.Rng;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.nn.init.Init;
import org.jgrad.nn.init.Initializer;

/**
 * A maxout layer (Goodfellow et al., "Maxout networks", ICML 2013): each output unit is the
 * largest of {@code k} affine functions of the input,
 *
 * <pre>
 * y_j = max_{i &lt; k} (w_{j,i}ᵀ x + b_{j,i})
 * </pre>
 *
 * ({@code max(w₁ᵀx + b₁, w₂ᵀx + b₂)} in the decks for {@code k = 2}). It learns its own piecewise
 * linear, convex activation: with {@code k = 2} it can be ReLU ({@code w₂ = 0, b₂ = 0}), leaky
 * ReLU or the absolute value. The gradient flows to the winning piece; pieces that tie share it
 * evenly, as {@link Tensor#amax} does (ties have probability zero for continuous inputs).
 *
 * <p>Computed as one affine map to {@code out · k} units followed by the maximum over groups of
 * {@code k} consecutive units. Input {@code [*, in]}; output {@code [*, out]}. Parameters {@code
 * weight} of shape {@code [out · k, in]} and {@code bias} of shape {@code [out · k]}, row {@code
 * j·k + i} holding piece {@code i} of unit {@code j}. By default both are drawn from {@link
 * Init#linearDefault()}, U(±1/√in), the start of a PyTorch {@code nn.Linear(in, out · k)}: each
 * piece is a linear unit, and no ReLU follows to justify He's doubled variance.
 */
public final class Maxout extends Module {

    private final int inFeatures;
    private final int outFeatures;
    private final int pieces;
    private final Initializer init;
    private final Parameter weight;
    private final Parameter bias;

    /** {@code out} units of {@code k} pieces each over {@code in} inputs, drawn by {@link Init#linearDefault()}. */
    public Maxout(int in, int out, int k) {
        this(in, out, k, Init.linearDefault());
    }

    /** {@code out} units of {@code k} pieces each over {@code in} inputs, drawn by {@code init}. */
    public Maxout(int in, int out, int k, Initializer init) {
        this(in, out, k, init, new Rng(0));
    }

    /** {@code out} units of {@code k} pieces each over {@code in} inputs, drawn by {@code init} from {@code rng}. */
    public Maxout(int in, int out, int k, Initializer init, Rng rng) {
        if (in < 1 || out < 1 || k < 1) {
            throw new IllegalArgumentException("Maxout: in, out and k must be positive, got " + in + ", " + out
                    + " and " + k);
        }
        this.inFeatures = in;
        this.outFeatures = out;
        this.pieces = k;
        this.init = Objects.requireNonNull(init, "Maxout: init");
        this.weight = registerParameter("weight", new Parameter(Tensor.zeros(out * k, in)));
        this.bias = registerParameter("bias", new Parameter(Tensor.zeros(out * k)));
        reset(Objects.requireNonNull(rng, "Maxout: rng"));
    }

    /** The size of each input example. */
    public int inFeatures() {
        return inFeatures;
    }

    /** The number of output units. */
    public int outFeatures() {
        return outFeatures;
    }

    /** The number {@code k} of affine pieces each unit takes the maximum of. */
    public int pieces() {
        return pieces;
    }

    /** The pieces' weights, shape {@code [out · k, in]}. */
    public Parameter weight() {
        return weight;
    }

    /** The pieces' biases, shape {@code [out · k]}. */
    public Parameter bias() {
        return bias;
    }

    /** Draws weight and bias from the initializer, treating the {@code out · k} pieces as the fan-out. */
    @Override
    protected void reset(Rng rng) {
        weight.set(init.sample(rng, outFeatures * pieces, inFeatures));
        bias.set(init.sampleBias(rng, outFeatures * pieces, inFeatures));
    }

    @Override
    protected Tensor compute(Tensor input) {
        int[] shape = input.shape();
        if (shape.length == 0 || shape[shape.length - 1] != inFeatures) {
            throw new IllegalArgumentException(this + ": expected input [*, " + inFeatures + "], got "
                    + Shape.format(shape));
        }
        // One matrix product over all leading dimensions merged, then a maximum over each unit's pieces.
        int rows = input.numel() / inFeatures;
        Tensor affine = input.reshape(rows, inFeatures).matmul(weight.value().t()).add(bias.value());
        Tensor units = affine.reshape(rows, outFeatures, pieces).amax(new int[] {2}, false);
        shape[shape.length - 1] = outFeatures;
        return units.reshape(shape);
    }

    @Override
    protected String extraRepr() {
        return inFeatures + ", " + outFeatures + ", k=" + pieces;
    }
}
