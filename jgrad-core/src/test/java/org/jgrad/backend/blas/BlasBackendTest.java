package org.jgrad.backend.blas;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.jgrad.Rng;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Operands;
import org.jgrad.backend.Operands.Type;
import org.jgrad.backend.ReduceOp;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;
import org.jgrad.backend.UnaryOp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The BLAS backend apart from its products: it names the library, and every other kernel is the
 * SIMD backend's, bit for bit. Skipped when no BLAS library is installed.
 */
class BlasBackendTest {

    private static Backend blas;
    private static Backend simd;

    @BeforeAll
    static void findLibrary() {
        assumeTrue(BlasLibrary.find().isPresent(), () -> "no BLAS library; looked for " + BlasLibrary.candidates());
        blas = Backends.loadBlas();
        simd = Backends.loadSimd();
    }

    @Test
    void nameSaysBlasWhichLibraryAndWhatRunsTheRest() {
        String name = blas.name();
        assertTrue(name.startsWith("blas (" + BlasLibrary.find().orElseThrow().path()), name);
        assertTrue(name.contains("the rest on simd"), name);
    }

    @Test
    void otherKernelsAreTheSimdBackends() {
        int[] shape = {3, 17};
        Rng rng = new Rng(5);
        Strided x = Strided.contiguous(Operands.random(Type.FLOAT32, rng, 51, true), shape);
        Strided y = Strided.contiguous(Operands.random(Type.FLOAT32, rng, 51, true), shape);
        Storage[] out = {Operands.sentinel(Type.FLOAT32, 51), Operands.sentinel(Type.FLOAT32, 51)};
        Backend[] backends = {simd, blas};
        Storage[] sums = {Operands.sentinel(Type.FLOAT32, 3), Operands.sentinel(Type.FLOAT32, 3)};
        for (int i = 0; i < 2; i++) {
            backends[i].zip(BinaryOp.MUL, x, y, Strided.contiguous(out[i], shape), shape);
            backends[i].map(UnaryOp.EXP, Strided.contiguous(out[i], shape), Strided.contiguous(out[i], shape), shape);
            backends[i].reduce(ReduceOp.SUM, Strided.contiguous(out[i], shape), shape, 1,
                    Strided.contiguous(sums[i], new int[] {3}));
        }
        Operands.assertSameBits(out[0], out[1], "exp(x·y)");
        Operands.assertSameBits(sums[0], sums[1], "row sums");
    }
}
