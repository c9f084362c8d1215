package org.jgrad.ops;

import static org.jgrad.ops.Samples.Domain.ANY;
import static org.jgrad.ops.Samples.Domain.DISTINCT;
import static org.jgrad.ops.Samples.Domain.LARGE;
import static org.jgrad.ops.Samples.expanded;
import static org.jgrad.ops.Samples.in;
import static org.jgrad.ops.Samples.sample;
import static org.jgrad.ops.Samples.stepped;
import static org.jgrad.ops.Samples.transposed;
import static org.jgrad.ops.Samples.unary;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jgrad.autograd.GradCheck;
import org.jgrad.ops.Samples.Domain;
import org.jgrad.ops.Samples.Sample;

/** Op-spec rows for reductions (sum, mean, var, std, extrema, log-sum-exp) and softmax. */
final class ReductionSpecs {

    private static final int[] ALL = {};
    private static final ToDoubleFunction<double[]> SUM = ReductionSpecs::sum;
    private static final ToDoubleFunction<double[]> MEAN = v -> sum(v) / v.length;
    private ReductionSpecs() {
    }

    static List<OpSpec> all() {
        return Stream.of(sums(), moments(), extrema(), softmaxes()).flatMap(List::stream).toList();
    }

    private static List<OpSpec> sums() {
        return List.of(
                reduction("sum", "all", xs -> xs[0].sum(), ALL, false, SUM, unary(ANY)),
                reduction("sum", "dim -1", xs -> xs[0].sum(-1), new int[] {-1}, false, SUM, lastDim(ANY)),
                reduction("sum", "dim 0, keepDim", xs -> xs[0].sum(0, true), new int[] {0}, true, SUM, firstDim(ANY)),
                reduction("sum", "dims {0, 2}", xs -> xs[0].sum(new int[] {0, 2}, false), new int[] {0, 2}, false,
                        SUM, threeD(ANY)),
                reduction("sum", "dims {-1, 0}, keepDim", xs -> xs[0].sum(new int[] {-1, 0}, true),
                        new int[] {-1, 0}, true, SUM, threeD(ANY)),
                reduction("sum", "all, keepDim", xs -> xs[0].sum(ALL, true), ALL, true, SUM, unary(ANY)),
                reduction("mean", "all", xs -> xs[0].mean(), ALL, false, MEAN, unary(ANY)),
                reduction("mean", "dim -1", xs -> xs[0].mean(-1, false), new int[] {-1}, false, MEAN,
                        lastDim(ANY)),
                reduction("mean", "dim 0, keepDim", xs -> xs[0].mean(0, true), new int[] {0}, true, MEAN,
                        firstDim(ANY)),
                reduction("mean", "dims {0, 2}, keepDim", xs -> xs[0].mean(new int[] {0, 2}, true),
                        new int[] {0, 2}, true, MEAN, threeD(ANY)));
    }

    private static List<OpSpec> moments() {
        return List.of(
                reduction("var", "all", xs -> xs[0].var(), ALL, false, v -> variance(v, 1), manyElements()),
                reduction("var", "dim -1, correction 0", xs -> xs[0].var(new int[] {-1}, 0, false),
                        new int[] {-1}, false, v -> variance(v, 0), lastDim(ANY)),
                reduction("var", "dim 0, correction 1, keepDim", xs -> xs[0].var(new int[] {0}, 1, true),
                        new int[] {0}, true, v -> variance(v, 1), longFirstDim()),
                reduction("var", "dims {0, 2}, correction 1", xs -> xs[0].var(new int[] {0, 2}, 1, false),
                        new int[] {0, 2}, false, v -> variance(v, 1), threeD(ANY)),
                reduction("var", "all, correction 0, keepDim", xs -> xs[0].var(ALL, 0, true),
                        ALL, true, v -> variance(v, 0), unary(ANY)),
                reduction("std", "all", xs -> xs[0].std(), ALL, false, v -> Math.sqrt(variance(v, 1)),
                        manyElements()),
                reduction("std", "dim -1, correction 0", xs -> xs[0].std(new int[] {-1}, 0, false),
                        new int[] {-1}, false, v -> Math.sqrt(variance(v, 0)), longLastDim()),
                reduction("std", "dim 0, correction 1, keepDim", xs -> xs[0].std(new int[] {0}, 1, true),
                        new int[] {0}, true, v -> Math.sqrt(variance(v, 1)), longFirstDim()),
                reduction("std", "dims {0, 2}, correction 0", xs -> xs[0].std(new int[] {0, 2}, 0, true),
                        new int[] {0, 2}, true, v -> Math.sqrt(variance(v, 0)), threeD(ANY)));
    }

    private static List<OpSpec> extrema() {
        return List.of(
                reduction("max", "all", xs -> xs[0].max(), ALL, false, ReductionSpecs::max, unary(DISTINCT)),
                reduction("min", "all", xs -> xs[0].min(), ALL, false, ReductionSpecs::min, unary(DISTINCT)),
                reduction("max", "dim -1", xs -> xs[0].max(-1, false).values(), new int[] {-1}, false, ReductionSpecs::max,
                        lastDim(DISTINCT)),
                reduction("max", "dim 0, keepDim", xs -> xs[0].max(0, true).values(), new int[] {0}, true, ReductionSpecs::max,
                        firstDim(DISTINCT)),
                reduction("min", "dim -1, keepDim", xs -> xs[0].min(-1, true).values(), new int[] {-1}, true,
                        ReductionSpecs::min, lastDim(DISTINCT)),
                reduction("min", "dim 0", xs -> xs[0].min(0, false).values(), new int[] {0}, false, ReductionSpecs::min,
                        firstDim(DISTINCT)),
                reduction("amax", "all", xs -> xs[0].amax(ALL, false), ALL, false, ReductionSpecs::max, unary(DISTINCT)),
                reduction("amax", "dim -1, keepDim", xs -> xs[0].amax(new int[] {-1}, true), new int[] {-1}, true,
                        ReductionSpecs::max, lastDim(DISTINCT)),
                reduction("amax", "dims {0, 2}", xs -> xs[0].amax(new int[] {0, 2}, false), new int[] {0, 2},
                        false, ReductionSpecs::max, threeD(DISTINCT)),
                reduction("amin", "dim 0", xs -> xs[0].amin(new int[] {0}, false), new int[] {0}, false, ReductionSpecs::min,
                        firstDim(DISTINCT)),
                reduction("amin", "dims {-1, 0}, keepDim", xs -> xs[0].amin(new int[] {-1, 0}, true),
                        new int[] {-1, 0}, true, ReductionSpecs::min, threeD(DISTINCT)));
    }

    private static List<OpSpec> softmaxes() {
        List<Sample> large = List.of(sample(in(LARGE, 5)), sample(in(LARGE, 2, 3)), sample(transposed(LARGE, 2, 3)));
        return List.of(
                reduction("logSumExp", "dim -1", xs -> xs[0].logSumExp(-1, false), new int[] {-1}, false,
                        ReductionSpecs::logSumExp, lastDim(ANY)),
                reduction("logSumExp", "dim 0, keepDim", xs -> xs[0].logSumExp(0, true), new int[] {0}, true,
                        ReductionSpecs::logSumExp, firstDim(ANY)),
                reduction("logSumExp", "dims {0, 2}", xs -> xs[0].logSumExp(new int[] {0, 2}, false),
                        new int[] {0, 2}, false, ReductionSpecs::logSumExp, threeD(ANY)),
                reduction("logSumExp", "all, keepDim", xs -> xs[0].logSumExp(ALL, true), ALL, true, ReductionSpecs::logSumExp,
                        unary(ANY)),
                reduction("logSumExp", "dim -1, near 1000", xs -> xs[0].logSumExp(-1, false), new int[] {-1},
                        false, ReductionSpecs::logSumExp, large),
                along("softmax", "dim -1", xs -> xs[0].softmax(-1), -1, ReductionSpecs::softmax, lastDim(ANY)),
                along("softmax", "dim 0", xs -> xs[0].softmax(0), 0, ReductionSpecs::softmax, firstDim(ANY)),
                along("logSoftmax", "dim -1", xs -> xs[0].logSoftmax(-1), -1, ReductionSpecs::logSoftmax, lastDim(ANY)),
                along("logSoftmax", "dim 0", xs -> xs[0].logSoftmax(0), 0, ReductionSpecs::logSoftmax, firstDim(ANY)),
                // Near 1000 a float32 input is only known to its ulp, 6.1e-5, which x − logSumExp(x) keeps.
                along("softmax", "dim -1, near 1000", xs -> xs[0].softmax(-1), -1, ReductionSpecs::softmax, large)
                        .tolerances(OpSpec.TOL64, 1e-4),
                along("logSoftmax", "dim -1, near 1000", xs -> xs[0].logSoftmax(-1), -1, ReductionSpecs::logSoftmax, large)
                        .tolerances(OpSpec.TOL64, 1e-4));
    }

    // ---------------------------------------------------------------- references over one line of values

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double variance(double[] v, double correction) {
        double mean = sum(v) / v.length;
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - correction);
    }

    static double logSumExp(double[] v) {
        double m = max(v);
        double s = 0;
        for (double x : v) {
            s += Math.exp(x - m);
        }
        return m + Math.log(s);
    }

    static double[] logSoftmax(double[] v) {
        double lse = logSumExp(v);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - lse;
        }
        return out;
    }

    private static double[] softmax(double[] v) {
        double[] out = logSoftmax(v);
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(out[i]);
        }
        return out;
    }

    private static OpSpec reduction(String name, String variant, GradCheck.TensorFunction f, int[] dims,
                                    boolean keepDim, ToDoubleFunction<double[]> reducer, List<Sample> samples) {
        return OpSpec.of(name, f, in -> in[0].reduce(dims, keepDim, reducer), samples).variant(variant);
    }

    private static OpSpec along(String name, String variant, GradCheck.TensorFunction f, int dim,
                                UnaryOperator<double[]> line, List<Sample> samples) {
        return OpSpec.of(name, f, in -> in[0].alongDim(dim, line), samples).variant(variant);
    }

    /** Inputs for a reduction over the last dimension, including a scalar and an extent-1 last dimension. */
    static List<Sample> lastDim(Domain d) {
        return List.of(sample(in(d)), sample(in(d, 5)), sample(in(d, 2, 3)), sample(in(d, 1, 4, 1)),
                sample(transposed(d, 2, 3)), sample(stepped(d, 2, 3)), sample(expanded(d, 2, 3)));
    }

    /** Inputs for a reduction over the first dimension, including a scalar and an extent-1 first dimension. */
    static List<Sample> firstDim(Domain d) {
        return List.of(sample(in(d)), sample(in(d, 5)), sample(in(d, 3, 2)), sample(in(d, 1, 4)),
                sample(transposed(d, 3, 2)), sample(stepped(d, 3, 2)), sample(expanded(d, 2, 3)));
    }

    /** Rank-3 inputs, for reductions over several dimensions. */
    static List<Sample> threeD(Domain d) {
        return List.of(sample(in(d, 2, 3, 4)), sample(in(d, 1, 3, 2)), sample(transposed(d, 2, 3, 4)),
                sample(stepped(d, 2, 2, 3)), sample(expanded(d, 2, 3, 2)));
    }

    /** Inputs with at least two elements, where the unbiased variance is defined. */
    private static List<Sample> manyElements() {
        return List.of(sample(in(5)), sample(in(2, 3)), sample(in(1, 4, 1)), sample(transposed(ANY, 2, 3)),
                sample(stepped(ANY, 2, 3)), sample(expanded(ANY, 2, 3)));
    }

    /** Inputs whose last dimension has extent 2 or more and is not a repeat, so a standard deviation is not 0. */
    private static List<Sample> longLastDim() {
        return List.of(sample(in(5)), sample(in(2, 3)), sample(in(1, 4)), sample(transposed(ANY, 2, 3)),
                sample(stepped(ANY, 2, 3)), sample(expanded(ANY, 2, 3)));
    }

    /** Inputs whose first dimension has extent 2 or more. */
    private static List<Sample> longFirstDim() {
        return List.of(sample(in(5)), sample(in(3, 2)), sample(in(2, 1)), sample(transposed(ANY, 3, 2)),
                sample(stepped(ANY, 3, 2)), sample(in(3, 2, 1)));
    }
}
