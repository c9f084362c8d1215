package org.jgrad.bench;

import java.util.concurrent.TimeUnit;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Backends;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;
import org.jgrad.backend.WorkerPool;
import org.jgrad.backend.blas.BlasLibrary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three float32 matrix products of one dense layer of the 784-256-128-10 MLP, on a batch of
 * {@code batch} rows, laid out as training lays them out ({@code X} is {@code [B, in]}, {@code W}
 * is {@code [in, out]}, {@code dY} is {@code [B, out]}, all row-major):
 *
 * <pre>
 * forward      Y  = X · W      [B, in] · [in, out]     m = B,  n = out, k = in
 * weightGrad   dW = Xᵀ · dY    [in, B] · [B, out]      m = in, n = out, k = B    (Xᵀ a view)
 * inputGrad    dX = dY · Wᵀ    [B, out] · [out, in]    m = B,  n = in,  k = out  (Wᵀ a view)
 * </pre>
 *
 * <p>Each is {@code 2·B·in·out} floating-point operations. {@link #kernel} calls {@code
 * Backends.current().matmul} on preallocated operands, the kernel alone; {@link #openblas} runs
 * the same product on jgrad's BLAS backend ({@code -Djgrad.backend=blas}: OpenBLAS's {@code
 * cblas_sgemm} through a critical FFM downcall on the same heap arrays, transposes passed as
 * {@code CblasTrans}, no copies), so that the two are compared kernel to kernel; {@link #tensor}
 * goes through the public API ({@code x.t().matmul(dy)} …), allocating the result as training
 * does. {@code threads} sets jgrad's {@link WorkerPool}, whose count the BLAS backend passes on
 * to OpenBLAS.
 *
 * <p>{@link GemmReport} runs these, interleaved and repeated, and prints GFLOP/s, the fraction
 * of measured peak and the ratio to OpenBLAS. The warm-up is long (1.6 s) because on the smallest
 * products the JIT passes through a phase several times slower that can last until about 1.5 s
 * into the fork. When OpenBLAS is not installed, {@link #openblas}
 * fails in its set-up with a message saying so, and the report leaves it out.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class GemmBenchmark {

    /** The dense layer, {@code in x out}. */
    @Param({"784x256", "256x128", "128x10"})
    public String layer;

    /** Which of the layer's three products. */
    @Param({"forward", "weightGrad", "inputGrad"})
    public String product;

    /** Rows in a batch. */
    @Param({"32", "128", "512"})
    public int batch;

    /** Threads for jgrad's worker pool and for OpenBLAS, the calling thread included. */
    @Param({"1", "2"})
    public int threads;

    private Backend backend;
    private Operand a;
    private Operand b;
    private Operand c;
    private Strided stridedA;
    private Strided stridedB;
    private Strided stridedC;
    private int m;
    private int n;
    private int k;
    private Tensor left;
    private Tensor right;

    /** One operand: a packed row-major array read with {row, column} strides. */
    private record Operand(float[] data, int rowStride, int colStride) {

        Strided strided() {
            return new Strided(new Storage.Floats(data), 0, new int[] {rowStride, colStride});
        }
    }

    /** Floating-point operations of one product: {@code 2·B·in·out}, whichever of the three. */
    static double flops(String layer, int batch) {
        int[] io = inOut(layer);
        return 2.0 * batch * io[0] * io[1];
    }

    static int[] inOut(String layer) {
        String[] parts = layer.split("x");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    @Setup
    public void setUp() {
        WorkerPool.shared().setThreads(threads);
        backend = Backends.current();
        int[] io = inOut(layer);
        int in = io[0];
        int out = io[1];
        Rng rng = new Rng(0);
        float[] x = uniform(rng, batch * in);
        float[] w = uniform(rng, in * out);
        float[] dy = uniform(rng, batch * out);
        Tensor tx = Tensor.of(x, batch, in);
        Tensor tw = Tensor.of(w, in, out);
        Tensor tdy = Tensor.of(dy, batch, out);
        switch (product) {
            case "forward" -> {
                a = new Operand(x, in, 1);
                b = new Operand(w, out, 1);
                m = batch;
                n = out;
                k = in;
                left = tx;
                right = tw;
            }
            case "weightGrad" -> {
                a = new Operand(x, 1, in);
                b = new Operand(dy, out, 1);
                m = in;
                n = out;
                k = batch;
                left = tx.t();
                right = tdy;
            }
            case "inputGrad" -> {
                a = new Operand(dy, out, 1);
                b = new Operand(w, 1, out);
                m = batch;
                n = in;
                k = out;
                left = tdy;
                right = tw.t();
            }
            default -> throw new IllegalArgumentException("product: unknown '" + product
                    + "'; expected forward, weightGrad or inputGrad");
        }
        c = new Operand(new float[m * n], n, 1);
        stridedA = a.strided();
        stridedB = b.strided();
        stridedC = c.strided();
    }

    private static float[] uniform(Rng rng, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = 2 * rng.nextFloat() - 1;
        }
        return values;
    }

    /** The BLAS backend, on OpenBLAS; its products take the pool's thread count. */
    @State(Scope.Thread)
    public static class Blas {
        Backend backend;

        @Setup
        public void setUp() {
            if (BlasLibrary.find().isEmpty()) {
                throw new IllegalStateException("OpenBLAS not found (looked for " + BlasLibrary.candidates()
                        + "); install libopenblas0-pthread or set -D" + BlasLibrary.PROPERTY + "=FILE");
            }
            backend = Backends.loadBlas();
        }
    }

    /** The product through {@code Backends.current().matmul} into a preallocated result. */
    @Benchmark
    public float[] kernel() {
        backend.matmul(stridedA, stridedB, stridedC, m, n, k);
        return c.data();
    }

    /** The same product on the BLAS backend (OpenBLAS's {@code cblas_sgemm}), same operands, same layout. */
    @Benchmark
    public float[] openblas(Blas blas) {
        blas.backend.matmul(stridedA, stridedB, stridedC, m, n, k);
        return c.data();
    }

    /** The same product through {@code Tensor.matmul} on (transposed) views, allocating the result. */
    @Benchmark
    public Tensor tensor() {
        return left.matmul(right);
    }
}
