package org.jgrad.backend;

import org.jgrad.backend.blas.BlasBackend;
import org.jgrad.backend.blas.BlasLibrary;

/**
 * Chooses the backend once, at first use, and logs one line saying which. The SIMD backend is
 * used when the {@code jdk.incubator.vector} module is present (run with {@code --add-modules
 * jdk.incubator.vector}, as the launcher and the tests do) and the CPU has vectors of 256 bits or
 * more, else the reference backend. It is
 * loaded by class name, Apache Lucene's pattern, so that jgrad links without the module. The
 * system property {@code jgrad.backend} ({@code reference}, {@code simd} or {@code blas}) forces
 * one; {@code blas}, matrix products on a native BLAS library ({@link BlasBackend}), is never
 * chosen by default.
 */
public final class Backends {

    /** The system property that forces a backend by name. */
    public static final String PROPERTY = "jgrad.backend";

    private static final String SIMD_CLASS = "org.jgrad.backend.simd.SimdBackend";

    private static final Backend CURRENT = select(System.getProperty(PROPERTY));

    private Backends() {
    }

    /** The backend every tensor operation runs on. */
    public static Backend current() {
        return CURRENT;
    }

    /** Whether the Vector API module is in the boot layer. */
    public static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static Backend select(String forced) {
        String name = forced != null ? forced : vectorApiPresent() && simdFitsCpu() ? "simd" : "reference";
        Backend backend = switch (name) {
            case "reference" -> new ReferenceBackend();
            case "simd" -> loadSimd();
            case "blas" -> loadBlas();
            default -> throw new IllegalArgumentException(
                    PROPERTY + ": unknown backend '" + name + "'; available: reference, simd, blas");
        };
        System.getLogger("org.jgrad").log(System.Logger.Level.DEBUG, "jgrad backend: " + backend.name());
        return backend;
    }

    /** Whether the CPU runs the SIMD backend's vectors in hardware (asked by name, as the backend is loaded). */
    private static boolean simdFitsCpu() {
        try {
            return (boolean) Class.forName(SIMD_CLASS).getMethod("fitsThisCpu").invoke(null);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** A new instance of the SIMD backend, or an error saying how to make it available. */
    public static Backend loadSimd() {
        if (!vectorApiPresent()) {
            throw new IllegalStateException(PROPERTY + "=simd needs the jdk.incubator.vector module;"
                    + " run java with --add-modules jdk.incubator.vector");
        }
        try {
            return (Backend) Class.forName(SIMD_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + SIMD_CLASS, e);
        }
    }

    /**
     * A new BLAS backend on the library {@link BlasLibrary#find()} found, with the SIMD backend
     * (or the reference one, without the Vector API) for everything but products; or an error
     * saying where a library was looked for.
     */
    public static Backend loadBlas() {
        BlasLibrary library = BlasLibrary.find().orElseThrow(() -> new IllegalStateException(PROPERTY
                + "=blas: no BLAS library found (looked for " + BlasLibrary.candidates()
                + "); install OpenBLAS (Debian: libopenblas0-pthread) or name the file with -D"
                + BlasLibrary.PROPERTY + "=FILE"));
        return new BlasBackend(library, vectorApiPresent() ? loadSimd() : new ReferenceBackend());
    }
}
