package org.jgrad.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's achievable float32 peak: fused multiply-adds on vectors that never leave the
 * registers, {@link #STEPS} rounds of twelve independent accumulators per invocation. Run it
 * with JMH's {@code -t N} for N threads; the score is invocations per second over all threads,
 * each {@link #FLOPS} floating-point operations.
 *
 * <p>Why twelve accumulators: an FMA's result is ready after about four cycles and a core
 * starts two per cycle, so at least eight must be in flight to keep both units busy; twelve
 * leave slack and still fit the sixteen AVX2 registers beside the two operands. {@link #fma256}
 * uses the 256-bit vectors of jgrad's GEMM (and of OpenBLAS's Haswell kernels), the peak the
 * report divides by; {@link #fma512} is for reference on machines with AVX-512.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class PeakFlopsBenchmark {

    /** FMA rounds per invocation. */
    static final int STEPS = 4096;
    /** Independent accumulators. */
    static final int ACCUMULATORS = 12;
    /** Floating-point operations of one {@link #fma256} invocation: two per lane per FMA. */
    static final double FLOPS = 2.0 * 8 * ACCUMULATORS * STEPS;

    private static final VectorSpecies<Float> S256 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> S512 = FloatVector.SPECIES_512;

    /** {@code acc·scale + shift} converges to 1, so values stay normal however long it runs. */
    public float scale = 0.999f;
    public float shift = 0.001f;
    public float start = 0.5f;

    /** 256-bit FMA throughput; {@link #FLOPS} per invocation. */
    @Benchmark
    public float fma256() {
        FloatVector s = FloatVector.broadcast(S256, scale);
        FloatVector t = FloatVector.broadcast(S256, shift);
        FloatVector c0 = FloatVector.broadcast(S256, start);
        FloatVector c1 = c0.add(t);
        FloatVector c2 = c1.add(t);
        FloatVector c3 = c2.add(t);
        FloatVector c4 = c3.add(t);
        FloatVector c5 = c4.add(t);
        FloatVector c6 = c5.add(t);
        FloatVector c7 = c6.add(t);
        FloatVector c8 = c7.add(t);
        FloatVector c9 = c8.add(t);
        FloatVector c10 = c9.add(t);
        FloatVector c11 = c10.add(t);
        for (int i = 0; i < STEPS; i++) {
            c0 = c0.fma(s, t);
            c1 = c1.fma(s, t);
            c2 = c2.fma(s, t);
            c3 = c3.fma(s, t);
            c4 = c4.fma(s, t);
            c5 = c5.fma(s, t);
            c6 = c6.fma(s, t);
            c7 = c7.fma(s, t);
            c8 = c8.fma(s, t);
            c9 = c9.fma(s, t);
            c10 = c10.fma(s, t);
            c11 = c11.fma(s, t);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }

    /**
     * 512-bit FMA throughput; twice {@link #FLOPS} per invocation. Meaningless without AVX-512.
     * A copy of {@link #fma256} on purpose: a shared method taking the species, even forced
     * inline, measured 2 GFLOP/s instead of 120, because the vectors were boxed.
     */
    @Benchmark
    public float fma512() {
        FloatVector s = FloatVector.broadcast(S512, scale);
        FloatVector t = FloatVector.broadcast(S512, shift);
        FloatVector c0 = FloatVector.broadcast(S512, start);
        FloatVector c1 = c0.add(t);
        FloatVector c2 = c1.add(t);
        FloatVector c3 = c2.add(t);
        FloatVector c4 = c3.add(t);
        FloatVector c5 = c4.add(t);
        FloatVector c6 = c5.add(t);
        FloatVector c7 = c6.add(t);
        FloatVector c8 = c7.add(t);
        FloatVector c9 = c8.add(t);
        FloatVector c10 = c9.add(t);
        FloatVector c11 = c10.add(t);
        for (int i = 0; i < STEPS; i++) {
            c0 = c0.fma(s, t);
            c1 = c1.fma(s, t);
            c2 = c2.fma(s, t);
            c3 = c3.fma(s, t);
            c4 = c4.fma(s, t);
            c5 = c5.fma(s, t);
            c6 = c6.fma(s, t);
            c7 = c7.fma(s, t);
            c8 = c8.fma(s, t);
            c9 = c9.fma(s, t);
            c10 = c10.fma(s, t);
            c11 = c11.fma(s, t);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }
}
