package org.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.nn.ReferenceValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loss against PyTorch 1.13 in float64: values under each reduction and the gradients of
 * the mean, frozen in {@code losses.ref} by {@code make_losses.py}.
 */
class LossReferenceTest {

    private static final ReferenceValues REF = ReferenceValues.load("losses.ref");
    private static final double TOLERANCE = 1e-12;

    /** A case of {@code make_losses.py}: the loss for a reduction, and whether its target is class indices. */
    private record Case(String name, Function<Reduction, Loss> loss, boolean indices) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Tensor weight = REF.get("ce_weight.weight");
        return Stream.of(
                new Case("mse", MSELoss::new, false),
                new Case("l1", L1Loss::new, false),
                new Case("huber", r -> new HuberLoss(0.7, r), false),
                new Case("bce", BCELoss::new, false),
                new Case("bce_logits", BCEWithLogitsLoss::new, false),
                new Case("bce_logits_pos_weight",
                        r -> new BCEWithLogitsLoss(r).posWeight(REF.get("bce_logits_pos_weight.pos_weight")), false),
                new Case("ce_index", CrossEntropyLoss::new, true),
                new Case("ce_prob", CrossEntropyLoss::new, false),
                new Case("ce_smooth", r -> new CrossEntropyLoss(r).labelSmoothing(0.2), true),
                new Case("ce_weight", r -> new CrossEntropyLoss(r).weight(weight), true),
                new Case("ce_weight_smooth", r -> new CrossEntropyLoss(r).weight(weight).labelSmoothing(0.2), true),
                new Case("ce_prob_weight_smooth",
                        r -> new CrossEntropyLoss(r).labelSmoothing(0.2).weight(weight), false),
                new Case("ce_spatial", CrossEntropyLoss::new, true),
                new Case("nll", NLLLoss::new, true),
                new Case("nll_weight", r -> new NLLLoss(r).weight(weight), true),
                new Case("multimargin", r -> new MultiMarginLoss(1.0, r).divideByClasses(true), true),
                new Case("multimargin_half", r -> new MultiMarginLoss(0.5, r).divideByClasses(true), true));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void valuesMatchPyTorchForEveryReduction(Case c) {
        for (Reduction reduction : Reduction.values()) {
            Tensor actual = c.loss().apply(reduction).forward(input(c), target(c));
            assertClose(REF.get(c.name() + "." + reduction), actual, c + " " + reduction);
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradientsOfTheMeanMatchPyTorch(Case c) {
        Tensor input = input(c).requiresGrad();
        Tensor target = c.indices() ? target(c) : target(c).requiresGrad();
        c.loss().apply(Reduction.MEAN).forward(input, target).backward();
        assertClose(REF.get(c.name() + ".grad_input"), input.grad(), c + " input gradient");
        if (!c.indices()) {
            assertClose(REF.get(c.name() + ".grad_target"), target.grad(), c + " target gradient");
        }
    }

    /** Without PyTorch's division by the number of classes, the lectures' hinge loss is C times PyTorch's. */
    @Test
    void multiMarginLossIsClassCountTimesPyTorch() {
        Case c = new Case("multimargin", r -> new MultiMarginLoss(1.0, r), true);
        double classes = input(c).size(1);
        for (Reduction reduction : Reduction.values()) {
            Tensor actual = c.loss().apply(reduction).forward(input(c), target(c));
            assertClose(REF.get("multimargin." + reduction).mul(classes), actual, "MultiMarginLoss " + reduction);
        }
    }

    @Test
    void tripletLossWithPlainDistancesIsPyTorchsTripletMarginLoss() {
        for (Reduction reduction : Reduction.values()) {
            Tensor actual = new TripletLoss(1.0, reduction).squared(false)
                    .forward(REF.get("triplet.anchor"), REF.get("triplet.positive"), REF.get("triplet.negative"));
            assertClose(REF.get("triplet." + reduction), actual, "TripletLoss " + reduction);
        }
        Tensor anchor = REF.get("triplet.anchor").clone().detach().requiresGrad();
        Tensor positive = REF.get("triplet.positive").clone().detach().requiresGrad();
        Tensor negative = REF.get("triplet.negative").clone().detach().requiresGrad();
        new TripletLoss().squared(false).forward(anchor, positive, negative).backward();
        assertClose(REF.get("triplet.grad_anchor"), anchor.grad(), "anchor gradient");
        assertClose(REF.get("triplet.grad_positive"), positive.grad(), "positive gradient");
        assertClose(REF.get("triplet.grad_negative"), negative.grad(), "negative gradient");
    }

    private static Tensor input(Case c) {
        return REF.get(c.name() + ".input").clone().detach();
    }

    private static Tensor target(Case c) {
        Tensor target = REF.get(c.name() + ".target");
        return c.indices() ? target.to(DType.INT64) : target.clone().detach();
    }

    /** Equal shapes, and every element within {@link #TOLERANCE} relative to the largest expected magnitude. */
    private static void assertClose(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertTrue(actual.dtype() == DType.FLOAT64, what + ": dtype " + actual.dtype());
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        double scale = Arrays.stream(e).map(Math::abs).max().orElse(0);
        for (int i = 0; i < e.length; i++) {
            assertTrue(Math.abs(a[i] - e[i]) <= TOLERANCE * scale,
                    what + " at flat " + i + ": expected " + e[i] + ", got " + a[i]);
        }
    }
}
