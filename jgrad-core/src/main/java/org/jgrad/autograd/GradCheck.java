package org.jgrad.autograd;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;

/**
 * Checks the analytic gradient of any function of tensors against central finite differences
 * in float64, as PyTorch's {@code gradcheck} does.
 *
 * <p>The inputs are copied to float64. The function's output is reduced to a scalar {@code L =
 * Σ v ⊙ f(x)} with fixed random weights {@code v}, so every output element takes part; then
 * for every element {@code x_i} of every floating-point input the numerical derivative
 * {@code (L(x_i + ε) − L(x_i − ε)) / 2ε} is compared with the one {@code backward()} computed.
 * Integer inputs (indices) are passed through unchanged.
 */
public final class GradCheck {

    /** The default step ε. */
    public static final double EPSILON = 1e-6;

    private GradCheck() {
    }

    /** A function of tensors to check, e.g. {@code xs -> xs[0].mul(xs[1]).sum()}. */
    @FunctionalInterface
    public interface TensorFunction {
        Tensor apply(Tensor... inputs);
    }

    /**
     * The worst-agreeing element over all inputs. {@code error} is the absolute error divided
     * by {@code max(1, |numerical|, |analytical|)}: relative for large gradients, absolute for
     * small ones, so that gradients near zero do not fail on rounding noise.
     */
    public record Result(int input, int[] index, double numerical, double analytical,
                         double absoluteError, double relativeError, double error) {

        /** Whether {@code error} is within {@code tolerance}. */
        public boolean passes(double tolerance) {
            return error <= tolerance;
        }

        @Override
        public String toString() {
            return "input " + input + " at " + Arrays.toString(index) + ": numerical=" + numerical
                    + ", analytical=" + analytical + " (absolute error " + absoluteError
                    + ", relative error " + relativeError + ")";
        }
    }

    /** Checks {@code f} at {@code inputs} with step {@link #EPSILON}. */
    public static Result check(TensorFunction f, Tensor... inputs) {
        return check(f, EPSILON, inputs);
    }

    /** Checks {@code f} at {@code inputs} with step {@code epsilon}. */
    public static Result check(TensorFunction f, double epsilon, Tensor... inputs) {
        Tensor[] xs = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            xs[i] = inputs[i].dtype().isFloatingPoint()
                    ? inputs[i].detach().to(DType.FLOAT64).clone().requiresGrad()
                    : inputs[i];
        }
        Tensor output = f.apply(xs);
        if (!output.dtype().isFloatingPoint() || !output.isRequiresGrad()) {
            throw new IllegalArgumentException("GradCheck: the function's output (" + output.dtype()
                    + ") does not depend differentiably on any input");
        }
        Tensor weights = Tensor.randn(new Rng(42), DType.FLOAT64, output.shape());
        output.mul(weights).sum().backward();

        Result worst = null;
        for (int i = 0; i < xs.length; i++) {
            if (!xs[i].dtype().isFloatingPoint()) {
                continue;
            }
            Tensor x = xs[i];
            double[] analytical = x.grad() == null ? new double[x.numel()] : x.grad().toDoubleArray();
            for (int e = 0; e < x.numel(); e++) {
                double numerical = numericalDerivative(f, xs, x, e, epsilon, weights);
                Result r = compare(i, unravel(e, x.shape()), numerical, analytical[e]);
                if (worst == null || r.error() > worst.error() || Double.isNaN(r.error())) {
                    worst = r;
                }
            }
        }
        if (worst == null) {
            throw new IllegalArgumentException("GradCheck: no floating-point input to check");
        }
        return worst;
    }

    private static double numericalDerivative(TensorFunction f, Tensor[] xs, Tensor x, int element,
                                              double epsilon, Tensor weights) {
        var storage = x.storage();
        double original = storage.get(element);
        try (var scope = GradMode.noGrad()) {
            storage.set(element, original + epsilon);
            double plus = f.apply(xs).mul(weights).sum().item();
            storage.set(element, original - epsilon);
            double minus = f.apply(xs).mul(weights).sum().item();
            return (plus - minus) / (2 * epsilon);
        } finally {
            storage.set(element, original);
        }
    }

    private static Result compare(int input, int[] index, double numerical, double analytical) {
        double absolute = Math.abs(numerical - analytical);
        double scale = Math.max(Math.abs(numerical), Math.abs(analytical));
        double relative = scale == 0 ? 0 : absolute / scale;
        double error = absolute / Math.max(1.0, scale);
        if (Double.isNaN(numerical) != Double.isNaN(analytical)) {
            error = Double.POSITIVE_INFINITY;
        }
        return new Result(input, index, numerical, analytical, absolute, relative, error);
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }
}
