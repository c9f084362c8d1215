package org.jgrad.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Parameter;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.init.Init;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.Adam;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One training step of a 784-256-128-10 MLP (the Fashion-MNIST shape), float32, on a batch of
 * {@code batch} random inputs with random labels. {@link #step} and {@link #forward} write it
 * with plain tensor ops:
 *
 * <pre>
 * h1     = relu(x·W1 + b1)
 * h2     = relu(h1·W2 + b2)
 * logits = h2·W3 + b3
 * loss   = −mean(logSoftmax(logits)[i, label_i])
 * </pre>
 *
 * <p>{@link #step} zeroes the six gradients, runs forward and backward (no optimizer update, so
 * every invocation does the same work); {@link #forward} runs the forward pass alone under the
 * same graph recording. Weights are He-initialized from a seeded {@link Rng}, so every run times
 * the same numbers. About 30.0 M multiply-adds forward and 34.4 M backward: the {@code x·W1}
 * product and its weight gradient {@code xᵀ·g} are 25.7 M each, and {@code x} needs no gradient.
 *
 * <p>{@link #stepModel} is the same step as a user writes it, with layers: {@code Sequential(
 * Linear(784, 256), ReLU, Linear(256, 128), ReLU, Linear(128, 10))} (He-initialized), {@code
 * CrossEntropyLoss}, {@code zeroGrad} and {@code backward}; {@link #stepAdam} adds {@code
 * Adam.step()} (learning rate 1e-3), a whole training step. Both use only API that older jgrad
 * versions have, so the same benchmark jar can time an older jgrad-core for a before/after.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class MlpStepBenchmark {

    /** Rows in a batch. */
    @Param("128")
    public int batch;

    private Tensor w1;
    private Tensor b1;
    private Tensor w2;
    private Tensor b2;
    private Tensor w3;
    private Tensor b3;
    private List<Tensor> parameters;
    private Tensor x;
    private Tensor labels;

    @Setup(Level.Trial)
    public void setUp() {
        Rng rng = new Rng(0);
        w1 = he(rng.split(), 784, 256);
        b1 = Tensor.zeros(256).requiresGrad();
        w2 = he(rng.split(), 256, 128);
        b2 = Tensor.zeros(128).requiresGrad();
        w3 = he(rng.split(), 128, 10);
        b3 = Tensor.zeros(10).requiresGrad();
        parameters = List.of(w1, b1, w2, b2, w3, b3);
        x = Tensor.randn(rng.split(), batch, 784);
        Rng labelRng = rng.split();
        long[] y = new long[batch];
        for (int i = 0; i < batch; i++) {
            y[i] = labelRng.nextInt(10);
        }
        labels = Tensor.of(y, batch, 1);
    }

    /** He initialization, {@code N(0, 2 / fanIn)}, as a leaf that requires grad. */
    private static Tensor he(Rng rng, int fanIn, int fanOut) {
        return Tensor.randn(rng, fanIn, fanOut).mul(Math.sqrt(2.0 / fanIn)).requiresGrad();
    }

    private Tensor loss() {
        Tensor h1 = x.matmul(w1).add(b1).relu();
        Tensor h2 = h1.matmul(w2).add(b2).relu();
        Tensor logits = h2.matmul(w3).add(b3);
        return logits.logSoftmax(1).gather(1, labels).neg().mean();
    }

    /** zeroGrad, forward, backward; returns the loss and sinks the gradients. */
    @Benchmark
    public double step(Blackhole sink) {
        for (Tensor p : parameters) {
            p.zeroGrad();
        }
        Tensor loss = loss();
        loss.backward();
        for (Tensor p : parameters) {
            sink.consume(p.grad());
        }
        return loss.item();
    }

    /** The forward pass alone, recording the graph as {@link #step} does. */
    @Benchmark
    public double forward() {
        return loss().item();
    }

    /** The network as layers, a loss and an Adam optimizer, on the same kind of batch. */
    @State(Scope.Thread)
    public static class Model {
        Sequential model;
        CrossEntropyLoss loss;
        Adam adam;
        Tensor x;
        Tensor target;

        @Setup(Level.Trial)
        public void setUp(MlpStepBenchmark b) {
            Rng rng = new Rng(1);
            model = new Sequential(new Linear(784, 256, Init.heNormal()), new ReLU(),
                    new Linear(256, 128, Init.heNormal()), new ReLU(), new Linear(128, 10));
            model.initialize(rng.split());
            loss = new CrossEntropyLoss();
            adam = new Adam(model.parameters(), 1e-3);
            x = Tensor.randn(rng.split(), b.batch, 784);
            target = b.labels.reshape(b.batch);
        }

        double step(Blackhole sink) {
            adam.zeroGrad();
            Tensor l = loss.forward(model.forward(x), target);
            l.backward();
            for (Parameter p : model.parameters()) {
                sink.consume(p.value().grad());
            }
            return l.item();
        }
    }

    /** zeroGrad, forward through the layers, cross-entropy, backward. */
    @Benchmark
    public double stepModel(Model m, Blackhole sink) {
        return m.step(sink);
    }

    /** {@link #stepModel} and then {@code Adam.step()}: a whole training step. */
    @Benchmark
    public double stepAdam(Model m, Blackhole sink) {
        double l = m.step(sink);
        m.adam.step();
        return l;
    }
}
