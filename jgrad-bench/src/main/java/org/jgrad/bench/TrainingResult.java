package org.jgrad.bench;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.io.Json;

/**
 * What one training subprocess of the end-to-end benchmark reported, jgrad's or PyTorch's.
 *
 * @param backend the jgrad backend that trained, or null for PyTorch
 * @param epochs every epoch in order
 * @param peakRssMib the process's peak resident memory in MiB (NaN when not reported)
 * @param process how long the process ran and how busy the rest of the machine was meanwhile
 */
record TrainingResult(String backend, List<Epoch> epochs, double peakRssMib, MeasuredProcess process) {

    /**
     * One epoch; the JVM's figures are NaN for PyTorch.
     *
     * @param seconds the training part's wall time (the batches, not the test)
     * @param testAccuracy on the test set after the epoch
     * @param gcSeconds collection pauses during the training part
     * @param gcCount collections during the training part
     * @param allocatedBytesPerStep heap bytes allocated per training step, by all threads
     */
    record Epoch(double seconds, double testAccuracy, double gcSeconds, double gcCount, double allocatedBytesPerStep) {
    }

    /**
     * Reads the JSON lines a training printed: an object with {@code backend} names jgrad's
     * backend, one with {@code epoch} is an epoch (its
     * {@code seconds} and {@code test_accuracy} required, the JVM's figures optional), one with
     * {@code peak_rss_mib} the peak; other lines are ignored.
     */
    static TrainingResult parse(MeasuredProcess process) {
        List<Epoch> epochs = new ArrayList<>();
        double peak = Double.NaN;
        String backend = null;
        for (String line : process.lines()) {
            if (!line.startsWith("{")) {
                continue;
            }
            Json.Obj json = Json.parse(line).asObject();
            if (json.members().containsKey("backend")) {
                backend = json.get("backend").asString();
            } else if (json.members().containsKey("epoch")) {
                epochs.add(new Epoch(json.get("seconds").asDouble(), json.get("test_accuracy").asDouble(),
                        optional(json, "gc_seconds"), optional(json, "gc_count"),
                        optional(json, "allocated_bytes_per_step")));
            } else if (json.members().containsKey("peak_rss_mib")) {
                peak = optional(json, "peak_rss_mib");
            }
        }
        if (epochs.isEmpty()) {
            throw new IllegalStateException("end to end: the training printed no epoch; its output was "
                    + process.lines());
        }
        return new TrainingResult(backend, List.copyOf(epochs), peak, process);
    }

    /** The member {@code key} as a number; NaN when absent or negative (the trainings' "unmeasured"). */
    private static double optional(Json.Obj json, String key) {
        Json value = json.members().get(key);
        return value == null || value.asDouble() < 0 ? Double.NaN : value.asDouble();
    }

    /** The epochs after the first, which carries the warm-up (the JIT, the heap's growth, first touches). */
    List<Epoch> steady() {
        return epochs.size() > 1 ? epochs.subList(1, epochs.size()) : epochs;
    }

    /** The test accuracy after the last epoch. */
    double finalAccuracy() {
        return epochs.getLast().testAccuracy();
    }
}
