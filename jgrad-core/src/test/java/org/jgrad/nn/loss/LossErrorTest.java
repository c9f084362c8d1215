package org.jgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.DType;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad targets, shapes and settings fail with a message naming the loss, the shapes and the problem. */
class LossErrorTest {

    private static void assertFails(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }

    private static Tensor logits(int... shape) {
        return Tensor.zeros(shape);
    }

    @Test
    void classIndexOutOfRange() {
        assertFails(() -> new CrossEntropyLoss().forward(logits(3, 4), Tensor.of(new long[] {0, 4, 1})),
                "CrossEntropyLoss: target of shape [3] for input [3, 4]: class index 4 at flat position 1 is out of"
                        + " range [0, 4)");
        assertFails(() -> new NLLLoss().forward(logits(2, 4), Tensor.of(new long[] {-1, 0})),
                "NLLLoss: target of shape [2] for input [2, 4]", "class index -1");
        assertFails(() -> new MultiMarginLoss().forward(logits(2, 3), Tensor.of(new long[] {3, 0})),
                "MultiMarginLoss: target of shape [2] for input [2, 3]", "class index 3");
    }

    @Test
    void classTargetOfTheWrongShapeOrType() {
        assertFails(() -> new CrossEntropyLoss().forward(logits(4, 10), Tensor.of(new long[] {0, 1, 2})),
                "CrossEntropyLoss: target of shape [3] for input [4, 10]: class indices need shape [4]");
        assertFails(() -> new CrossEntropyLoss().forward(logits(4, 10), Tensor.zeros(4)),
                "CrossEntropyLoss: target of shape [4] for input [4, 10]: class indices must be int64, got float32",
                "probabilities need the input's shape");
        assertFails(() -> new NLLLoss().forward(logits(2, 3), Tensor.zeros(2, 3)),
                "NLLLoss: target of shape [2, 3] for input [2, 3]: class indices must be int64, got float32");
        assertFails(() -> new CrossEntropyLoss().forward(Tensor.scalar(1), Tensor.scalar(0, DType.INT64)),
                "CrossEntropyLoss: input must have a class dimension, got a scalar");
    }

    @Test
    void classWeightsOfTheWrongLength() {
        Tensor weight = Tensor.ones(3);
        assertFails(() -> new CrossEntropyLoss().weight(weight).forward(logits(2, 4), Tensor.of(new long[] {0, 1})),
                "CrossEntropyLoss: weight of shape [3] for input [2, 4]: need one weight per class (4)");
        assertFails(() -> new NLLLoss().weight(Tensor.ones(2, 2)), "NLLLoss: weight must be a floating-point vector");
    }

    @Test
    void elementwiseLossesDoNotBroadcastTheTarget() {
        assertFails(() -> new MSELoss().forward(Tensor.zeros(3, 1), Tensor.zeros(3)),
                "MSELoss: target of shape [3] for input [3, 1]: the shapes must be equal");
        assertFails(() -> new BCEWithLogitsLoss().forward(Tensor.zeros(2, 2), Tensor.zeros(2)),
                "BCEWithLogitsLoss: target of shape [2] for input [2, 2]");
        assertFails(() -> new L1Loss().forward(Tensor.zeros(2), Tensor.zeros(3)), "L1Loss: target of shape [3]");
        assertFails(() -> new HuberLoss().forward(Tensor.zeros(2), Tensor.zeros(2, 1)), "HuberLoss: target");
    }

    @Test
    void bceNeedsProbabilities() {
        assertFails(() -> new BCELoss().forward(Tensor.of(new float[] {0.5f, 1.5f}), Tensor.zeros(2)),
                "BCELoss: input of shape [2] must hold probabilities in [0, 1], found 1.5",
                "for logits use BCEWithLogitsLoss");
    }

    @Test
    void posWeightMustBroadcastToTheInput() {
        Tensor square = Tensor.zeros(2, 2);
        assertFails(() -> new BCEWithLogitsLoss().posWeight(Tensor.ones(3)).forward(square, square),
                "BCEWithLogitsLoss: shapes [3] and [2, 2] are not broadcastable");
        Tensor vector = Tensor.zeros(2);
        assertFails(() -> new BCEWithLogitsLoss().posWeight(Tensor.ones(2, 2)).forward(vector, vector),
                "BCEWithLogitsLoss: posWeight of shape [2, 2] does not broadcast to input [2]");
    }

    @Test
    void tripletShapesMustAgree() {
        assertFails(() -> new TripletLoss().forward(Tensor.zeros(4, 3), Tensor.zeros(4, 3), Tensor.zeros(4, 2)),
                "TripletLoss: anchor [4, 3], positive [4, 3] and negative [4, 2] must have the same shape");
        Tensor cube = Tensor.zeros(2, 2, 2);
        assertFails(() -> new TripletLoss().forward(cube, cube, cube),
                "[N, D] or [D]");
    }

    @Test
    void badSettings() {
        assertFails(() -> new HuberLoss(0), "HuberLoss: delta must be positive and finite, got 0.0");
        assertFails(() -> new CrossEntropyLoss().labelSmoothing(1.5),
                "CrossEntropyLoss: label smoothing must be in [0, 1]");
        assertFails(() -> new TripletLoss(-1), "TripletLoss: margin must be non-negative");
        assertFails(() -> new MultiMarginLoss(Double.NaN), "MultiMarginLoss: margin must be finite");
        assertFails(() -> new BCEWithLogitsLoss().posWeight(Tensor.of(new long[] {2})),
                "BCEWithLogitsLoss: posWeight must be floating-point");
    }
}
