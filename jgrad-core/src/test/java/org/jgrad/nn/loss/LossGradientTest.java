package org.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loss, under every reduction, gradient-checked in float64 against central differences on
 * shapes drawn at random: with respect to the input, and to the target where the loss is a
 * differentiable function of it (regression targets, binary targets, probabilities).
 */
class LossGradientTest {

    private static final double TOLERANCE = 1e-6;
    private static final int SHAPES_PER_LAYOUT = 3;

    /** A loss and how to draw an input and a target for it, of a random shape. */
    private record Case(String name, Loss loss, Function<Rng, Tensor[]> data) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Tensor weight = Tensor.of(new double[] {0.5, 1.5, 2.0, 0.7, 1.2});
        List<Case> cases = new ArrayList<>();
        add(cases, "MSELoss", MSELoss::new, rng -> pair(rng, LossGradientTest::normal, LossGradientTest::normal));
        add(cases, "L1Loss", L1Loss::new, rng -> pair(rng, LossGradientTest::normal, LossGradientTest::normal));
        add(cases, "HuberLoss", r -> new HuberLoss(0.5, r),
                rng -> pair(rng, LossGradientTest::normal, LossGradientTest::normal));
        add(cases, "BCELoss", BCELoss::new, rng -> pair(rng, LossGradientTest::probability, LossGradientTest::uniform));
        add(cases, "BCEWithLogitsLoss", BCEWithLogitsLoss::new,
                rng -> pair(rng, (g, s) -> normal(g, s).mul(3), LossGradientTest::uniform));
        add(cases, "BCEWithLogitsLoss posWeight", r -> new BCEWithLogitsLoss(r).posWeight(Tensor.scalar(2.5)),
                rng -> pair(rng, LossGradientTest::normal, LossGradientTest::uniform));
        add(cases, "CrossEntropyLoss indices", CrossEntropyLoss::new, LossGradientTest::scoresAndIndices);
        add(cases, "CrossEntropyLoss probabilities", CrossEntropyLoss::new, LossGradientTest::scoresAndProbabilities);
        add(cases, "CrossEntropyLoss smoothing, weights", r -> new CrossEntropyLoss(r).labelSmoothing(0.1)
                .weight(weight), rng -> classes(rng, 5, LossGradientTest::indices));
        add(cases, "CrossEntropyLoss probabilities, smoothing, weights", r -> new CrossEntropyLoss(r)
                .labelSmoothing(0.3).weight(weight), rng -> classes(rng, 5, LossGradientTest::probabilities));
        add(cases, "NLLLoss", NLLLoss::new, LossGradientTest::scoresAndIndices);
        add(cases, "NLLLoss weights", r -> new NLLLoss(r).weight(weight),
                rng -> classes(rng, 5, LossGradientTest::indices));
        add(cases, "MultiMarginLoss", r -> new MultiMarginLoss(1.0, r), LossGradientTest::scoresAndIndices);
        add(cases, "MultiMarginLoss PyTorch's convention", r -> new MultiMarginLoss(0.5, r).divideByClasses(true),
                LossGradientTest::scoresAndIndices);
        return cases.stream();
    }

    private static void add(List<Case> cases, String name, Function<Reduction, Loss> loss,
                            Function<Rng, Tensor[]> data) {
        for (Reduction reduction : Reduction.values()) {
            cases.add(new Case(name + " " + reduction, loss.apply(reduction), data));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(Case c) {
        Rng rng = new Rng(c.name().hashCode());
        for (int i = 0; i < SHAPES_PER_LAYOUT; i++) {
            Tensor[] data = c.data().apply(rng);
            Loss loss = c.loss();
            GradCheck.Result result = GradCheck.check(xs -> loss.forward(xs[0], xs[1]), data[0], data[1]);
            assertTrue(result.passes(TOLERANCE), loss + " on input " + data[0] + ", target " + data[1] + ": " + result);
        }
    }

    @ParameterizedTest
    @MethodSource("org.jgrad.nn.loss.LossGradientTest#reductions")
    void tripletLossGradientsMatchFiniteDifferences(Reduction reduction) {
        Rng rng = new Rng(7);
        for (boolean squared : new boolean[] {true, false}) {
            for (int[] shape : new int[][] {{5, 3}, {4}, {1 + rng.nextInt(6), 1 + rng.nextInt(6)}}) {
                TripletLoss loss = new TripletLoss(0.8, reduction).squared(squared);
                Tensor[] xs = {normal(rng, shape), normal(rng, shape), normal(rng, shape)};
                GradCheck.Result result = GradCheck.check(t -> loss.forward(t[0], t[1], t[2]), xs);
                assertTrue(result.passes(TOLERANCE), loss + ": " + result);
            }
        }
    }

    static Reduction[] reductions() {
        return Reduction.values();
    }

    // ---------------------------------------------------------------- random data

    /** A random shape of rank 0 to 3 with extents 1 to 4: the element-wise losses take any shape. */
    private static int[] anyShape(Rng rng) {
        int[] shape = new int[rng.nextInt(4)];
        for (int d = 0; d < shape.length; d++) {
            shape[d] = 1 + rng.nextInt(4);
        }
        return shape;
    }

    private static Tensor[] pair(Rng rng, BiFunction<Rng, int[], Tensor> input, BiFunction<Rng, int[], Tensor> target) {
        int[] shape = anyShape(rng);
        return new Tensor[] {input.apply(rng, shape), target.apply(rng, shape)};
    }

    /**
     * Scores with classes along dimension 1 in one of PyTorch's layouts, {@code [N, C]}, {@code
     * [N, C, d]} or unbatched {@code [C]}, and a target for them.
     */
    private static Tensor[] classes(Rng rng, int classes, BiFunction<Rng, int[], Tensor> target) {
        int n = 1 + rng.nextInt(4);
        int[] shape = switch (rng.nextInt(3)) {
            case 0 -> new int[] {n, classes};
            case 1 -> new int[] {n, classes, 1 + rng.nextInt(3)};
            default -> new int[] {classes};
        };
        return new Tensor[] {normal(rng, shape).mul(2), target.apply(rng, shape)};
    }

    private static Tensor[] scoresAndIndices(Rng rng) {
        return classes(rng, 2 + rng.nextInt(4), LossGradientTest::indices);
    }

    private static Tensor[] scoresAndProbabilities(Rng rng) {
        return classes(rng, 2 + rng.nextInt(4), LossGradientTest::probabilities);
    }

    private static Tensor normal(Rng rng, int[] shape) {
        return Tensor.randn(rng, DType.FLOAT64, shape);
    }

    private static Tensor uniform(Rng rng, int[] shape) {
        return Tensor.rand(rng, DType.FLOAT64, shape);
    }

    /** Probabilities in {@code [0.05, 0.95]}, away from BCE's clamp. */
    private static Tensor probability(Rng rng, int[] shape) {
        return uniform(rng, shape).mul(0.9).add(0.05);
    }

    /** Class indices for scores of {@code shape}: one per score vector along the class dimension. */
    private static Tensor indices(Rng rng, int[] scoreShape) {
        int classDim = scoreShape.length == 1 ? 0 : 1;
        int[] shape = new int[scoreShape.length - 1];
        for (int d = 0, j = 0; d < scoreShape.length; d++) {
            if (d != classDim) {
                shape[j++] = scoreShape[d];
            }
        }
        long[] values = new long[Shape.numel(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextInt(scoreShape[classDim]);
        }
        return Tensor.of(values).reshape(shape);
    }

    /** A probability distribution along the class dimension at every position. */
    private static Tensor probabilities(Rng rng, int[] scoreShape) {
        return normal(rng, scoreShape).softmax(scoreShape.length == 1 ? 0 : 1);
    }
}
