package org.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** The backward pass: seeding, accumulation, freeing the graph, retained gradients, deep graphs. */
class EngineTest {

    private static Tensor leaf(double... values) {
        return Tensor.of(values).requiresGrad();
    }

    @Test
    void theLectureGraph() {
        Tensor x = Tensor.scalar(-2.0).requiresGrad();
        Tensor y = Tensor.scalar(5.0).requiresGrad();
        Tensor z = Tensor.scalar(-4.0).requiresGrad();
        Tensor f = x.add(y).mul(z);
        assertEquals(-12.0, f.item());
        f.backward();
        assertEquals(-4.0, x.grad().item());
        assertEquals(-4.0, y.grad().item());
        assertEquals(3.0, z.grad().item());
    }

    @Test
    void aScalarBackwardSeedsOne() {
        Tensor x = Tensor.scalar(3.0).requiresGrad();
        x.backward();
        assertEquals(1.0, x.grad().item());

        Tensor w = Tensor.scalar(3.0).requiresGrad();
        Tensor y = w.mul(5.0).retainGrad();
        y.backward();
        assertEquals(1.0, y.grad().item());
        assertEquals(5.0, w.grad().item());

        Tensor v = leaf(2.0);
        Tensor oneElement = v.mul(v);
        oneElement.backward();
        assertArrayEquals(new double[] {4.0}, v.grad().toDoubleArray());
    }

    @Test
    void aNonScalarBackwardNeedsAGradient() {
        Tensor x = Tensor.ones(2, 3).requiresGrad();
        var e = assertThrows(IllegalStateException.class, () -> x.mul(2.0).backward());
        assertEquals("backward() needs a scalar output, got shape [2, 3]; pass a gradient of that shape",
                e.getMessage());
    }

    @Test
    void anExplicitGradientIsPropagated() {
        Tensor x = leaf(1, 2, 3);
        Tensor y = x.mul(x);
        y.backward(Tensor.of(new double[] {1, 10, 100}));
        assertArrayEquals(new double[] {2, 40, 600}, x.grad().toDoubleArray());
        assertEquals(DType.FLOAT64, x.grad().dtype());
    }

    @Test
    void aGradientOfTheWrongShapeIsRejected() {
        Tensor x = leaf(1, 2, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> x.mul(2.0).backward(Tensor.ones(DType.FLOAT64, 2)));
        assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("[3]"), e.getMessage());
    }

    @Test
    void backwardFromATensorWithoutAGraphFails() {
        var e = assertThrows(IllegalStateException.class, () -> Tensor.scalar(1).mul(2.0).backward());
        assertTrue(e.getMessage().contains("requiresGrad"), e.getMessage());
    }

    @Test
    void aValueUsedTwiceGetsBothGradientsAdded() {
        Tensor x = leaf(3.0, -1.0, 0.5);
        x.mul(x).add(x).sum().backward();
        assertArrayEquals(new double[] {7.0, -1.0, 2.0}, x.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void theCopyNodeAddsTheGradientsOfItsBranches() {
        // One value feeding two gates: the fan-out ("copy") node sums what flows back.
        Tensor x = Tensor.scalar(2.0, DType.FLOAT64).requiresGrad();
        Tensor a = x.mul(3.0);
        Tensor b = x.exp();
        a.add(b).backward();
        assertEquals(3.0 + Math.exp(2.0), x.grad().item(), 1e-12);

        Tensor y = Tensor.scalar(4.0, DType.FLOAT64).requiresGrad();
        Tensor copy = y.clone();
        copy.mul(copy).backward();
        assertEquals(8.0, y.grad().item());
    }

    @Test
    void aSharedIntermediateCollectsEveryContributionBeforePassingItOn() {
        Tensor x = Tensor.scalar(2.0, DType.FLOAT64).requiresGrad();
        Tensor a = x.mul(x).retainGrad();
        Tensor f = a.mul(a).add(a).add(a.mul(3.0));
        f.backward();
        assertEquals(2 * 4.0 + 1 + 3, a.grad().item());
        assertEquals((2 * 4.0 + 1 + 3) * 2 * 2.0, x.grad().item());
    }

    @Test
    void leafGradientsAccumulateAcrossBackwardCallsUntilZeroGrad() {
        Tensor x = leaf(1, 2);
        x.mul(3.0).sum().backward();
        x.mul(3.0).sum().backward();
        assertArrayEquals(new double[] {6, 6}, x.grad().toDoubleArray());
        x.zeroGrad();
        assertNull(x.grad());
        x.mul(x).sum().backward();
        assertArrayEquals(new double[] {2, 4}, x.grad().toDoubleArray());
    }

    @Test
    void aSecondBackwardThroughAFreedGraphFails() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(x).sum();
        y.backward();
        var e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("already freed"), e.getMessage());
        assertTrue(GradMode.isEnabled(), "a failed backward must not leave grad mode off");
    }

    @Test
    void retainingTheGraphAllowsASecondBackward() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(x).sum();
        y.backward(true);
        y.backward();
        assertArrayEquals(new double[] {4, 8}, x.grad().toDoubleArray());
        assertThrows(IllegalStateException.class, y::backward);
    }

    @Test
    void retainGradKeepsAnIntermediatesGradient() {
        Tensor x = Tensor.scalar(-2.0).requiresGrad();
        Tensor y = Tensor.scalar(5.0).requiresGrad();
        Tensor z = Tensor.scalar(-4.0).requiresGrad();
        Tensor q = x.add(y).retainGrad();
        Tensor other = q.mul(1.0);
        Tensor f = other.mul(z);
        f.backward();
        assertTrue(q.retainsGrad());
        assertEquals(-4.0, q.grad().item());
        assertNull(other.grad(), "an intermediate that did not ask keeps no gradient");
        assertNull(f.grad());
        assertThrows(IllegalStateException.class, () -> Tensor.scalar(1).retainGrad());
    }

    @Test
    void detachCutsTheGraph() {
        Tensor x = leaf(1, 2, 3);
        Tensor d = x.detach();
        assertFalse(d.isRequiresGrad());
        assertNull(d.gradFn());
        assertSame(x.storage(), d.storage());
        x.mul(x.detach()).sum().backward();
        assertArrayEquals(new double[] {1, 2, 3}, x.grad().toDoubleArray());

        Tensor y = x.mul(2.0).detach();
        assertTrue(y.isLeaf());
        assertFalse(y.mul(3.0).isRequiresGrad());
    }

    @Test
    void requiresGradOnIntegersFailsClearly() {
        var e = assertThrows(IllegalStateException.class, () -> Tensor.arange(3).requiresGrad());
        assertTrue(e.getMessage().contains("floating-point"), e.getMessage());
        assertTrue(e.getMessage().contains("int64"), e.getMessage());
    }

    @Test
    void requiresGradFalseOnAComputedTensorPointsToDetach() {
        Tensor y = leaf(1).mul(2.0);
        var e = assertThrows(IllegalStateException.class, () -> y.requiresGrad(false));
        assertTrue(e.getMessage().contains("detach"), e.getMessage());
        Tensor x = leaf(1).requiresGrad(false);
        assertFalse(x.isRequiresGrad());
        assertFalse(x.mul(2.0).isRequiresGrad());
    }

    @Test
    void integerOperandsReceiveNoGradient() {
        Tensor x = leaf(1.5, 2.5);
        Tensor counts = Tensor.of(new long[] {2, 3});
        x.mul(counts).sum().backward();
        assertArrayEquals(new double[] {2, 3}, x.grad().toDoubleArray());
        assertNull(counts.grad());
    }

    @Test
    void gradientsKeepTheDtypeOfTheirInput() {
        Tensor f = Tensor.of(new float[] {1, 2}).requiresGrad();
        Tensor d = Tensor.of(new double[] {3, 4}).requiresGrad();
        f.mul(d).sum().backward();
        assertEquals(DType.FLOAT32, f.grad().dtype());
        assertEquals(DType.FLOAT64, d.grad().dtype());
        assertArrayEquals(new float[] {3, 4}, f.grad().toFloatArray());
        assertArrayEquals(new double[] {1, 2}, d.grad().toDoubleArray());
    }

    @Test
    void aChainOfAHundredThousandAdditionsNeedsNoDeepStack() throws InterruptedException {
        double[] result = onSmallStack(() -> {
            Tensor x = Tensor.scalar(1.0).requiresGrad();
            Tensor y = x;
            for (int i = 0; i < 100_000; i++) {
                y = y.add(1.0);
            }
            y.backward();
            return new double[] {y.item(), x.grad().item()};
        });
        assertEquals(100_001.0, result[0]);
        assertEquals(1.0, result[1]);
    }

    @Test
    void aChainOfAHundredThousandProductsGivesTheRightGradient() throws InterruptedException {
        double[] result = onSmallStack(() -> {
            Tensor x = Tensor.scalar(1.0, DType.FLOAT64).requiresGrad();
            Tensor y = x;
            for (int i = 0; i < 100_000; i++) {
                y = y.mul(1.0001);
            }
            y.backward();
            return new double[] {x.grad().item()};
        });
        double expected = Math.pow(1.0001, 100_000);
        assertEquals(expected, result[0], expected * 1e-9);
    }

    /** Runs {@code task} on a thread with a 256 KiB stack, so that recursion over the graph would overflow. */
    private static double[] onSmallStack(Supplier<double[]> task) throws InterruptedException {
        AtomicReference<double[]> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(task.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 256 * 1024);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError("deep graph failed: " + failure.get(), failure.get());
        }
        return result.get();
    }
}
