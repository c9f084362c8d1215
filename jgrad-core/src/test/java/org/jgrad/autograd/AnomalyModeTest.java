package org.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** Anomaly mode names the op whose backward produced NaN or infinity; off, nothing is checked. */
class AnomalyModeTest {

    @Test
    void sqrtAtZeroTimesZeroProducesNaNAndIsNamed() {
        Tensor x = Tensor.of(new float[] {0, 4}).requiresGrad();
        Tensor loss = x.sqrt().mul(Tensor.of(new float[] {0, 1})).sum();
        try (var scope = AnomalyMode.enable()) {
            assertTrue(AnomalyMode.isEnabled());
            var e = assertThrows(IllegalStateException.class, loss::backward);
            assertTrue(e.getMessage().contains("Sqrt"), e.getMessage());
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
            assertTrue(e.getMessage().contains("[2]"), e.getMessage());
        }
        assertFalse(AnomalyMode.isEnabled());
    }

    @Test
    void logAtZeroProducesInfinityAndIsNamed() {
        Tensor x = Tensor.of(new float[] {0, 1}).requiresGrad();
        Tensor loss = x.log().sum();
        try (var scope = AnomalyMode.enable()) {
            var e = assertThrows(IllegalStateException.class, loss::backward);
            assertTrue(e.getMessage().contains("Log"), e.getMessage());
            assertTrue(e.getMessage().contains("infinity"), e.getMessage());
        }
    }

    @Test
    void withoutAnomalyModeTheBadGradientIsDelivered() {
        Tensor x = Tensor.of(new float[] {0, 1}).requiresGrad();
        Tensor loss = x.log().sum();
        assertDoesNotThrow(() -> loss.backward());
        assertEquals(Double.POSITIVE_INFINITY, x.grad().get(0));
        assertEquals(1.0, x.grad().get(1));

        Tensor y = Tensor.of(new float[] {0}).requiresGrad();
        y.sqrt().mul(0.0).sum().backward();
        assertTrue(Double.isNaN(y.grad().get(0)));
    }

    @Test
    void finiteGradientsPassUnderAnomalyMode() {
        Tensor x = Tensor.of(new float[] {1, 4}).requiresGrad();
        try (var scope = AnomalyMode.enable()) {
            x.sqrt().log().sum().backward();
        }
        assertEquals(0.5, x.grad().get(0), 1e-7);
        assertEquals(0.125, x.grad().get(1), 1e-7);
    }
}
