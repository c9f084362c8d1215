package org.jgrad.bench;

import java.util.concurrent.TimeUnit;
import org.jgrad.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The autograd engine's per-node cost on a deep graph: a chain of {@code length} scalar nodes
 * {@code x → x·1.0000001 → …}, then {@code backward()} from its end.
 *
 * <p>{@link #backward} times the backward pass alone: the chain is rebuilt before every
 * invocation ({@code Level.Invocation}, which is sound here because one invocation takes
 * milliseconds, far above the timer's resolution), since backward frees the graph it walks.
 * {@link #forward} times building the same chain, for comparison. Every node is a 0-d float32
 * tensor, so the numbers are the engine's and the tensor façade's bookkeeping (topological
 * sort, one {@code Mul} backward, broadcast reduction, gradient accumulation per node), not
 * arithmetic. Much of the time with {@code collectFirst=false} is garbage collection: the
 * young collections that backward's allocations trigger copy the just-built, still-live graph;
 * {@code collectFirst=true} shows the engine without that cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class ChainBackwardBenchmark {

    /** The number of {@code mul} nodes in the chain. */
    @Param("100000")
    public int length;

    /** A freshly built chain, rebuilt before each invocation of {@link #backward}. */
    @State(Scope.Thread)
    public static class Chain {

        /**
         * Whether to run {@code System.gc()} after building the chain (outside the timing). With
         * {@code false} the 100,000 live nodes are young when backward starts, so each young
         * collection during backward copies them, as in a training step; with {@code true} they
         * are already old, which leaves the engine's own work and the collection of its garbage.
         */
        @Param({"false", "true"})
        public boolean collectFirst;

        Tensor input;
        Tensor output;

        @Setup(Level.Invocation)
        public void build(ChainBackwardBenchmark benchmark) {
            input = Tensor.scalar(1.0).requiresGrad();
            output = chain(input, benchmark.length);
            if (collectFirst) {
                System.gc();
            }
        }
    }

    static Tensor chain(Tensor x, int length) {
        Tensor t = x;
        for (int i = 0; i < length; i++) {
            t = t.mul(1.0000001);
        }
        return t;
    }

    /** Backward through a prebuilt chain; returns d(output)/d(input) ≈ 1.0000001^length. */
    @Benchmark
    public double backward(Chain chain) {
        chain.output.backward();
        return chain.input.grad().item();
    }

    /** Building the chain (the forward pass that records the graph). */
    @Benchmark
    public Tensor forward() {
        return chain(Tensor.scalar(1.0).requiresGrad(), length);
    }
}
