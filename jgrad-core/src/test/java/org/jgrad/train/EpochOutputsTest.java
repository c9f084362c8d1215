package org.jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link EpochOutputs}: batches gathered in order, the buffers reused by the next epoch, mismatches named. */
class EpochOutputsTest {

    @Test
    void gathersTheBatchesInOrderAndReusesItsBuffers() {
        var gathered = new EpochOutputs(5);
        Tensor first = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        Tensor second = Tensor.of(new float[] {7, 8, 9, 10}, 2, 2);
        gathered.add(0, first, Tensor.of(new long[] {0, 1, 0}));
        gathered.add(1, second, Tensor.of(new long[] {1, 1}));
        assertArrayEquals(Tensor.concat(0, List.of(first, second)).toFloatArray(), gathered.outputs().toFloatArray());
        assertArrayEquals(new int[] {5, 2}, gathered.outputs().shape());
        assertArrayEquals(new long[] {0, 1, 0, 1, 1}, gathered.targets().toLongArray());

        Tensor before = gathered.outputs();
        gathered.clear();
        gathered.add(0, second, Tensor.of(new long[] {0, 0}));
        assertArrayEquals(new float[] {7, 8, 9, 10}, gathered.outputs().toFloatArray());
        assertArrayEquals(new long[] {0, 0}, gathered.targets().toLongArray());
        assertSame(before.storage(), gathered.outputs().storage());
    }

    @Test
    void mismatchedOrSurplusBatchesAreNamed() {
        var gathered = new EpochOutputs(4);
        gathered.add(0, Tensor.zeros(2, 3), Tensor.of(new long[] {0, 1}));
        var wider = assertThrows(IllegalStateException.class,
                () -> gathered.add(1, Tensor.zeros(2, 4), Tensor.of(new long[] {0, 1})));
        assertEquals("training batch 1: outputs of shape [2, 4] (float32) do not match the earlier batches' rows [3]"
                + " (float32)", wider.getMessage());
        var tooMany = assertThrows(IllegalStateException.class,
                () -> gathered.add(1, Tensor.zeros(3, 3), Tensor.of(new long[] {0, 1, 2})));
        assertEquals("training batch 1: 3 more examples after 2 overrun the epoch's 4", tooMany.getMessage());
        var unmatched = assertThrows(IllegalStateException.class,
                () -> gathered.add(1, Tensor.zeros(2, 3), Tensor.of(new long[] {0, 1, 2})));
        assertEquals("training batch 1: 3 targets for 2 outputs", unmatched.getMessage());
    }
}
