package org.jgrad.ops;

import static org.jgrad.ops.Samples.Domain.ANY;
import static org.jgrad.ops.Samples.expanded;
import static org.jgrad.ops.Samples.in;
import static org.jgrad.ops.Samples.index;
import static org.jgrad.ops.Samples.sample;
import static org.jgrad.ops.Samples.stepped;
import static org.jgrad.ops.Samples.transposed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jgrad.Tensor;
import org.jgrad.ops.Samples.Fixed;
import org.jgrad.ops.Samples.Sample;

/** Op-spec rows for gather, scatterAdd, indexSelect, and joining and splitting tensors. */
final class IndexingSpecs {

    private IndexingSpecs() {
    }

    static List<OpSpec> all() {
        return Stream.of(indexing(), joining(), splitting()).flatMap(List::stream).toList();
    }

    private static List<OpSpec> indexing() {
        // Indices repeat, so gradients must add up where an element was picked twice.
        List<Sample> gatherColumns = List.of(
                sample(in(2, 3), index(new long[] {0, 2, 2, 1, 1, 1, 0, 2}, 2, 4)),
                sample(in(2, 3), index(new long[] {2, 0}, 1, 2)),
                sample(transposed(ANY, 2, 3), index(new long[] {1, 0, 1, 2, 2, 2}, 2, 3)),
                sample(stepped(ANY, 2, 3), index(new long[] {2, 2, 0, 1}, 2, 2)),
                sample(expanded(ANY, 2, 3), index(new long[] {1, 1}, 2, 1)),
                sample(in(2, 3), new Fixed(Tensor.of(new long[] {0, 1, 2, 2, 1, 0}).reshape(3, 2).t())));
        List<Sample> scatterColumns = List.of(
                sample(in(2, 3), index(new long[] {0, 2, 2, 1, 1, 1, 0, 2}, 2, 4), in(2, 4)),
                sample(in(3, 3), index(new long[] {2, 0, 2}, 1, 3), in(1, 3)),
                sample(transposed(ANY, 2, 3), index(new long[] {1, 1, 0, 2}, 2, 2), stepped(ANY, 2, 2)),
                sample(expanded(ANY, 2, 3), index(new long[] {0, 0, 2, 2}, 2, 2), transposed(ANY, 2, 2)));
        long[] rows = {2, 0, 2, 1};
        return List.of(
                OpSpec.of("gather", xs -> xs[0].gather(1, xs[1]), in -> in[0].gather(1, in[1]), gatherColumns)
                        .variant("dim 1"),
                OpSpec.of("gather", xs -> xs[0].gather(-1, xs[1]), in -> in[0].gather(-1, in[1]), gatherColumns)
                        .variant("dim -1"),
                OpSpec.of("gather", xs -> xs[0].gather(0, xs[1]), in -> in[0].gather(0, in[1]), List.of(
                        sample(in(3, 2), index(new long[] {2, 0, 1, 1, 0, 0, 2, 2}, 4, 2)),
                        sample(in(3), index(new long[] {1, 2, 1, 0, 0}, 5)),
                        sample(transposed(ANY, 3, 2), index(new long[] {2, 2}, 1, 2))))
                        .variant("dim 0"),
                OpSpec.of("scatterAdd", xs -> xs[0].scatterAdd(1, xs[1], xs[2]),
                        in -> in[0].scatterAdd(1, in[1], in[2]), scatterColumns).variant("dim 1"),
                OpSpec.of("scatterAdd", xs -> xs[0].scatterAdd(0, xs[1], xs[2]),
                        in -> in[0].scatterAdd(0, in[1], in[2]), List.of(
                                sample(in(4), index(new long[] {3, 0, 3, 3, 1, 0}, 6), in(6)),
                                sample(in(3, 2), index(new long[] {2, 2, 0, 2}, 2, 2), stepped(ANY, 2, 2))))
                        .variant("dim 0"),
                OpSpec.of("indexSelect", xs -> xs[0].indexSelect(0, xs[1]), in -> selectRows(in[0], 0, in[1]),
                        List.of(sample(in(3, 2), index(rows, 4)), sample(in(3), index(rows, 4)),
                                sample(transposed(ANY, 3, 2), index(rows, 4)),
                                sample(stepped(ANY, 3, 2), index(rows, 4)),
                                sample(in(3, 2), index(new long[0], 0))))
                        .variant("dim 0"),
                OpSpec.of("indexSelect", xs -> xs[0].indexSelect(-1, xs[1]), in -> selectRows(in[0], -1, in[1]),
                        List.of(sample(in(2, 3), index(new long[] {1, 1, 0}, 3)),
                                sample(transposed(ANY, 2, 3), index(new long[] {2}, 1)),
                                sample(expanded(ANY, 2, 3), index(new long[] {0, 2, 0, 2}, 4))))
                        .variant("dim -1"));
    }

    private static List<OpSpec> joining() {
        return List.of(
                OpSpec.of("concat", xs -> Tensor.concat(0, xs), in -> Nd.concat(0, in), List.of(
                        sample(in(2, 3), in(1, 3), in(3, 3)),
                        sample(in(2), in(3)),
                        sample(in(2, 3)),
                        sample(transposed(ANY, 2, 3), stepped(ANY, 1, 3)),
                        sample(expanded(ANY, 2, 3), in(2, 3))))
                        .variant("dim 0"),
                OpSpec.of("concat", xs -> Tensor.concat(-1, List.of(xs)), in -> Nd.concat(-1, in), List.of(
                        sample(in(2, 1), transposed(ANY, 2, 3)),
                        sample(in(3), in(1), stepped(ANY, 2))))
                        .variant("dim -1, list"),
                OpSpec.of("stack", xs -> Tensor.stack(0, xs), in -> stack(0, in), List.of(
                        sample(in(), in(), in()),
                        sample(in(2, 3), transposed(ANY, 2, 3)),
                        sample(stepped(ANY, 3), in(3))))
                        .variant("dim 0"),
                OpSpec.of("stack", xs -> Tensor.stack(-1, List.of(xs)), in -> stack(-1, in), List.of(
                        sample(in(2, 3), in(2, 3)),
                        sample(expanded(ANY, 2, 3), stepped(ANY, 2, 3), in(2, 3))))
                        .variant("dim -1, list"));
    }

    private static List<OpSpec> splitting() {
        List<OpSpec> specs = new ArrayList<>();
        List<Sample> fives = List.of(sample(in(2, 5)), sample(in(5)), sample(transposed(ANY, 2, 5)),
                sample(stepped(ANY, 2, 5)), sample(expanded(ANY, 2, 5)));
        for (int k = 0; k < 3; k++) {
            int piece = k;
            specs.add(OpSpec.of("split", xs -> xs[0].split(2, -1).get(piece),
                    in -> in[0].slice(-1, 2 * piece, 2 * piece + 2, 1), fives).variant("size 2, dim -1, piece " + k));
        }
        int[] sizes = {1, 3, 1};
        List<Sample> tall = List.of(sample(in(5, 2)), sample(in(5)), sample(transposed(ANY, 5, 2)));
        for (int k = 0, start = 0; k < sizes.length; start += sizes[k], k++) {
            int piece = k;
            int from = start;
            specs.add(OpSpec.of("split", xs -> xs[0].split(sizes, 0).get(piece),
                    in -> in[0].slice(0, from, from + sizes[piece], 1), tall).variant("sizes {1, 3, 1}, piece " + k));
        }
        List<Sample> threes = List.of(sample(in(2, 3)), sample(in(1, 3)), sample(transposed(ANY, 2, 3)),
                sample(stepped(ANY, 2, 3)));
        for (int k = 0; k < 2; k++) {
            int piece = k;
            specs.add(OpSpec.of("chunk", xs -> xs[0].chunk(2, 1).get(piece),
                    in -> in[0].slice(1, 2 * piece, 2 * piece + 2, 1), threes).variant("2 chunks, dim 1, piece " + k));
        }
        specs.add(OpSpec.of("chunk", xs -> xs[0].chunk(4, 0).get(2), in -> in[0].slice(0, 2, 3, 1),
                List.of(sample(in(3)), sample(in(3, 2)))).variant("4 chunks of 3, piece 2"));
        return specs;
    }

    /** {@code x} indexed by the 1-D {@code index} along {@code dim}. */
    private static Nd selectRows(Nd x, int dim, Nd index) {
        int d = Nd.normalize(dim, x.rank());
        int[] shape = x.shape().clone();
        shape[d] = index.numel();
        return Nd.build(shape, p -> {
            int[] source = p.clone();
            source[d] = (int) index.data()[p[d]];
            return x.at(source);
        });
    }

    /** The arrays, each with a new dimension of extent 1 at {@code dim}, joined there. */
    private static Nd stack(int dim, Nd... parts) {
        int rank = parts[0].rank() + 1;
        int d = Nd.normalize(dim, rank);
        Nd[] lifted = Arrays.stream(parts).map(p -> {
            int[] shape = new int[rank];
            for (int i = 0, j = 0; i < rank; i++) {
                shape[i] = i == d ? 1 : p.shape()[j++];
            }
            return p.reshape(shape);
        }).toArray(Nd[]::new);
        return Nd.concat(d, lifted);
    }
}
