package org.jgrad.ops;

import java.util.List;
import org.jgrad.DType;
import org.jgrad.autograd.GradCheck;

/**
 * One row of the op-spec table, in the manner of tinygrad's {@code test_ops.py}: an op of
 * {@link org.jgrad.Tensor}, an independent float64 reference for its forward pass, the inputs
 * to try it on, and how closely it must agree.
 *
 * <p>{@link OpSpecTest} runs every row on every sample: the forward value in float64 and in
 * float32 against {@link #reference}, and the gradient with {@link GradCheck} at {@code 1e-6}.
 *
 * @param name      the {@code Tensor} method under test, exactly as spelled there; the coverage
 *                  test matches public methods against these names
 * @param variant   what distinguishes this row from others of the same name (overload,
 *                  arguments), or empty
 * @param function  the op applied to the sample's inputs (views already taken)
 * @param reference the expected forward value, computed with plain loops over doubles
 * @param samples   the inputs: shapes, value domains and memory layouts
 * @param tol64     forward tolerance for float64 inputs, as {@code |a − e| ≤ tol·(1 + |e|)}
 * @param tol32     forward tolerance for float32 inputs, measured against the reference run on
 *                  the float32-rounded inputs
 * @param epsilon   the finite-difference step of the gradient check
 * @param output    the result's dtype when fixed by the op ({@code to}); {@code null} means the
 *                  inputs' dtype
 */
record OpSpec(String name, String variant, GradCheck.TensorFunction function, Reference reference,
              List<Samples.Sample> samples, double tol64, double tol32, double epsilon, DType output) {

    /** Forward tolerance for float64: a few hundred ulps, room for a different summation order. */
    static final double TOL64 = 1e-12;
    /** Forward tolerance for float32: a few hundred float32 ulps. */
    static final double TOL32 = 1e-5;
    /** Gradient-check tolerance (the {@link GradCheck.Result#error()} bound). */
    static final double GRAD_TOL = 1e-6;

    /** The expected forward value for the given inputs. */
    @FunctionalInterface
    interface Reference {
        Nd apply(Nd... inputs);
    }

    /** A row with the default tolerances and step. */
    static OpSpec of(String name, GradCheck.TensorFunction function, Reference reference,
                     List<Samples.Sample> samples) {
        return new OpSpec(name, "", function, reference, samples, TOL64, TOL32, GradCheck.EPSILON, null);
    }

    OpSpec variant(String text) {
        return new OpSpec(name, text, function, reference, samples, tol64, tol32, epsilon, output);
    }

    /** Another finite-difference step, where the op rounds (e.g. to float32) and needs a dyadic one. */
    OpSpec epsilon(double step) {
        return new OpSpec(name, variant, function, reference, samples, tol64, tol32, step, output);
    }

    /** Other forward tolerances, where the inputs' own float32 rounding is amplified (never to hide a bug). */
    OpSpec tolerances(double float64, double float32) {
        return new OpSpec(name, variant, function, reference, samples, float64, float32, epsilon, output);
    }

    OpSpec output(DType dtype) {
        return new OpSpec(name, variant, function, reference, samples, tol64, tol32, epsilon, dtype);
    }

    /** {@code name} or {@code name[variant]}, for test names. */
    String label() {
        return variant.isEmpty() ? name : name + "[" + variant + "]";
    }
}
