package org.jgrad.nn;

import java.util.Arrays;
import org.jgrad.Rng;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * The parametric rectified linear unit (He et al., "Delving deep into rectifiers", 2015), as
 * PyTorch's {@code nn.PReLU}: a {@link LeakyReLU} whose negative slope is learned,
 *
 * <pre>
 * f(x) = x        if x &gt; 0
 * f(x) = a · x    otherwise
 * </pre>
 *
 * ({@code max(a·x, x)} in the decks). Either one slope is shared by all elements, or each
 * channel (dimension 1 of the input, as in PyTorch) has its own. The gradients are {@code ∂f/∂x
 * = a} and {@code ∂f/∂a = x} where {@code x ≤ 0}, so at the kink {@code x = 0} the input gets
 * {@code a} (as in {@link LeakyReLU}) and the slope 0.
 *
 * <p>Input: any shape with one shared slope; {@code [N, C, *]} with {@code C = numParameters}
 * slopes otherwise. Output: the input's shape. Parameter {@code weight} of shape {@code
 * [numParameters]}, initialized to {@code init} (0.25 by default, as PyTorch).
 */
public final class PReLU extends Module {

    private final int numParameters;
    private final double init;
    private final Parameter weight;

    /** One shared slope starting at 0.25. */
    public PReLU() {
        this(1);
    }

    /** {@code numParameters} slopes (1 shared, or one per channel) starting at 0.25. */
    public PReLU(int numParameters) {
        this(numParameters, 0.25);
    }

    /** {@code numParameters} slopes (1 shared, or one per channel) starting at {@code init}. */
    public PReLU(int numParameters, double init) {
        if (numParameters < 1) {
            throw new IllegalArgumentException("PReLU: number of parameters must be positive, got " + numParameters);
        }
        if (!Double.isFinite(init)) {
            throw new IllegalArgumentException("PReLU: initial slope must be finite, got " + init);
        }
        this.numParameters = numParameters;
        this.init = init;
        this.weight = registerParameter("weight", new Parameter(Tensor.full(init, numParameters)));
    }

    /** The number of slopes: 1 shared, or one per channel. */
    public int numParameters() {
        return numParameters;
    }

    /** The value every slope starts from, and returns to on {@link Module#initialize}. */
    public double initialSlope() {
        return init;
    }

    /** The learned slopes, shape {@code [numParameters]}. */
    public Parameter weight() {
        return weight;
    }

    /** Sets every slope back to its initial value; draws nothing. */
    @Override
    protected void reset(Rng rng) {
        weight.set(Tensor.scalar(init));
    }

    @Override
    protected Tensor compute(Tensor input) {
        return LeakyReLU.leaky(input, input.mul(slopes(input.shape())));
    }

    /** The slopes shaped to broadcast against an input of shape {@code shape}. */
    private Tensor slopes(int[] shape) {
        if (numParameters == 1) {
            return weight.value().reshape();
        }
        if (shape.length < 2 || shape[1] != numParameters) {
            throw new IllegalArgumentException("PReLU(" + numParameters + "): expected input of shape [N, "
                    + numParameters + ", *] (one slope per channel in dimension 1), got " + Shape.format(shape));
        }
        int[] channelShape = new int[shape.length - 1];
        Arrays.fill(channelShape, 1);
        channelShape[0] = numParameters;
        return weight.value().reshape(channelShape);
    }

    @Override
    protected String extraRepr() {
        return "numParameters=" + numParameters;
    }
}
