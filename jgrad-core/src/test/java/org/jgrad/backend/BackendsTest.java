package org.jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jgrad.backend.blas.BlasBackend;
import org.jgrad.backend.simd.SimdBackend;
import org.junit.jupiter.api.Test;

/**
 * Backend selection. Surefire runs the tests with {@code --add-modules jdk.incubator.vector},
 * so the SIMD backend is chosen unless {@code jgrad.backend} forces one (one Surefire execution
 * sets it to {@code reference}). An unknown name fails in {@code Backends}' static initializer,
 * which would poison the class for the rest of the run, so it is not tested here.
 */
class BackendsTest {

    @Test
    void theVectorApiModuleIsPresentInTests() {
        assertTrue(Backends.vectorApiPresent(), "Surefire should pass --add-modules jdk.incubator.vector");
    }

    @Test
    void currentIsSimdUnlessThePropertyForcesAnother() {
        String forced = System.getProperty(Backends.PROPERTY);
        Backend current = Backends.current();
        if ("reference".equals(forced)) {
            assertInstanceOf(ReferenceBackend.class, current);
        } else if ("blas".equals(forced)) {
            assertInstanceOf(BlasBackend.class, current);
        } else {
            assertTrue(forced == null || forced.equals("simd"), "unexpected " + Backends.PROPERTY + "=" + forced);
            assertInstanceOf(SimdBackend.class, current);
        }
        assertSame(current, Backends.current(), "chosen once");
    }

    @Test
    void loadSimdGivesANewSimdBackend() {
        Backend simd = Backends.loadSimd();
        assertInstanceOf(SimdBackend.class, simd);
        assertNotSame(simd, Backends.loadSimd());
        assertTrue(simd.name().startsWith("simd"), simd.name());
    }
}
