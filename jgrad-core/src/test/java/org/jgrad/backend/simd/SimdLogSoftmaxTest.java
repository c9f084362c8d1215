package org.jgrad.backend.simd;

import static org.jgrad.backend.Operands.assertSameBits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jgrad.Rng;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Operands;
import org.jgrad.backend.Operands.Type;
import org.jgrad.backend.Operands.View;
import org.jgrad.backend.ReferenceBackend;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;
import org.junit.jupiter.api.Test;

/**
 * The SIMD backend's log-softmax against the reference backend's, bit for bit, on every layout
 * of the element-wise tests plus packed ones, a classifier's [128, 10] logits and empty shapes;
 * about one value in four is NaN, an infinity, a signed zero, huge or subnormal, so that rows
 * whose maximum is infinite or NaN are covered.
 */
class SimdLogSoftmaxTest {

    private final Backend simd = new SimdBackend();
    private final Backend reference = new ReferenceBackend();

    private static List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>(Operands.elementwiseShapes());
        shapes.add(new int[] {128, 10});
        shapes.add(new int[] {0, 5});
        shapes.add(new int[] {4, 0});
        return shapes;
    }

    @Test
    void matchesTheReferenceOnEveryLayout() {
        Rng rng = new Rng(11);
        for (Type type : Type.values()) {
            for (int[] shape : shapes()) {
                List<View> destinations = new ArrayList<>(Operands.destinationViews(shape));
                destinations.add(new View("packed", 0, Strided.rowMajorStrides(shape)));
                for (View from : Operands.sourceViews(shape)) {
                    Storage src = Operands.random(type, rng, from.storageSize(shape), true);
                    for (View to : destinations) {
                        Storage expected = Operands.sentinel(type, to.storageSize(shape));
                        Storage actual = Operands.copy(expected);
                        reference.logSoftmax(from.on(src), shape, to.on(expected));
                        simd.logSoftmax(from.on(src), shape, to.on(actual));
                        assertSameBits(expected, actual, type + " " + Arrays.toString(shape) + " " + from + " -> " + to);
                    }
                }
            }
        }
    }

    @Test
    void matchesTheReferenceOnLogitsWithoutSpecialValues() {
        Rng rng = new Rng(12);
        int[] shape = {128, 10};
        Strided logits = Strided.contiguous(Operands.random(Type.FLOAT32, rng, 1280, false), shape);
        Storage expected = Operands.sentinel(Type.FLOAT32, 1280);
        Storage actual = Operands.copy(expected);
        reference.logSoftmax(logits, shape, Strided.contiguous(expected, shape));
        simd.logSoftmax(logits, shape, Strided.contiguous(actual, shape));
        assertSameBits(expected, actual, "[128, 10] logits in [-4, 4)");
    }
}
