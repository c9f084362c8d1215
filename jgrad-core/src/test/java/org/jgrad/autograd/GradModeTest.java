package org.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** No-grad scopes: nothing is recorded inside, recording resumes after, per thread. */
class GradModeTest {

    @Test
    void noGraphIsRecordedInsideANoGradScope() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad();
        Tensor inside;
        try (var scope = GradMode.noGrad()) {
            assertFalse(GradMode.isEnabled());
            inside = x.mul(x).add(1.0);
        }
        assertFalse(inside.isRequiresGrad());
        assertNull(inside.gradFn());
        assertTrue(inside.isLeaf());
        assertEquals(2.0, inside.get(0));

        assertTrue(GradMode.isEnabled());
        Tensor after = x.mul(x);
        assertTrue(after.isRequiresGrad());
        assertNotNull(after.gradFn());
        after.sum().backward();
        assertEquals(4.0, x.grad().get(1));
    }

    @Test
    void scopesNestAndRestoreThePreviousSetting() {
        Tensor x = Tensor.scalar(1).requiresGrad();
        try (var outer = GradMode.noGrad()) {
            try (var inner = GradMode.enableGrad()) {
                assertTrue(GradMode.isEnabled());
                assertTrue(x.mul(2.0).isRequiresGrad());
                try (var innermost = GradMode.noGrad()) {
                    assertFalse(x.mul(2.0).isRequiresGrad());
                }
                assertTrue(GradMode.isEnabled());
            }
            assertFalse(GradMode.isEnabled());
            assertFalse(x.mul(2.0).isRequiresGrad());
        }
        assertTrue(GradMode.isEnabled());
    }

    @Test
    void theSettingBelongsToOneThread() throws InterruptedException {
        AtomicBoolean otherThreadRecords = new AtomicBoolean();
        try (var scope = GradMode.noGrad()) {
            Thread other = new Thread(() -> otherThreadRecords.set(
                    GradMode.isEnabled() && Tensor.scalar(1).requiresGrad().mul(2.0).isRequiresGrad()));
            other.start();
            other.join();
        }
        assertTrue(otherThreadRecords.get());
    }

    @Test
    void backwardLeavesGradModeAsItFoundIt() {
        Tensor x = Tensor.scalar(3).requiresGrad();
        x.mul(x).backward();
        assertTrue(GradMode.isEnabled());
        assertFalse(x.grad().isRequiresGrad(), "a gradient is a plain value, not part of a graph");
    }
}
