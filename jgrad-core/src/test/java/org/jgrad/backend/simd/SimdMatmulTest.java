package org.jgrad.backend.simd;

import org.jgrad.backend.Backend;
import org.jgrad.backend.MatmulContract;

/**
 * {@code matmul} of the SIMD backend against the reference backend: float32 products run on
 * {@link FloatGemm} (within a float dot product's error bound), float64 ones fall back to the
 * reference's own loop and match it exactly.
 */
class SimdMatmulTest extends MatmulContract {

    private final Backend simd = new SimdBackend();

    @Override
    protected Backend backend() {
        return simd;
    }

    @Override
    protected boolean float64Exact() {
        return true;
    }
}
