package org.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jgrad.DType;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/**
 * What the losses promise beyond matching PyTorch on ordinary inputs: stability at extreme
 * logits, the BCE clamp, the identities between the class losses, output shapes and dtypes.
 */
class LossPropertiesTest {

    private static final double EPS = 1e-12;

    @Test
    void crossEntropyIsStableForHugeLogits() {
        Tensor logits = Tensor.of(new float[] {1000, 0, -1000, -1000, 0, 1000}, 2, 3).requiresGrad();
        Tensor losses = new CrossEntropyLoss(Reduction.NONE).forward(logits, Tensor.of(new long[] {0, 0}));
        assertArrayEquals(new double[] {0, 2000}, losses.toDoubleArray(), 1e-3);
        losses.sum().backward();
        assertArrayEquals(new double[] {0, 0, 0, -1, 0, 1}, logits.grad().toDoubleArray(), 1e-6);
    }

    @Test
    void bceWithLogitsIsStableForHugeLogits() {
        Tensor logits = Tensor.of(new double[] {1000, 1000, -1000, -1000}).requiresGrad();
        Tensor target = Tensor.of(new double[] {1, 0, 1, 0});
        Tensor losses = new BCEWithLogitsLoss(Reduction.NONE).forward(logits, target);
        assertArrayEquals(new double[] {0, 1000, 1000, 0}, losses.toDoubleArray(), EPS);
        losses.sum().backward();
        assertArrayEquals(new double[] {0, 1, -1, 0}, logits.grad().toDoubleArray(), EPS);
    }

    @Test
    void bceWithLogitsEqualsBceOfTheSigmoid() {
        Tensor logits = Tensor.randn(new Rng(3), DType.FLOAT64, 4, 3);
        Tensor target = Tensor.rand(new Rng(4), DType.FLOAT64, 4, 3);
        assertEquals(new BCELoss().forward(logits.sigmoid(), target).item(),
                new BCEWithLogitsLoss().forward(logits, target).item(), EPS);
    }

    @Test
    void posWeightScalesTheLossOfPositives() {
        Tensor logits = Tensor.of(new double[] {0.3, -1.2, 2.0, 0.1}, 2, 2);
        Tensor target = Tensor.of(new double[] {1, 0, 1, 0}, 2, 2);
        Tensor plain = new BCEWithLogitsLoss(Reduction.NONE).forward(logits, target);
        Tensor weighted = new BCEWithLogitsLoss(Reduction.NONE).posWeight(Tensor.of(new double[] {3, 5}))
                .forward(logits, target);
        assertArrayEquals(plain.mul(Tensor.of(new double[] {3, 1, 3, 1}, 2, 2)).toDoubleArray(),
                weighted.toDoubleArray(), EPS);
    }

    /** A certain wrong prediction costs 100, PyTorch's clamp of the logarithm, and its gradient stays finite. */
    @Test
    void bceClampsTheLogarithmAtMinus100() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor p = Tensor.of(new double[] {0, 1, 0, 1}).to(dtype).requiresGrad();
            Tensor target = Tensor.of(new double[] {1, 0, 0, 1}).to(dtype);
            Tensor losses = new BCELoss(Reduction.NONE).forward(p, target);
            assertArrayEquals(new double[] {100, 100, 0, 0}, losses.toDoubleArray(), 0, dtype.toString());
            losses.sum().backward();
            assertTrue(Arrays.stream(p.grad().toDoubleArray()).allMatch(Double::isFinite),
                    dtype + ": " + Arrays.toString(p.grad().toDoubleArray()));
        }
    }

    @Test
    void crossEntropyIsNllOfLogSoftmax() {
        Tensor logits = Tensor.randn(new Rng(5), DType.FLOAT64, 6, 4);
        Tensor target = Tensor.of(new long[] {0, 3, 1, 1, 2, 3});
        Tensor weight = Tensor.of(new double[] {1, 2, 0.5, 3});
        assertEquals(new NLLLoss().weight(weight).forward(logits.logSoftmax(1), target).item(),
                new CrossEntropyLoss().weight(weight).forward(logits, target).item(), EPS);
    }

    @Test
    void oneHotProbabilitiesGiveTheSameLossAsIndices() {
        Tensor logits = Tensor.randn(new Rng(6), DType.FLOAT64, 3, 4);
        Tensor target = Tensor.of(new long[] {2, 0, 3});
        Tensor oneHot = Tensor.of(new double[] {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1}, 3, 4);
        for (Reduction reduction : Reduction.values()) {
            CrossEntropyLoss loss = new CrossEntropyLoss(reduction).labelSmoothing(0.25);
            assertArrayEquals(loss.forward(logits, target).toDoubleArray(),
                    loss.forward(logits, oneHot).toDoubleArray(), EPS, reduction.toString());
        }
    }

    /**
     * With class weights the two target forms differ only in the mean's divisor, as in PyTorch:
     * the total weight of the targets for indices, the number of examples for probabilities.
     */
    @Test
    void weightedMeanDividesByTheTargetsWeightForIndicesOnly() {
        Tensor logits = Tensor.randn(new Rng(7), DType.FLOAT64, 3, 4);
        Tensor target = Tensor.of(new long[] {2, 0, 3});
        Tensor oneHot = Tensor.of(new double[] {0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1}, 3, 4);
        Tensor weight = Tensor.of(new double[] {2, 1, 0.5, 4});
        double sum = new CrossEntropyLoss(Reduction.SUM).weight(weight).forward(logits, target).item();
        assertEquals(sum, new CrossEntropyLoss(Reduction.SUM).weight(weight).forward(logits, oneHot).item(), EPS);
        assertEquals(sum / (0.5 + 2 + 4), new CrossEntropyLoss().weight(weight).forward(logits, target).item(), EPS);
        assertEquals(sum / 3, new CrossEntropyLoss().weight(weight).forward(logits, oneHot).item(), EPS);
    }

    @Test
    void labelSmoothingMixesTheTargetWithTheUniformDistribution() {
        // Equal logits: every log-probability is log(1/C), whatever the smoothing.
        Tensor logits = Tensor.zeros(DType.FLOAT64, 2, 5);
        Tensor target = Tensor.of(new long[] {1, 4});
        assertEquals(Math.log(5), new CrossEntropyLoss().labelSmoothing(0.3).forward(logits, target).item(), EPS);
        // A confident right prediction is penalized by the smoothing: −(1 − ε + ε/C)·log p_y − ε/C·Σ_{c≠y} log p_c.
        Tensor confident = Tensor.of(new double[] {0, 10}, 1, 2);
        Tensor logP = confident.logSoftmax(1);
        double expected = -(0.9 + 0.05) * logP.get(0, 1) - 0.05 * logP.get(0, 0);
        assertEquals(expected, new CrossEntropyLoss().labelSmoothing(0.1).forward(confident, Tensor.of(new long[] {1}))
                .item(), EPS);
    }

    @Test
    void reductionNoneKeepsOneLossPerElementOrExample() {
        Rng rng = new Rng(8);
        Tensor x = Tensor.randn(rng, 2, 3, 4);
        assertArrayEquals(new int[] {2, 3, 4}, new MSELoss(Reduction.NONE).forward(x, x.mul(2)).shape());
        Tensor spatial = Tensor.randn(rng, 2, 5, 3);
        Tensor indices = Tensor.of(new long[] {0, 4, 2, 1, 1, 3}, 2, 3);
        assertArrayEquals(new int[] {2, 3}, new CrossEntropyLoss(Reduction.NONE).forward(spatial, indices).shape());
        assertArrayEquals(new int[] {2, 3}, new NLLLoss(Reduction.NONE).forward(spatial, indices).shape());
        assertArrayEquals(new int[] {2, 3}, new CrossEntropyLoss(Reduction.NONE)
                .forward(spatial, spatial.softmax(1)).shape());
        assertArrayEquals(new int[0], new CrossEntropyLoss(Reduction.NONE)
                .forward(Tensor.randn(rng, 5), Tensor.scalar(3, DType.INT64)).shape());
        assertArrayEquals(new int[0], new MSELoss().forward(x, x).shape());
    }

    @Test
    void float32InFloat32Out() {
        Tensor x = Tensor.randn(new Rng(9), 4, 3);
        assertEquals(DType.FLOAT32, new CrossEntropyLoss().forward(x, Tensor.of(new long[] {0, 1, 2, 0})).dtype());
        assertEquals(DType.FLOAT32, new HuberLoss().forward(x, x.mul(0.5)).dtype());
        assertEquals(DType.FLOAT64, new MSELoss().forward(x, x.to(DType.FLOAT64)).dtype(), "promoted as PyTorch");
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearOutside() {
        Tensor error = Tensor.of(new double[] {-3, -0.5, 0, 0.2, 2}).requiresGrad();
        Tensor losses = new HuberLoss(1.0, Reduction.NONE).forward(error, Tensor.zeros(DType.FLOAT64, 5));
        assertArrayEquals(new double[] {2.5, 0.125, 0, 0.02, 1.5}, losses.toDoubleArray(), EPS);
        losses.sum().backward();
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.2, 1}, error.grad().toDoubleArray(), EPS);
    }

    @Test
    void l1HasSubgradientZeroWhereInputEqualsTarget() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad();
        new L1Loss(Reduction.SUM).forward(x, Tensor.of(new double[] {0, 2, 5})).backward();
        assertArrayEquals(new double[] {1, 0, -1}, x.grad().toDoubleArray(), 0);
    }

    @Test
    void optionsReturnConfiguredCopies() {
        CrossEntropyLoss plain = new CrossEntropyLoss();
        CrossEntropyLoss smoothed = plain.labelSmoothing(0.1);
        assertEquals("CrossEntropyLoss()", plain.toString());
        assertEquals("CrossEntropyLoss(labelSmoothing=0.1)", smoothed.toString());
    }

    @Test
    void printsLikePyTorchWithTheSettingsThatDifferFromTheDefaults() {
        assertEquals("MSELoss()", new MSELoss().toString());
        assertEquals("L1Loss(reduction=sum)", new L1Loss(Reduction.SUM).toString());
        assertEquals("HuberLoss(delta=0.5, reduction=none)", new HuberLoss(0.5, Reduction.NONE).toString());
        assertEquals("BCELoss()", new BCELoss().toString());
        assertEquals("BCEWithLogitsLoss(posWeight=[2.0])",
                new BCEWithLogitsLoss().posWeight(Tensor.of(new double[] {2})).toString());
        assertEquals("CrossEntropyLoss(weight=[1.0, 2.0], labelSmoothing=0.2, reduction=sum)",
                new CrossEntropyLoss(Reduction.SUM).labelSmoothing(0.2).weight(Tensor.of(new double[] {1, 2}))
                        .toString());
        assertEquals("NLLLoss()", new NLLLoss().toString());
        assertEquals("MultiMarginLoss()", new MultiMarginLoss().toString());
        assertEquals("MultiMarginLoss(margin=0.5, divideByClasses=true)",
                new MultiMarginLoss(0.5).divideByClasses(true).toString());
        assertEquals("TripletLoss()", new TripletLoss().toString());
        assertEquals("TripletLoss(margin=0.2, squared=false, reduction=sum)",
                new TripletLoss(0.2, Reduction.SUM).squared(false).toString());
    }
}
