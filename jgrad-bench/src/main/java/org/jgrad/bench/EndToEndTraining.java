package org.jgrad.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgrad.Rng;
import org.jgrad.backend.Backends;
import org.jgrad.backend.WorkerPool;
import org.jgrad.data.ImageDataSets;
import org.jgrad.data.TrainTest;
import org.jgrad.io.Json;
import org.jgrad.nn.Flatten;
import org.jgrad.nn.Linear;
import org.jgrad.nn.Module;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.Adam;
import org.jgrad.train.EpochRecord;
import org.jgrad.train.Trainer;
import org.jgrad.train.metrics.Metrics;

/**
 * One jgrad training of the end-to-end benchmark in this JVM, which {@link EndToEnd} starts
 * fresh for every configuration so that each has its own peak memory: the Fashion-MNIST MLP
 * (784-256-128-10, ReLU), Adam with learning rate 1e-3, cross-entropy, batches of 128, shuffled,
 * seed 0 — the model of {@code fashion_mnist_torch.py}. The thread count is the JVM's
 * {@code -Djgrad.threads}.
 *
 * <p>Prints JSON lines on standard output, in the reference script's format plus the JVM's
 * figures: first {@code {"backend", "threads"}}; then per epoch {@code {"epoch" (from 1),
 * "seconds" (the training part: the batches, validation excluded), "test_accuracy",
 * "seconds_with_validation", "gc_seconds", "gc_count", "allocated_bytes_per_step"}} (the last
 * three over the training part; allocation -1 when unmeasured); last {@code {"peak_rss_mib"}},
 * the process's peak resident memory ({@code VmHWM}).
 *
 * <p>Usage: {@code EndToEndTraining DIR EPOCHS}.
 */
public final class EndToEndTraining {

    private static final long SEED = 0;
    private static final int BATCH_SIZE = 128;

    private EndToEndTraining() {
    }

    /** Trains as described above; arguments: the Fashion-MNIST folder and the number of epochs. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("EndToEndTraining: usage: EndToEndTraining DIR EPOCHS");
        }
        TrainTest data = ImageDataSets.fashionMnist(Path.of(args[0]));
        int trainingSize = data.train().size();
        print(Json.object().with("backend", Json.of(Backends.current().name()))
                .with("threads", Json.of(WorkerPool.shared().threads())));
        Module model = model().initialize(new Rng(SEED));
        var probe = new EpochCostProbe((record, cost) -> print(epochLine(record, cost, trainingSize)));
        Trainer.of(model, new CrossEntropyLoss(), new Adam(model.parameters(), 1e-3))
                .epochs(Integer.parseInt(args[1])).batchSize(BATCH_SIZE).seed(SEED)
                .validation(data.test()).metrics(Metrics.accuracy())
                .callbacks(probe)
                .fit(data.train());
        print(Json.object().with("peak_rss_mib", Json.of(peakRssMib())));
    }

    /** {@code Flatten, Linear(784, 256), ReLU, Linear(256, 128), ReLU, Linear(128, 10)}. */
    static Module model() {
        return new Sequential(new Flatten(), new Linear(784, 256), new ReLU(), new Linear(256, 128), new ReLU(),
                new Linear(128, 10));
    }

    private static Json epochLine(EpochRecord record, JvmCounters cost, int trainingSize) {
        int steps = (trainingSize + BATCH_SIZE - 1) / BATCH_SIZE;
        return Json.object()
                .with("epoch", Json.of(record.epoch() + 1))
                .with("seconds", Json.of(trainingSize / record.samplesPerSecond()))
                .with("test_accuracy", Json.of(record.validationMetrics().get("accuracy")))
                .with("seconds_with_validation", Json.of(record.seconds()))
                .with("gc_seconds", Json.of(cost.gcMillis() / 1e3))
                .with("gc_count", Json.of(cost.gcCount()))
                .with("allocated_bytes_per_step", Json.of(cost.allocatedBytes() < 0 ? -1.0
                        : (double) cost.allocatedBytes() / steps));
    }

    /** The peak resident set size of this process in MiB, from {@code VmHWM} in {@code /proc/self/status}; -1 without it. */
    private static double peakRssMib() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try (var lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith("VmHWM:"))
                    .mapToDouble(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0)
                    .findFirst().orElse(-1);
        }
    }

    private static void print(Json line) {
        System.out.println(line.toJson());
        System.out.flush();
    }
}
