package org.jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Parameter;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.Adam;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A few steps of gradient descent on an MLP give bitwise identical weights with 1 and 2
 * threads and on repeated runs (DESIGN.md, principle 4).
 */
class ThreadDeterminismTest {

    private final int threadsBefore = WorkerPool.shared().threads();

    @AfterEach
    void restoreThreads() {
        WorkerPool.shared().setThreads(threadsBefore);
    }

    @Test
    void trainingStepsAreBitwiseIdenticalWithOneAndTwoThreads() {
        float[] oneThread = train(1);
        float[] twoThreads = train(2);
        float[] again = train(2);
        assertArrayEquals(oneThread, twoThreads);
        assertArrayEquals(twoThreads, again);
    }

    /** The fused path: Sequential (Linear + ReLU nodes), cross-entropy (log-softmax node) and Adam in place. */
    @Test
    void modelTrainingWithAdamIsBitwiseIdenticalWithOneAndTwoThreads() {
        float[] oneThread = trainModel(1);
        float[] twoThreads = trainModel(2);
        assertArrayEquals(oneThread, twoThreads);
        assertArrayEquals(twoThreads, trainModel(2));
    }

    /** More threads than a product has column panels for: the last threads get no share, not a negative one. */
    @Test
    void modelTrainingIsBitwiseIdenticalWithSixteenThreads() {
        assertArrayEquals(trainModel(1), trainModel(16));
    }

    @Test
    void poolRunsEveryChunkOnceAndPassesFailuresToTheCaller() {
        WorkerPool.shared().setThreads(2);
        int[] hits = new int[64];
        WorkerPool.shared().run(hits.length, i -> hits[i]++);
        for (int h : hits) {
            assertEquals(1, h);
        }
        var failure = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> WorkerPool.shared().run(8, i -> {
                    if (i == 5) {
                        throw new IllegalStateException("chunk 5 failed");
                    }
                }));
        assertEquals("chunk 5 failed", failure.getMessage());
    }

    /** Five Adam steps of a 784-256-128-10 ReLU network built from layers; returns all weights. */
    private static float[] trainModel(int threads) {
        WorkerPool.shared().setThreads(threads);
        Rng rng = new Rng(8);
        Sequential model = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 128), new ReLU(),
                new Linear(128, 10));
        model.initialize(rng.split());
        Tensor x = Tensor.randn(rng.split(), 128, 784);
        long[] y = new long[128];
        Rng labels = rng.split();
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.nextInt(10);
        }
        Tensor target = Tensor.of(y, 128);
        Adam adam = new Adam(model.parameters(), 1e-3);
        for (int step = 0; step < 5; step++) {
            adam.zeroGrad();
            new CrossEntropyLoss().forward(model.forward(x), target).backward();
            adam.step();
        }
        return concat(model.parameters().stream().map(Parameter::value).toList());
    }

    /** Five plain gradient-descent steps of a 784-256-128-10 ReLU network; returns all weights. */
    private static float[] train(int threads) {
        WorkerPool.shared().setThreads(threads);
        Rng rng = new Rng(7);
        List<Tensor> params = List.of(
                Tensor.randn(rng.split(), 784, 256).mul(0.05).requiresGrad(), Tensor.zeros(256).requiresGrad(),
                Tensor.randn(rng.split(), 256, 128).mul(0.09).requiresGrad(), Tensor.zeros(128).requiresGrad(),
                Tensor.randn(rng.split(), 128, 10).mul(0.12).requiresGrad(), Tensor.zeros(10).requiresGrad());
        Tensor x = Tensor.randn(rng.split(), 128, 784);
        long[] y = new long[128];
        Rng labels = rng.split();
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.nextInt(10);
        }
        Tensor target = Tensor.of(y, 128, 1);
        for (int step = 0; step < 5; step++) {
            params.forEach(Tensor::zeroGrad);
            Tensor h = x;
            for (int layer = 0; layer < 3; layer++) {
                h = h.matmul(params.get(2 * layer)).add(params.get(2 * layer + 1));
                h = layer < 2 ? h.relu() : h;
            }
            h.logSoftmax(1).gather(1, target).neg().mean().backward();
            try (var scope = GradMode.noGrad()) {
                for (Tensor p : params) {
                    p.copyFrom(p.sub(p.grad().mul(0.1)));
                }
            }
        }
        return concat(params);
    }

    /** Every element of every tensor, one after the other. */
    private static float[] concat(List<Tensor> tensors) {
        List<Float> all = new ArrayList<>();
        for (Tensor t : tensors) {
            for (float v : t.toFloatArray()) {
                all.add(v);
            }
        }
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }
}
