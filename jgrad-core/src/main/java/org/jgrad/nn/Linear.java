package org.jgrad.nn;

import java.util.Arrays;
import java.util.Objects;
import org.jgrad.Rng;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.nn.init.Init;
import org.jgrad.nn.init.Initializer;

/**
 * A fully connected layer, {@code y = x·Wᵀ + b}, as PyTorch's {@code nn.Linear}.
 *
 * <p>Input {@code [*, inFeatures]}, output {@code [*, outFeatures]}: any number of leading
 * dimensions (none for one example, {@code [N, in]} for a batch, {@code [N, T, in]} for a batch
 * of sequences). Parameters: {@code weight} of shape {@code [outFeatures, inFeatures]}, PyTorch's
 * layout, whose row {@code j} holds the incoming weights of output unit {@code j} (state
 * dictionaries line up with PyTorch's, and {@code Wᵀ} is a view, so the product copies nothing);
 * {@code bias} of shape {@code [outFeatures]}, unless turned off.
 *
 * <p>Initialization: by default PyTorch's, {@link Init#linearDefault()} (weight and bias
 * U(±1/√inFeatures)), so that a model starts as the same PyTorch model would. A layer followed
 * by a ReLU trains better from He initialization, one argument away: {@code new Linear(784,
 * 256, Init.heNormal())}; Xavier suits tanh and sigmoid. Constructors without an {@link Rng}
 * draw from {@code new Rng(0)}; {@link Module#initialize(Rng)} redraws.
 *
 * <p>Weight noise ({@link #weightNoise(double)}): in training mode, each forward pass uses
 * {@code W + ε} with fresh {@code ε ~ N(0, σ²)}, a regularizer (Graves 2011: noise on the
 * weights rather than the activations); the gradient reaches {@code W}. The noise comes from
 * the layer's own stream, restarted by {@link Module#initialize(Rng)} and {@link
 * Module#reseed(Rng)}.
 */
public final class Linear extends Module {

    private final int inFeatures;
    private final int outFeatures;
    private final Initializer init;
    private final Parameter weight;
    private final Parameter bias;
    private double weightNoise;
    private Rng noise;

    /** A layer with a bias and PyTorch's default initialization. */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /** A layer with a bias when {@code bias}, and PyTorch's default initialization. */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, Init.linearDefault());
    }

    /** A layer with a bias, initialized by {@code init}, e.g. {@link Init#heNormal()}. */
    public Linear(int inFeatures, int outFeatures, Initializer init) {
        this(inFeatures, outFeatures, true, init);
    }

    /** A layer with a bias when {@code bias}, initialized by {@code init}. */
    public Linear(int inFeatures, int outFeatures, boolean bias, Initializer init) {
        this(inFeatures, outFeatures, bias, init, new Rng(0));
    }

    /** A layer with a bias when {@code bias}, initialized by {@code init} from {@code rng}. */
    public Linear(int inFeatures, int outFeatures, boolean bias, Initializer init, Rng rng) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException("Linear(" + inFeatures + ", " + outFeatures
                    + "): in- and out-features must be positive");
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.init = Objects.requireNonNull(init, "Linear: init");
        this.weight = registerParameter("weight", new Parameter(Tensor.zeros(outFeatures, inFeatures)));
        this.bias = bias ? registerParameter("bias", new Parameter(Tensor.zeros(outFeatures))) : null;
        reset(Objects.requireNonNull(rng, "Linear: rng"));
    }

    /**
     * Adds fresh Gaussian noise of standard deviation {@code std} to the weights at every
     * training-mode forward pass (not in evaluation, not to the bias); 0 turns it off. Returns
     * this layer.
     */
    public Linear weightNoise(double std) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException(this + ": weight noise must be non-negative and finite, got " + std);
        }
        weightNoise = std;
        return this;
    }

    /** The size of each input example. */
    public int inFeatures() {
        return inFeatures;
    }

    /** The size of each output example. */
    public int outFeatures() {
        return outFeatures;
    }

    /** The standard deviation of the training-time weight noise; 0 when it is off. */
    public double weightNoise() {
        return weightNoise;
    }

    /** The weight, shape {@code [outFeatures, inFeatures]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias, shape {@code [outFeatures]}, or {@code null} for a layer without one. */
    public Parameter bias() {
        return bias;
    }

    /** Draws the weight, then the bias, from {@code rng} with this layer's initializer; restarts the noise stream. */
    @Override
    protected void reset(Rng rng) {
        weight.set(drawn("weight", init.sample(rng, outFeatures, inFeatures), weight));
        if (bias != null) {
            bias.set(drawn("bias", init.sampleBias(rng, outFeatures, inFeatures), bias));
        }
        noise = rng.split();
    }

    /** Restarts the weight-noise stream from {@code rng}; the weights stay as they are. */
    @Override
    protected void restartStreams(Rng rng) {
        noise = rng;
    }

    private Tensor drawn(String name, Tensor value, Parameter target) {
        if (!Arrays.equals(value.shape(), target.shape())) {
            throw new IllegalStateException(this + ": " + init + " drew a " + name + " of shape "
                    + Shape.format(value.shape()) + ", expected " + Shape.format(target.shape()));
        }
        return value;
    }

    @Override
    protected Tensor compute(Tensor input) {
        return dense(input, false);
    }

    /**
     * {@code relu(compute(input))} as one fused node ({@code LinearRelu}): what a {@link
     * Sequential} runs for this layer and the {@link ReLU} after it when neither has hooks.
     */
    Tensor computeRelu(Tensor input) {
        return dense(input, true);
    }

    /**
     * {@code x·Wᵀ + b} (then ReLU when {@code relu}) as one node, whose bias and ReLU the backend
     * applies as it stores the product. Leading dimensions of the input are merged into one
     * batch by {@link Tensor#linear}, so the weight gradient is one matrix product.
     */
    private Tensor dense(Tensor input, boolean relu) {
        if (input.dim() == 0 || input.size(-1) != inFeatures) {
            throw new IllegalArgumentException(this + ": expected input [*, " + inFeatures + "], got "
                    + Shape.format(input.shape()));
        }
        Tensor w = weight.value();
        if (isTraining() && weightNoise > 0) {
            w = w.add(Tensor.randn(noise, w.dtype(), w.shape()).mul(weightNoise));
        }
        if (bias == null) {
            return relu ? input.linearRelu(w) : input.linear(w);
        }
        return relu ? input.linearRelu(w, bias.value()) : input.linear(w, bias.value());
    }

    @Override
    protected String extraRepr() {
        return inFeatures + ", " + outFeatures + (bias == null ? ", bias=false" : "")
                + (weightNoise > 0 ? ", weightNoise=" + weightNoise : "");
    }
}
