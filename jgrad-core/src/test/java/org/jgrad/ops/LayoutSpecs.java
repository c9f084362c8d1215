package org.jgrad.ops;

import static org.jgrad.ops.Samples.Domain.ANY;
import static org.jgrad.ops.Samples.Domain.DYADIC;
import static org.jgrad.ops.Samples.expanded;
import static org.jgrad.ops.Samples.in;
import static org.jgrad.ops.Samples.sample;
import static org.jgrad.ops.Samples.stepped;
import static org.jgrad.ops.Samples.transposed;
import static org.jgrad.ops.Samples.unary;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.ops.Samples.Sample;

/** Op-spec rows for matmul, views (reshape, permute, slice, expand …) and copies (contiguous, clone, to). */
final class LayoutSpecs {

    private LayoutSpecs() {
    }

    static List<OpSpec> all() {
        return Stream.of(matmul(), dense(), reshapes(), permutes(), slices(), copies()).flatMap(List::stream).toList();
    }

    /**
     * The fused dense layer against {@code x·Wᵀ + b} (and its ReLU): inputs of rank 1, 2 and 3,
     * transposed, stepped and broadcast operands, and a layer of one unit.
     */
    private static List<OpSpec> dense() {
        List<Sample> withBias = List.of(
                sample(in(2, 3), in(4, 3), in(4)),
                sample(in(3), in(2, 3), in(2)),
                sample(in(2, 2, 3), transposed(ANY, 4, 3), in(4)),
                sample(transposed(ANY, 2, 3), stepped(ANY, 4, 3), expanded(ANY, 4)),
                sample(stepped(ANY, 3, 2), in(1, 2), in(1)));
        List<Sample> withoutBias = List.of(sample(in(2, 3), in(4, 3)), sample(in(3), transposed(ANY, 2, 3)),
                sample(in(2, 2, 3), stepped(ANY, 4, 3)));
        OpSpec.Reference affine = in -> Nd.zip(Nd.matmul(in[0], in[1].transpose(0, 1)), in[2], Double::sum);
        OpSpec.Reference product = in -> Nd.matmul(in[0], in[1].transpose(0, 1));
        return List.of(
                OpSpec.of("linear", xs -> xs[0].linear(xs[1], xs[2]), affine, withBias),
                OpSpec.of("linear", xs -> xs[0].linear(xs[1]), product, withoutBias).variant("no bias"),
                OpSpec.of("linearRelu", xs -> xs[0].linearRelu(xs[1], xs[2]),
                        in -> affine.apply(in).map(v -> Math.max(v, 0)), withBias),
                OpSpec.of("linearRelu", xs -> xs[0].linearRelu(xs[1]),
                        in -> product.apply(in).map(v -> Math.max(v, 0)), withoutBias).variant("no bias"));
    }

    private static List<OpSpec> matmul() {
        return List.of(OpSpec.of("matmul", xs -> xs[0].matmul(xs[1]), in -> Nd.matmul(in[0], in[1]), List.of(
                sample(in(3), in(3)),
                sample(in(2, 3), in(3)),
                sample(in(3), in(3, 2)),
                sample(in(2, 3), in(3, 4)),
                sample(in(1, 3), in(3, 1)),
                sample(in(2, 2, 3), in(2, 3, 4)),
                sample(in(2, 1, 3, 4), in(5, 4, 2)),
                sample(in(3), in(2, 3, 4)),
                sample(in(2, 3, 4), in(4)),
                sample(in(2, 3), in(2, 3, 2)),
                sample(transposed(ANY, 2, 3), in(3, 4)),
                sample(in(2, 3), transposed(ANY, 3, 4)),
                sample(transposed(ANY, 2, 3, 4), transposed(ANY, 4, 2)),
                sample(stepped(ANY, 2, 3), stepped(ANY, 3, 2)),
                sample(stepped(ANY, 3), transposed(ANY, 3, 2)),
                sample(expanded(ANY, 2, 3, 4), in(2, 4, 2)),
                sample(in(2, 3), expanded(ANY, 3, 4)))));
    }

    private static List<OpSpec> reshapes() {
        List<Sample> sixes = List.of(sample(in(6)), sample(in(2, 3)), sample(in(3, 2)), sample(in(1, 6, 1)),
                sample(transposed(ANY, 3, 2)), sample(stepped(ANY, 3, 2)), sample(expanded(ANY, 3, 2)));
        List<Sample> ones = List.of(sample(in()), sample(in(1)), sample(in(1, 1, 1)), sample(stepped(ANY, 1, 1)));
        List<Sample> matrices = List.of(sample(in(2, 3)), sample(transposed(ANY, 2, 3)), sample(stepped(ANY, 2, 3)),
                sample(expanded(ANY, 2, 3)));
        return List.of(
                OpSpec.of("reshape", xs -> xs[0].reshape(2, -1), in -> in[0].reshape(2, 3), sixes).variant("2, -1"),
                OpSpec.of("reshape", xs -> xs[0].reshape(3, 1, 2, 1), in -> in[0].reshape(3, 1, 2, 1), sixes)
                        .variant("3, 1, 2, 1"),
                OpSpec.of("reshape", xs -> xs[0].reshape(), in -> in[0].reshape(), ones).variant("to scalar"),
                OpSpec.of("view", xs -> xs[0].view(2, 3, 1), in -> in[0].reshape(2, 3, 1), matrices)
                        .variant("2, 3, 1"),
                OpSpec.of("view", xs -> xs[0].view(-1), in -> in[0].reshape(-1),
                        List.of(sample(in()), sample(in(6)), sample(in(2, 3)), sample(in(1, 6, 1)),
                                sample(stepped(ANY, 1, 4))))
                        .variant("-1"),
                OpSpec.of("flatten", xs -> xs[0].flatten(), in -> in[0].reshape(-1), unary(ANY)),
                OpSpec.of("squeeze", xs -> xs[0].squeeze(), in -> in[0].reshape(squeezed(in[0].shape())),
                        List.of(sample(in()), sample(in(1)), sample(in(2, 1)), sample(in(1, 3, 1)),
                                sample(expanded(ANY, 2, 1)), sample(stepped(ANY, 3, 1)), sample(in(2, 3))))
                        .variant("all"),
                OpSpec.of("squeeze", xs -> xs[0].squeeze(1), in -> in[0].reshape(2, 3),
                        List.of(sample(in(2, 1, 3)), sample(expanded(ANY, 2, 1, 3)), sample(stepped(ANY, 2, 1, 3))))
                        .variant("dim 1"),
                OpSpec.of("squeeze", xs -> xs[0].squeeze(-1), in -> in[0], matrices).variant("dim -1, not 1"),
                OpSpec.of("unsqueeze", xs -> xs[0].unsqueeze(0), in -> in[0].reshape(prepend1(in[0].shape())),
                        unary(ANY)).variant("0"),
                OpSpec.of("unsqueeze", xs -> xs[0].unsqueeze(-1), in -> in[0].reshape(append1(in[0].shape())),
                        unary(ANY)).variant("-1"),
                OpSpec.of("expand", xs -> xs[0].expand(2, 3, 4), in -> in[0].expand(2, 3, 4),
                        List.of(sample(in()), sample(in(4)), sample(in(1)), sample(in(3, 1)), sample(in(1, 4)),
                                sample(in(2, 3, 4)), sample(transposed(ANY, 3, 4)), sample(stepped(ANY, 1, 4))))
                        .variant("2, 3, 4"),
                OpSpec.of("expand", xs -> xs[0].expand(2, -1, -1), in -> in[0].expand(2, in[0].shape()[0], in[0].shape()[1]),
                        List.of(sample(in(3, 1)), sample(in(3, 4)), sample(transposed(ANY, 3, 4))))
                        .variant("2, -1, -1"));
    }

    private static List<OpSpec> permutes() {
        List<Sample> threes = ReductionSpecs.threeD(ANY);
        List<Sample> matrices = List.of(sample(in(2, 3)), sample(in(1, 4)), sample(transposed(ANY, 2, 3)),
                sample(stepped(ANY, 2, 3)), sample(expanded(ANY, 2, 3)));
        return List.of(
                OpSpec.of("permute", xs -> xs[0].permute(2, 0, 1), in -> in[0].permute(2, 0, 1), threes)
                        .variant("2, 0, 1"),
                OpSpec.of("permute", xs -> xs[0].permute(-1, 0, -2), in -> in[0].permute(2, 0, 1), threes)
                        .variant("-1, 0, -2"),
                OpSpec.of("permute", xs -> xs[0].permute(1, 0), in -> in[0].permute(1, 0), matrices).variant("1, 0"),
                OpSpec.of("permute", xs -> xs[0].permute(), in -> in[0], List.of(sample(in()))).variant("scalar"),
                OpSpec.of("transpose", xs -> xs[0].transpose(0, 1), in -> in[0].transpose(0, 1), matrices)
                        .variant("0, 1"),
                OpSpec.of("transpose", xs -> xs[0].transpose(-1, -3), in -> in[0].transpose(2, 0), threes)
                        .variant("-1, -3"),
                OpSpec.of("transpose", xs -> xs[0].transpose(0, -1), in -> in[0], List.of(sample(in(5))))
                        .variant("1-D"),
                OpSpec.of("t", xs -> xs[0].t(), in -> in[0].rank() == 2 ? in[0].transpose(0, 1) : in[0],
                        Stream.concat(matrices.stream(), Stream.of(sample(in()), sample(in(4)))).toList()));
    }

    private static List<OpSpec> slices() {
        List<Sample> wide = List.of(sample(in(2, 6)), sample(in(1, 5)), sample(transposed(ANY, 2, 6)),
                sample(stepped(ANY, 2, 6)), sample(expanded(ANY, 3, 5)));
        List<Sample> tall = List.of(sample(in(6)), sample(in(5, 2)), sample(transposed(ANY, 6, 2)),
                sample(stepped(ANY, 5, 2)));
        return List.of(
                OpSpec.of("slice", xs -> xs[0].slice(1, 1, 4), in -> in[0].slice(1, 1, 4, 1), wide).variant("1, 1:4"),
                OpSpec.of("slice", xs -> xs[0].slice(-1, 0, 6, 2), in -> in[0].slice(-1, 0, 6, 2), wide)
                        .variant("-1, 0:6:2"),
                OpSpec.of("slice", xs -> xs[0].slice(0, -3, -1), in -> in[0].slice(0, -3, -1, 1), tall)
                        .variant("0, -3:-1"),
                OpSpec.of("slice", xs -> xs[0].slice(0, -10, 10, 3), in -> in[0].slice(0, -10, 10, 3), tall)
                        .variant("0, -10:10:3 (clipped)"),
                OpSpec.of("slice", xs -> xs[0].slice(1, 3, 1), in -> in[0].slice(1, 3, 1, 1), wide)
                        .variant("1, 3:1 (empty)"),
                OpSpec.of("slice", xs -> xs[0].slice(-1, 1, 6, 2).slice(-1, 1, 3), in -> in[0].slice(-1, 1, 6, 2)
                        .slice(-1, 1, 3, 1), wide).variant("of a slice"),
                OpSpec.of("narrow", xs -> xs[0].narrow(1, 1, 3), in -> in[0].slice(1, 1, 4, 1), wide),
                OpSpec.of("narrow", xs -> xs[0].narrow(-1, 0, 1), in -> in[0].slice(-1, 0, 1, 1), tall)
                        .variant("-1, 0, 1"),
                OpSpec.of("select", xs -> xs[0].select(0, 1), in -> in[0].select(0, 1), tall).variant("0, 1"),
                OpSpec.of("select", xs -> xs[0].select(-1, -1), in -> in[0].select(-1, -1), wide)
                        .variant("-1, -1"));
    }

    private static List<OpSpec> copies() {
        return List.of(
                OpSpec.of("contiguous", xs -> xs[0].contiguous(), in -> in[0], unary(ANY)),
                OpSpec.of("clone", xs -> xs[0].clone(), in -> in[0], unary(ANY)),
                OpSpec.of("to", xs -> xs[0].to(DType.FLOAT64), in -> in[0], unary(ANY))
                        .variant("FLOAT64").output(DType.FLOAT64),
                // Values and step are dyadic, so x ± ε is exact in float32 and differences see no rounding.
                OpSpec.of("to", xs -> xs[0].to(DType.FLOAT32), in -> in[0].map(x -> (float) x), unary(DYADIC))
                        .variant("FLOAT32").output(DType.FLOAT32).epsilon(0x1p-10));
    }

    private static int[] squeezed(int[] shape) {
        return Arrays.stream(shape).filter(e -> e != 1).toArray();
    }

    private static int[] prepend1(int[] shape) {
        return IntStream.concat(IntStream.of(1), Arrays.stream(shape))
                .toArray();
    }

    private static int[] append1(int[] shape) {
        return IntStream.concat(Arrays.stream(shape), IntStream.of(1))
                .toArray();
    }
}
