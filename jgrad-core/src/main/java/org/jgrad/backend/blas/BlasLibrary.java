package org.jgrad.backend.blas;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A native CBLAS library bound with the Foreign Function &amp; Memory API: {@code cblas_sgemm}
 * and {@code cblas_dgemm}, and OpenBLAS's thread-count and description functions when the
 * library has them. Nothing here is required: {@link #find()} is empty when no library is
 * installed, and jgrad then never loads one.
 *
 * <p>Where it looks, first hit wins: the file named by the system property {@value #PROPERTY}
 * (then nowhere else); else OpenBLAS ({@code libopenblas.so.0}, Debian's {@code
 * libopenblas0-pthread} or {@code -openmp}) in the usual library folders, then the system's
 * {@code libblas.so.3} (whatever BLAS the system's alternatives point at). A candidate without
 * both products is skipped. The 64-bit-integer builds ({@code libopenblas64}) are never tried:
 * their ABI takes {@code long} sizes.
 *
 * <p>The products are critical downcalls ({@code Linker.Option.critical(true)}): segments over
 * heap {@code float[]} and {@code double[]} reach C without a copy and the call costs about
 * 10 ns, because the JVM does not leave Java state for it. That is safe for BLAS, which neither
 * blocks nor calls back, but it holds up the garbage collector while a product runs. The JVM
 * wants {@code --enable-native-access=ALL-UNNAMED} (or {@code =org.jgrad.core} on the module
 * path) and warns without it; the restricted FFM methods are this class's purpose, hence the
 * suppressed lint.
 */
@SuppressWarnings("restricted")
public final class BlasLibrary {

    /** The system property that names the library file; only that file is then tried. */
    public static final String PROPERTY = "jgrad.blas.library";

    /** {@code CBLAS_ORDER.CblasRowMajor}. */
    static final int ROW_MAJOR = 101;
    /** {@code CBLAS_TRANSPOSE.CblasNoTrans}. */
    static final int NO_TRANS = 111;
    /** {@code CBLAS_TRANSPOSE.CblasTrans}. */
    static final int TRANS = 112;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Optional<BlasLibrary> FOUND = candidates().stream()
            .filter(Files::isRegularFile)
            .map(BlasLibrary::open)
            .flatMap(Optional::stream)
            .findFirst();
    /** The found library's products, in static finals so that the JIT binds the call sites to them. */
    private static final MethodHandle SGEMM = FOUND.map(l -> l.sgemm).orElse(null);
    private static final MethodHandle DGEMM = FOUND.map(l -> l.dgemm).orElse(null);

    private final Path path;
    private final SymbolLookup symbols;
    private final MethodHandle sgemm;
    private final MethodHandle dgemm;
    private final MethodHandle setThreads;

    private BlasLibrary(Path path, SymbolLookup symbols, MethodHandle sgemm, MethodHandle dgemm,
                        MethodHandle setThreads) {
        this.path = path;
        this.symbols = symbols;
        this.sgemm = sgemm;
        this.dgemm = dgemm;
        this.setThreads = setThreads;
    }

    /** The library found at start-up, if any; looked for once. */
    public static Optional<BlasLibrary> find() {
        return FOUND;
    }

    /** Where a library is looked for, in order: what a "not found" message should list. */
    public static List<Path> candidates() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null) {
            return List.of(Path.of(forced));
        }
        List<String> dirs = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
                "/usr/lib", "/usr/local/lib");
        List<Path> paths = new ArrayList<>();
        for (String dir : dirs) {
            paths.add(Path.of(dir, "libopenblas.so.0"));
            paths.add(Path.of(dir, "openblas-pthread", "libopenblas.so.0"));
            paths.add(Path.of(dir, "openblas-openmp", "libopenblas.so.0"));
        }
        for (String dir : dirs) {
            paths.add(Path.of(dir, "libblas.so.3"));
        }
        return paths;
    }

    /** The library at {@code path}, or empty when it cannot be loaded or lacks a product. */
    private static Optional<BlasLibrary> open(Path path) {
        SymbolLookup symbols;
        try {
            symbols = SymbolLookup.libraryLookup(path, Arena.global());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<MemorySegment> s = symbols.find("cblas_sgemm");
        Optional<MemorySegment> d = symbols.find("cblas_dgemm");
        if (s.isEmpty() || d.isEmpty()) {
            return Optional.empty();
        }
        MethodHandle setThreads = symbols.find("openblas_set_num_threads")
                .map(f -> LINKER.downcallHandle(f, FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT)))
                .orElse(null);
        return Optional.of(new BlasLibrary(path, symbols, gemm(s.get(), ValueLayout.JAVA_FLOAT),
                gemm(d.get(), ValueLayout.JAVA_DOUBLE), setThreads));
    }

    /** {@code void cblas_?gemm(order, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc)}. */
    private static MethodHandle gemm(MemorySegment function, ValueLayout scalar) {
        ValueLayout i = ValueLayout.JAVA_INT;
        ValueLayout p = ValueLayout.ADDRESS;
        return LINKER.downcallHandle(function,
                FunctionDescriptor.ofVoid(i, i, i, i, i, i, scalar, p, i, p, i, scalar, p, i),
                Linker.Option.critical(true));
    }

    /** The library file. */
    public Path path() {
        return path;
    }

    /**
     * What the library says it is: for OpenBLAS, {@code openblas_get_config()} and the kernel set
     * it chose for this CPU ({@code openblas_get_corename()}), e.g. {@code OpenBLAS 0.3.21
     * DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64, kernels for Haswell}; else the file name.
     */
    public String describe() {
        Optional<String> config = string("openblas_get_config", 512);
        Optional<String> core = string("openblas_get_corename", 128);
        return config.map(c -> c + core.map(k -> ", kernels for " + k).orElse(""))
                .orElse(path.getFileName().toString());
    }

    private Optional<String> string(String function, int maxLength) {
        return symbols.find(function).map(f -> {
            MethodHandle handle = LINKER.downcallHandle(f, FunctionDescriptor.of(ValueLayout.ADDRESS));
            try {
                return ((MemorySegment) handle.invokeExact()).reinterpret(maxLength).getString(0);
            } catch (Throwable t) {
                throw new IllegalStateException(function + " failed", t);
            }
        });
    }

    /** Whether {@link #setThreads} has any effect (OpenBLAS's {@code openblas_set_num_threads} exists). */
    public boolean canSetThreads() {
        return setThreads != null;
    }

    /** Sets the number of threads the library's products use from now on; ignored by libraries that cannot. */
    public void setThreads(int threads) {
        if (setThreads == null) {
            return;
        }
        try {
            setThreads.invokeExact(threads);
        } catch (Throwable t) {
            throw new IllegalStateException("openblas_set_num_threads failed", t);
        }
    }

    /**
     * {@code C = op(A)·op(B)} in row-major order, {@code op} given by the {@link #NO_TRANS}/{@link
     * #TRANS} flags: {@code cblas_dgemm} on double segments when {@code doubles}, else {@code
     * cblas_sgemm} on float ones, of the one library {@link #find()} found; segments may be heap
     * segments.
     */
    void gemm(boolean doubles, int transA, int transB, int m, int n, int k, MemorySegment a, int lda,
              MemorySegment b, int ldb, MemorySegment c, int ldc) {
        try {
            if (doubles) {
                DGEMM.invokeExact(ROW_MAJOR, transA, transB, m, n, k, 1.0, a, lda, b, ldb, 0.0, c, ldc);
            } else {
                SGEMM.invokeExact(ROW_MAJOR, transA, transB, m, n, k, 1f, a, lda, b, ldb, 0f, c, ldc);
            }
        } catch (Throwable t) {
            throw new IllegalStateException((doubles ? "cblas_dgemm" : "cblas_sgemm") + " failed", t);
        }
    }

    @Override
    public String toString() {
        return path + " (" + describe() + ")";
    }
}
