package org.jgrad.backend.blas;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.backend.MatmulContract;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code matmul} of the BLAS backend against the reference backend: float32 and float64 within
 * a dot product's error bound (BLAS sums in its own order), transposed views through the CBLAS
 * flags, other layouts through a packed copy, empty products on the other backend. Skipped when
 * no BLAS library is installed (Debian: {@code libopenblas0-pthread}).
 */
class BlasMatmulTest extends MatmulContract {

    private static Backend blas;

    @BeforeAll
    static void findLibrary() {
        assumeTrue(BlasLibrary.find().isPresent(), () -> "no BLAS library; looked for " + BlasLibrary.candidates());
        blas = Backends.loadBlas();
    }

    @Override
    protected Backend backend() {
        return blas;
    }

    @Override
    protected boolean float64Exact() {
        return false;
    }
}
