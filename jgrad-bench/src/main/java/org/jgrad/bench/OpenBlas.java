package org.jgrad.bench;

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
 * OpenBLAS's {@code cblas_sgemm}, bound with the FFM API when the library is installed (on
 * Debian: {@code apt-get install libopenblas0-pthread}), as the reference the GEMM benchmarks are
 * compared with. Nothing here is required: {@link #available()} says whether it was found, and
 * the benchmarks that need it are skipped otherwise.
 *
 * <p>The product is a critical downcall ({@code Linker.Option.critical(true)}): heap {@code
 * float[]} segments go to C without a copy, and the call costs about 10 ns, so the comparison is
 * kernel to kernel. The JVM needs {@code --enable-native-access=ALL-UNNAMED}, or it warns; the
 * restricted FFM methods are this class's purpose, hence the suppressed lint.
 */
@SuppressWarnings("restricted")
final class OpenBlas {

    /** The system property that names the library file; only that file is then tried (a missing one disables OpenBLAS). */
    static final String PROPERTY = "jgrad.bench.openblas";

    /** {@code CBLAS_ORDER.CblasRowMajor}. */
    static final int ROW_MAJOR = 101;
    /** {@code CBLAS_TRANSPOSE.CblasNoTrans}. */
    static final int NO_TRANS = 111;
    /** {@code CBLAS_TRANSPOSE.CblasTrans}. */
    static final int TRANS = 112;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Optional<Path> PATH = find();
    private static final SymbolLookup LIBRARY =
            PATH.map(p -> SymbolLookup.libraryLookup(p, Arena.global())).orElse(null);

    /**
     * {@code void cblas_sgemm(order, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc)};
     * static final so that the JIT binds the call site to it.
     */
    private static final MethodHandle SGEMM = LIBRARY == null ? null : LINKER.downcallHandle(
            LIBRARY.find("cblas_sgemm").orElseThrow(),
            FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_FLOAT,
                    ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
            Linker.Option.critical(true));

    private OpenBlas() {
    }

    /** Whether the library was found. */
    static boolean available() {
        return SGEMM != null;
    }

    /** The library file, if found. */
    static Optional<Path> path() {
        return PATH;
    }

    /** Where the library was looked for, for the message that says it was not found. */
    static List<Path> candidates() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null) {
            return List.of(Path.of(forced));
        }
        List<Path> paths = new ArrayList<>();
        for (String dir : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")) {
            paths.add(Path.of(dir, "libopenblas.so.0"));
            paths.add(Path.of(dir, "openblas-pthread", "libopenblas.so.0"));
        }
        return paths;
    }

    private static Optional<Path> find() {
        return candidates().stream().filter(Files::isRegularFile).findFirst();
    }

    /**
     * {@code C = op(A)·op(B)} in row-major order; heap segments ({@code MemorySegment.ofArray})
     * are passed as they are.
     */
    static void sgemm(int transA, int transB, int m, int n, int k, MemorySegment a, int lda,
            MemorySegment b, int ldb, MemorySegment c, int ldc) {
        try {
            SGEMM.invokeExact(ROW_MAJOR, transA, transB, m, n, k, 1f, a, lda, b, ldb, 0f, c, ldc);
        } catch (Throwable t) {
            throw new IllegalStateException("cblas_sgemm failed", t);
        }
    }

    /** Sets the number of threads OpenBLAS uses from now on. */
    static void setThreads(int threads) {
        call("openblas_set_num_threads", FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT), threads);
    }

    /**
     * The library's description: {@code openblas_get_config()} and the kernel set it chose for
     * this CPU ({@code openblas_get_corename()}), e.g. {@code Haswell}; empty when not found.
     */
    static String describe() {
        if (!available()) {
            return "";
        }
        FunctionDescriptor string = FunctionDescriptor.of(ValueLayout.ADDRESS);
        String config = ((MemorySegment) call("openblas_get_config", string)).reinterpret(512).getString(0);
        String core = ((MemorySegment) call("openblas_get_corename", string)).reinterpret(128).getString(0);
        return config + ", kernels for " + core;
    }

    private static Object call(String name, FunctionDescriptor descriptor, Object... args) {
        if (!available()) {
            throw new IllegalStateException("OpenBLAS not found; looked for " + candidates());
        }
        MethodHandle handle = LINKER.downcallHandle(LIBRARY.find(name).orElseThrow(), descriptor);
        try {
            return handle.invokeWithArguments(args);
        } catch (Throwable t) {
            throw new IllegalStateException(name + " failed", t);
        }
    }
}
