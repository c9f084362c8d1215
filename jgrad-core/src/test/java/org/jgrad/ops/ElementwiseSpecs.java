package org.jgrad.ops;

import static org.jgrad.ops.Samples.Domain.ANY;
import static org.jgrad.ops.Samples.Domain.NEAR_ZERO;
import static org.jgrad.ops.Samples.Domain.NONZERO;
import static org.jgrad.ops.Samples.Domain.POSITIVE;
import static org.jgrad.ops.Samples.binary;
import static org.jgrad.ops.Samples.expanded;
import static org.jgrad.ops.Samples.in;
import static org.jgrad.ops.Samples.index;
import static org.jgrad.ops.Samples.sample;
import static org.jgrad.ops.Samples.stepped;
import static org.jgrad.ops.Samples.transposed;
import static org.jgrad.ops.Samples.unary;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradCheck;
import org.jgrad.ops.Samples.Domain;

/** Op-spec rows for the element-wise ops: arithmetic, functions, comparisons-as-selection, where. */
final class ElementwiseSpecs {

    private ElementwiseSpecs() {
    }

    static List<OpSpec> all() {
        return List.of(
                OpSpec.of("add", xs -> xs[0].add(xs[1]), in -> Nd.zip(in[0], in[1], Double::sum), binary(ANY, ANY)),
                OpSpec.of("sub", xs -> xs[0].sub(xs[1]), in -> Nd.zip(in[0], in[1], (a, b) -> a - b), binary(ANY, ANY)),
                OpSpec.of("mul", xs -> xs[0].mul(xs[1]), in -> Nd.zip(in[0], in[1], (a, b) -> a * b), binary(ANY, ANY)),
                OpSpec.of("div", xs -> xs[0].div(xs[1]), in -> Nd.zip(in[0], in[1], (a, b) -> a / b),
                        binary(ANY, NONZERO)),
                // One tensor used twice, directly and through a view: the engine must add both gradients.
                OpSpec.of("mul", xs -> xs[0].mul(xs[0]), in -> in[0].map(x -> x * x), unary(ANY)).variant("x·x"),
                OpSpec.of("add", xs -> xs[0].add(xs[0].t()), in -> Nd.zip(in[0], in[0].transpose(0, 1), Double::sum),
                        List.of(sample(in(3, 3)), sample(in(1, 4)), sample(transposed(ANY, 2, 2)),
                                sample(stepped(ANY, 3, 3)))).variant("x + xᵀ"),
                scalarForm("add", 2.5, x -> x.add(2.5), x -> x + 2.5),
                scalarForm("add", -3.0, x -> x.add(-3.0), x -> x - 3.0),
                scalarForm("sub", 1.25, x -> x.sub(1.25), x -> x - 1.25),
                scalarForm("mul", -1.5, x -> x.mul(-1.5), x -> x * -1.5),
                scalarForm("div", 4.0, x -> x.div(4.0), x -> x / 4.0),
                scalarForm("div", -0.3, x -> x.div(-0.3), x -> x / -0.3),
                unaryOp("neg", ANY, Tensor::neg, x -> -x),
                unaryOp("exp", ANY, Tensor::exp, Math::exp),
                unaryOp("log", POSITIVE, Tensor::log, Math::log),
                unaryOp("sqrt", POSITIVE, Tensor::sqrt, Math::sqrt),
                unaryOp("reciprocal", NONZERO, Tensor::reciprocal, x -> 1 / x),
                unaryOp("abs", NONZERO, Tensor::abs, Math::abs),
                unaryOp("sign", NONZERO, Tensor::sign, Math::signum),
                unaryOp("sigmoid", ANY, Tensor::sigmoid, x -> 1 / (1 + Math.exp(-x))),
                unaryOp("sigmoid", Domain.pointwise("±40", x -> 40 * Math.signum(x) + x), Tensor::sigmoid,
                        x -> 1 / (1 + Math.exp(-x))).variant("saturated"),
                unaryOp("tanh", ANY, Tensor::tanh, Math::tanh),
                unaryOp("relu", NONZERO, Tensor::relu, x -> x > 0 ? x : 0),
                unaryOp("pow", ANY, x -> x.pow(2.0), x -> x * x).variant("x^2"),
                unaryOp("pow", ANY, x -> x.pow(3.0), x -> x * x * x).variant("x^3"),
                unaryOp("pow", POSITIVE, x -> x.pow(0.5), Math::sqrt).variant("x^0.5"),
                unaryOp("pow", POSITIVE, x -> x.pow(-1.5), x -> 1 / (x * Math.sqrt(x))).variant("x^-1.5"),
                unaryOp("pow", ANY, x -> x.pow(0.0), x -> 1.0).variant("x^0"),
                OpSpec.of("pow", xs -> xs[0].pow(xs[1]), in -> Nd.zip(in[0], in[1], Math::pow),
                        binary(POSITIVE, ANY)).variant("tensor exponent"),
                OpSpec.of("maximum", xs -> xs[0].maximum(xs[1]), in -> Nd.zip(in[0], in[1], Math::max),
                        binary(NONZERO, NEAR_ZERO)),
                OpSpec.of("minimum", xs -> xs[0].minimum(xs[1]), in -> Nd.zip(in[0], in[1], Math::min),
                        binary(NEAR_ZERO, NONZERO)),
                unaryOp("clamp", Domain.avoiding(-0.5, 0.5), x -> x.clamp(-0.5, 0.5),
                        x -> Math.min(Math.max(x, -0.5), 0.5)).variant("[-0.5, 0.5]"),
                unaryOp("clamp", Domain.avoiding(0.3), x -> x.clamp(Double.NEGATIVE_INFINITY, 0.3),
                        x -> Math.min(x, 0.3)).variant("(-inf, 0.3]"),
                unaryOp("clamp", NONZERO, x -> x.clamp(0, Double.POSITIVE_INFINITY),
                        x -> Math.max(x, 0)).variant("[0, inf)"),
                OpSpec.of("where", xs -> Tensor.where(xs[0], xs[1], xs[2]), in -> Nd.where(in[0], in[1], in[2]),
                        whereSamples()).variant("fixed mask"),
                OpSpec.of("where", xs -> Tensor.where(xs[0].gt(0.0), xs[0], xs[1].mul(xs[0])),
                        in -> Nd.where(in[0].map(x -> x > 0 ? 1 : 0), in[0], Nd.zip(in[1], in[0], (a, b) -> a * b)),
                        binary(NONZERO, ANY)).variant("mask from a comparison"));
    }

    /** An element-wise function of one input, on the unary sample set of its domain. */
    static OpSpec unaryOp(String name, Domain domain, UnaryOperator<Tensor> f,
                          DoubleUnaryOperator reference) {
        GradCheck.TensorFunction function = xs -> f.apply(xs[0]);
        return OpSpec.of(name, function, in -> in[0].map(reference), unary(domain));
    }

    /** The {@code op(double)} overload, on the unary sample set. */
    private static OpSpec scalarForm(String name, double value, UnaryOperator<Tensor> f,
                                     DoubleUnaryOperator reference) {
        return unaryOp(name, ANY, f, reference).variant("scalar " + value);
    }

    /** {@code where(mask, a, b)} with an int64 0/1 mask, broadcasting all three ways. */
    private static List<Samples.Sample> whereSamples() {
        return List.of(
                sample(index(new long[] {1}), in(), in()),
                sample(index(new long[] {1, 0, 0, 1, 1}, 5), in(5), in(5)),
                sample(index(new long[] {0, 1, 1, 0, 1, 0}, 2, 3), in(2, 3), in(2, 3)),
                sample(index(new long[] {1, 0, 1}, 3, 1), in(4), in()),
                sample(index(new long[] {0, 1, 1, 0}, 4), in(3, 1), in(1, 4)),
                sample(index(new long[] {1, 0}, 2, 1, 1), in(3, 1), in(2, 1, 4)),
                sample(index(new long[] {1, 0, 0, 1, 0, 1}, 2, 3), transposed(ANY, 2, 3), stepped(ANY, 2, 3)),
                sample(index(new long[] {0, 1, 1}, 3), expanded(ANY, 2, 3), in(2, 1)));
    }
}
