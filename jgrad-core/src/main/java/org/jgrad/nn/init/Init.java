package org.jgrad.nn.init;

import java.util.Arrays;
import org.jgrad.Rng;
import org.jgrad.Tensor;

/**
 * The initialization schemes, for a {@code [fanOut, fanIn]} weight (m = fan-in, n = fan-out).
 * Every scheme but {@link #linearDefault()} gives a zero bias.
 *
 * <p>Which to pick: Xavier/Glorot keeps the variance of activations and gradients roughly equal
 * across layers of tanh or sigmoid units; He doubles the variance to make up for ReLU zeroing
 * half of its inputs; sparse and orthogonal initialization help deep and recurrent nets train.
 *
 * <pre>{@code
 * new Linear(784, 256, Init.heNormal());
 * }</pre>
 */
public final class Init {

    private Init() {
    }

    /** Every weight drawn from N(0, σ²): the lectures' "small random numbers" (σ = 0.01). */
    public static Initializer normal(double std) {
        String name = "Init.normal(" + std + ")";
        checkPositive(name, "std", std);
        return new Scheme(name, (rng, fanOut, fanIn) -> gaussian(rng, std, fanOut, fanIn));
    }

    /**
     * Xavier/Glorot normal: N(0, 2 / (m + n)), the compromise between keeping forward and
     * backward variances (Glorot and Bengio 2010).
     */
    public static Initializer xavierNormal() {
        return new Scheme("Init.xavierNormal()",
                (rng, fanOut, fanIn) -> gaussian(rng, Math.sqrt(2.0 / (fanIn + fanOut)), fanOut, fanIn));
    }

    /**
     * Glorot and Bengio's "normalized initialization": U(±√(6 / (m + n))), the uniform law with
     * the variance of {@link #xavierNormal()}.
     */
    public static Initializer xavierUniform() {
        return new Scheme("Init.xavierUniform()",
                (rng, fanOut, fanIn) -> uniform(rng, Math.sqrt(6.0 / (fanIn + fanOut)), fanOut, fanIn));
    }

    /**
     * N(0, 1 / m), what the lecture decks call Xavier initialization (the fan-in-only form,
     * {@code randn(m, n) / sqrt(m)}); Keras names it LeCun normal.
     */
    public static Initializer lecunNormal() {
        return new Scheme("Init.lecunNormal()",
                (rng, fanOut, fanIn) -> gaussian(rng, Math.sqrt(1.0 / fanIn), fanOut, fanIn));
    }

    /** He (Kaiming) normal: N(0, 2 / m), for layers followed by ReLU (He et al. 2015). */
    public static Initializer heNormal() {
        return new Scheme("Init.heNormal()",
                (rng, fanOut, fanIn) -> gaussian(rng, Math.sqrt(2.0 / fanIn), fanOut, fanIn));
    }

    /** He (Kaiming) uniform: U(±√(6 / m)), the uniform law with the variance of {@link #heNormal()}. */
    public static Initializer heUniform() {
        return new Scheme("Init.heUniform()",
                (rng, fanOut, fanIn) -> uniform(rng, Math.sqrt(6.0 / fanIn), fanOut, fanIn));
    }

    /**
     * PyTorch's default for {@code nn.Linear}: weight and bias both U(±1/√m), which is {@code
     * kaiming_uniform_} with {@code a = √5}. {@link org.jgrad.nn.Linear}'s default, so that it
     * starts where PyTorch's does.
     */
    public static Initializer linearDefault() {
        return new Scheme("Init.linearDefault()",
                (rng, fanOut, fanIn) -> uniform(rng, 1 / Math.sqrt(fanIn), fanOut, fanIn),
                (rng, fanOut, fanIn) -> uniform(rng, 1 / Math.sqrt(fanIn), fanOut));
    }

    /**
     * Sparse initialization (Martens 2010): each output unit gets exactly {@code k} non-zero
     * incoming weights, at inputs chosen uniformly without replacement, drawn from N(0, 1); the
     * rest are 0. Martens uses {@code k = 15}. The units' total input then does not shrink as the
     * fan-in grows, and units differ more from each other than under a dense scheme.
     */
    public static Initializer sparse(int k) {
        return sparse(k, 1.0);
    }

    /** Sparse initialization with the non-zero weights drawn from N(0, σ²). */
    public static Initializer sparse(int k, double std) {
        String name = "Init.sparse(" + k + ", " + std + ")";
        if (k <= 0) {
            throw new IllegalArgumentException(name + ": k must be positive, got " + k);
        }
        checkPositive(name, "std", std);
        return new Scheme(name, (rng, fanOut, fanIn) -> {
            if (k > fanIn) {
                throw new IllegalArgumentException(name + ": needs k <= fan-in, got fan-in " + fanIn);
            }
            float[] values = new float[fanOut * fanIn];
            int[] inputs = new int[fanIn];
            Arrays.setAll(inputs, i -> i);
            for (int unit = 0; unit < fanOut; unit++) {
                // A partial Fisher–Yates shuffle: inputs[0..k) become a uniform k-subset.
                for (int i = 0; i < k; i++) {
                    int j = i + rng.nextInt(fanIn - i);
                    int chosen = inputs[j];
                    inputs[j] = inputs[i];
                    inputs[i] = chosen;
                    values[unit * fanIn + chosen] = (float) (std * rng.nextGaussian());
                }
            }
            return Tensor.of(values, fanOut, fanIn);
        });
    }

    /**
     * An orthogonal matrix: the Q of a QR decomposition of a Gaussian matrix, with each column's
     * sign fixed so that R has a positive diagonal (Saxe et al. 2014; PyTorch's {@code
     * orthogonal_}), which makes Q uniformly (Haar) distributed. When {@code fanOut >= fanIn}
     * the columns are orthonormal ({@code WᵀW = I}), otherwise the rows are ({@code WWᵀ = I}).
     */
    public static Initializer orthogonal() {
        return orthogonal(1.0);
    }

    /** An {@linkplain #orthogonal() orthogonal} matrix scaled by {@code gain} (√2 for ReLU layers). */
    public static Initializer orthogonal(double gain) {
        String name = "Init.orthogonal(" + gain + ")";
        checkPositive(name, "gain", gain);
        return new Scheme(name, (rng, fanOut, fanIn) -> Orthogonal.sample(rng, fanOut, fanIn).mul(gain));
    }

    /** All weights 0; a layer of such units is symmetric and never learns to tell them apart. */
    public static Initializer zeros() {
        return constant(0);
    }

    /** All weights {@code value}. */
    public static Initializer constant(double value) {
        return new Scheme("Init.constant(" + value + ")",
                (rng, fanOut, fanIn) -> Tensor.full(value, fanOut, fanIn));
    }

    private static Tensor gaussian(Rng rng, double std, int... shape) {
        return Tensor.randn(rng, shape).mul(std);
    }

    private static Tensor uniform(Rng rng, double bound, int... shape) {
        return Tensor.uniform(rng, -bound, bound, shape);
    }

    private static void checkPositive(String name, String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": " + what + " must be positive and finite, got " + value);
        }
    }
}
