package org.jgrad.backend.blas;

import java.lang.foreign.MemorySegment;
import org.jgrad.backend.Backend;
import org.jgrad.backend.DelegatingBackend;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;
import org.jgrad.backend.WorkerPool;

/**
 * Matrix products on a native BLAS ({@code cblas_sgemm} for float32, {@code cblas_dgemm} for
 * float64), everything else on another backend (the SIMD one when the Vector API is present).
 * Chosen only when asked for ({@code -Djgrad.backend=blas}); never the default.
 *
 * <p>Operands go to BLAS where they lie, heap arrays included, with no copy: a row-major operand
 * as it is, a transposed view (the {@code Xᵀ} and {@code Wᵀ} of a dense layer's backward pass)
 * through the CBLAS transpose flag. Only an operand CBLAS cannot describe (neither stride 1, a
 * broadcast stride of 0, a reversed one) is packed into a temporary copy first, and a result
 * that is not row-major is computed into one and copied out. Mixed element types, int64 and
 * empty products go to the other backend.
 *
 * <p>Threads: before each product the library's thread count is set to the {@link WorkerPool}'s
 * ({@code -Djgrad.threads=N}), where the library can set it (OpenBLAS). <b>Not deterministic
 * across thread counts:</b> OpenBLAS 0.3.21 gave results that differ in the last bits between 1
 * and 2 threads for 32 of the 54 products of the 784-256-128-10 MLP's layers at batch sizes
 * 1–1000 (8 of 54 with its SkylakeX kernels), while repeating a product on the same thread count
 * gave the same bits; nothing in BLAS promises even that, nor that two machines or two versions
 * agree. Training on this backend is therefore fast but reproducible only on one machine with a
 * fixed thread count, which is why it is never the default (DESIGN.md, principle 4). Results
 * also differ from the other backends' in the last bits (another summation order).
 */
public final class BlasBackend extends DelegatingBackend {

    private final BlasLibrary library;
    private volatile int libraryThreads;

    /** Products on {@code library}, everything else on {@code fallback}. */
    public BlasBackend(BlasLibrary library, Backend fallback) {
        super(fallback);
        this.library = library;
    }

    @Override
    public String name() {
        return "blas (" + library.path() + ": " + library.describe() + "; "
                + (library.canSetThreads() ? WorkerPool.shared().threads() + " thread(s)" : "threads set by the library")
                + "; the rest on " + fallback().name() + ")";
    }

    @Override
    public void matmul(Strided a, Strided b, Strided c, int m, int n, int k) {
        boolean floats = a.storage() instanceof Storage.Floats && b.storage() instanceof Storage.Floats
                && c.storage() instanceof Storage.Floats;
        boolean doubles = a.storage() instanceof Storage.Doubles && b.storage() instanceof Storage.Doubles
                && c.storage() instanceof Storage.Doubles;
        if (!(floats || doubles) || m == 0 || n == 0 || k == 0) {
            super.matmul(a, b, c, m, n, k);
            return;
        }
        syncThreads();
        Operand left = Operand.of(a, m, k);
        Operand right = Operand.of(b, k, n);
        CblasLayout layout = CblasLayout.of(m, n, c.strides()[0], c.strides()[1]);
        boolean direct = layout != null && layout.trans() == BlasLibrary.NO_TRANS;
        Strided out = direct ? c : new Strided(c.storage().allocateLike(m * n), 0, new int[] {n, 1});
        int ldc = direct ? layout.leading() : CblasLayout.packed(n).leading();
        MemorySegment target = Operand.segment(out);
        library.gemm(doubles, left.layout().trans(), right.layout().trans(), m, n, k, left.segment(),
                left.layout().leading(), right.segment(), right.layout().leading(), target, ldc);
        if (!direct) {
            Operand.copy(out, c, m, n);
        }
    }

    /** Gives the library the pool's thread count when it changed since the last product. */
    private void syncThreads() {
        int threads = WorkerPool.shared().threads();
        if (threads != libraryThreads) {
            library.setThreads(threads);
            libraryThreads = threads;
        }
    }
}
