package org.jgrad.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Parameter;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.init.Init;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.Adam;

/**
 * The pieces of the MLP's training step, timed one by one in the CPU time of the calling thread:
 * the element-wise ops, reductions and loss around the products, the Adam update alone, and the
 * products themselves. Not JMH: on a two-core machine that other builds keep busy, wall-clock
 * time swings with their load, while the CPU time a thread gets is nearly the same (cache and
 * core sharing still show). Run it single-threaded ({@code -Djgrad.threads=1}); it uses only API
 * that older jgrad versions have, so the same class times two jgrad-core jars for a before/after.
 *
 * <p>Each workload runs {@code warmup} seconds, then {@code batches} batches of about 100 ms;
 * it prints the median CPU µs per operation over the batches, with the smallest and largest, and
 * the median wall-clock µs. Arguments: {@code warmup batches [regex]} (defaults 1.5, 7; the
 * regex picks workloads by name).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Djgrad.threads=1 -cp 'jgrad-bench/target/jgrad-bench-0.1.0-SNAPSHOT.jar:jgrad-bench/target/lib/*' \
 *     org.jgrad.bench.KernelTimes 1.5 7
 * </pre>
 */
public final class KernelTimes {

    private static double sink;

    private KernelTimes() {
    }

    /** Runs the workloads; see the class comment for the arguments. */
    public static void main(String[] args) {
        double warmup = args.length > 0 ? Double.parseDouble(args[0]) : 1.5;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String only = args.length > 2 ? args[2] : ".*";
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (var workload : workloads(new Rng(0)).entrySet()) {
            if (!workload.getKey().matches(only)) {
                continue;
            }
            Runnable op = workload.getValue();
            long end = System.nanoTime() + (long) (warmup * 1e9);
            while (System.nanoTime() < end) {
                op.run();
            }
            int perBatch = 0;
            for (long start = System.nanoTime(); System.nanoTime() - start < 100_000_000L; perBatch++) {
                op.run();
            }
            double[] cpu = new double[batches];
            double[] wall = new double[batches];
            for (int b = 0; b < batches; b++) {
                long cpu0 = bean.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                for (int i = 0; i < perBatch; i++) {
                    op.run();
                }
                cpu[b] = (bean.getCurrentThreadCpuTime() - cpu0) / 1e3 / perBatch;
                wall[b] = (System.nanoTime() - wall0) / 1e3 / perBatch;
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            System.out.printf(Locale.ROOT, "%-32s cpu µs %9.1f  [%.1f–%.1f]  wall µs %9.1f%n", workload.getKey(),
                    cpu[batches / 2], cpu[0], cpu[batches - 1], wall[batches / 2]);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    /** The workloads by name, built from one seed. */
    private static Map<String, Runnable> workloads(Rng rng) {
        Map<String, Runnable> w = new LinkedHashMap<>();
        Tensor x = Tensor.randn(rng.split(), 128, 784);
        long[] labels = new long[128];
        Rng labelRng = rng.split();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labelRng.nextInt(10);
        }
        Tensor target = Tensor.of(labels, 128);
        Sequential model = new Sequential(new Linear(784, 256, Init.heNormal()), new ReLU(),
                new Linear(256, 128, Init.heNormal()), new ReLU(), new Linear(128, 10));
        model.initialize(rng.split());
        CrossEntropyLoss loss = new CrossEntropyLoss();
        Adam adam = new Adam(model.parameters(), 1e-3);
        Runnable step = () -> {
            adam.zeroGrad();
            Tensor l = loss.forward(model.forward(x), target);
            l.backward();
            sink += l.item();
        };
        w.put("step (layers, CE)", step);
        w.put("step + Adam", () -> {
            step.run();
            adam.step();
        });
        Tensor a = Tensor.randn(rng.split(), 128, 256);
        Tensor g = Tensor.randn(rng.split(), 128, 256);
        Tensor bias = Tensor.randn(rng.split(), 256);
        Tensor logits = Tensor.randn(rng.split(), 128, 10).requiresGrad();
        w.put("ReLU backward [128x256]", () -> sink += g.mul(a.gt(0.0)).numel());
        w.put("bias add [128x256]", () -> sink += a.add(bias).numel());
        w.put("column sum [128x256]", () -> sink += a.sum(0).numel());
        w.put("row sum [128x256]", () -> sink += a.sum(1).numel());
        w.put("CE fwd+bwd [128x10]", () -> {
            logits.zeroGrad();
            Tensor l = loss.forward(logits, target);
            l.backward();
            sink += l.item();
        });
        List<Parameter> params = model.parameters();
        Adam update = new Adam(params.stream().map(p -> new Parameter(p.value().clone())).toList(), 1e-3);
        for (Parameter p : update.parameters()) {
            p.value().setGrad(Tensor.randn(rng.split(), p.shape()));
        }
        w.put("Adam update [235k]", update::step);
        Tensor h = Tensor.randn(rng.split(), 128, 128);
        Tensor w3 = Tensor.randn(rng.split(), 128, 10);
        Tensor dy3 = Tensor.randn(rng.split(), 128, 10);
        w.put("X·W 128x128x10", () -> sink += h.matmul(w3).numel());
        w.put("Xᵀ·dY 128x128x10", () -> sink += h.t().matmul(dy3).numel());
        Tensor w1 = Tensor.randn(rng.split(), 784, 256);
        Tensor dy1 = Tensor.randn(rng.split(), 128, 256);
        w.put("X·W 128x784x256", () -> sink += x.matmul(w1).numel());
        w.put("Xᵀ·dY 784x128x256", () -> sink += x.t().matmul(dy1).numel());
        w.put("dY·Wᵀ 128x256x784", () -> sink += dy1.matmul(w1.t()).numel());
        return w;
    }
}
