package org.jgrad.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The end-to-end benchmark's tables: per thread count, jgrad's and PyTorch's epoch time (the
 * first epoch left out as warm-up), test accuracy, peak memory, jgrad's collection time and
 * allocation, the arithmetic rate against the machine's peak, and the ratios; then every run's
 * raw figures.
 */
final class EndToEndReport {

    /** The dense layers of the MLP, {@code {in, out}}. */
    private static final int[][] LAYERS = {{784, 256}, {256, 128}, {128, 10}};

    /**
     * Multiply-add FLOP of one training example, counting the products only (bias, ReLU, loss
     * and Adam are a few hundred thousand per batch, under 1 %): forward {@code 2·in·out} per
     * layer, backward the same again for the weight gradient, and once more for the input
     * gradient of every layer but the first, whose input needs none.
     */
    static final long FLOP_PER_EXAMPLE = flopPerExample();

    private static final int TRAINING_EXAMPLES = 60_000;

    private final int epochs;
    private final double peakPerThread;
    private final Map<Integer, List<TrainingResult>> jgrad = new TreeMap<>();
    private final Map<Integer, List<TrainingResult>> torch = new TreeMap<>();

    /** A report of trainings of {@code epochs} epochs, on a machine whose FP32 peak is {@code peakPerThread} GFLOP/s a core. */
    EndToEndReport(int epochs, double peakPerThread) {
        this.epochs = epochs;
        this.peakPerThread = peakPerThread;
    }

    private static long flopPerExample() {
        long flop = 0;
        for (int i = 0; i < LAYERS.length; i++) {
            long products = i == 0 ? 2 : 3;
            flop += products * 2L * LAYERS[i][0] * LAYERS[i][1];
        }
        return flop;
    }

    /** Adds a jgrad training on {@code threads} threads. */
    void addJgrad(int threads, TrainingResult result) {
        jgrad.computeIfAbsent(threads, t -> new ArrayList<>()).add(result);
    }

    /** Adds a PyTorch training on {@code threads} threads, paired with the jgrad training added before it. */
    void addTorch(int threads, TrainingResult result) {
        torch.computeIfAbsent(threads, t -> new ArrayList<>()).add(result);
    }

    /** The tables in Markdown. */
    String markdown() {
        var out = new StringBuilder();
        double gflopPerEpoch = (double) FLOP_PER_EXAMPLE * TRAINING_EXAMPLES / 1e9;
        out.append(String.format(Locale.ROOT, "One epoch = %d examples × %,d FLOP = %.2f GFLOP (products only).%n",
                TRAINING_EXAMPLES, FLOP_PER_EXAMPLE, gflopPerEpoch));
        out.append("Epoch seconds are the training part (the test pass excluded) of epochs 2–").append(epochs)
                .append(" of every run; the first epoch, with the JIT's warm-up, is shown apart.\n");
        for (int threads : jgrad.keySet()) {
            out.append('\n').append(table(threads, gflopPerEpoch));
        }
        out.append('\n').append(runs());
        return out.toString();
    }

    private String table(int threads, double gflopPerEpoch) {
        List<TrainingResult> j = jgrad.get(threads);
        List<TrainingResult> t = torch.getOrDefault(threads, List.of());
        boolean paired = !t.isEmpty();
        var rows = new StringBuilder();
        rows.append(String.format(Locale.ROOT, "%d thread%s:%n%n", threads, threads == 1 ? "" : "s"));
        rows.append("| figure | jgrad | PyTorch | jgrad / PyTorch |\n| --- | --- | --- | --- |\n");
        Spread jSteady = steadySeconds(j);
        Spread tSteady = steadySeconds(t);
        row(rows, "epoch seconds, median [min–max] of epochs 2–" + epochs, jSteady.format("%.2f"),
                tSteady.format("%.2f"), paired ? ratio(j, t, r -> Spread.of(seconds(r.steady())).median()) : "-");
        row(rows, "spread of those epochs, (max − min) / median", percent(jSteady.relative()),
                percent(tSteady.relative()), "");
        row(rows, "first epoch seconds, median [min–max]", firstEpoch(j).format("%.2f"), firstEpoch(t).format("%.2f"),
                "");
        row(rows, "test accuracy after " + epochs + " epochs, median [min–max]",
                perRun(j, TrainingResult::finalAccuracy).format("%.4f"),
                perRun(t, TrainingResult::finalAccuracy).format("%.4f"), "");
        row(rows, "peak RSS MiB, median [min–max]", perRun(j, TrainingResult::peakRssMib).format("%.0f"),
                perRun(t, TrainingResult::peakRssMib).format("%.0f"), paired ? ratio(j, t, TrainingResult::peakRssMib) : "-");
        row(rows, "GC pause seconds per epoch, median [min–max] of epochs 2–" + epochs,
                steady(j, TrainingResult.Epoch::gcSeconds).format("%.3f"), "-", "");
        row(rows, "collections per epoch, median [min–max]", steady(j, TrainingResult.Epoch::gcCount).format("%.0f"),
                "-", "");
        row(rows, "MiB allocated per training step (all threads), median",
                steady(j, e -> e.allocatedBytesPerStep() / (1 << 20)).format("%.2f"), "-", "");
        row(rows, "GFLOP/s at the median epoch", format(gflopPerEpoch / jSteady.median(), "%.1f"),
                format(gflopPerEpoch / tSteady.median(), "%.1f"), "");
        double peak = peakPerThread * threads;
        row(rows, String.format(Locale.ROOT, "fraction of the FP32 peak (%.0f GFLOP/s)", peak),
                percent(gflopPerEpoch / jSteady.median() / peak), percent(gflopPerEpoch / tSteady.median() / peak), "");
        row(rows, "other processes' CPU during the runs (cores), median [min–max]",
                perRun(j, r -> r.process().otherCores()).format("%.2f"),
                perRun(t, r -> r.process().otherCores()).format("%.2f"), "");
        return rows.toString();
    }

    /** Every run's figures, in the order they ran. */
    private String runs() {
        var out = new StringBuilder("Every run (per-epoch figures in order, the first epoch the warm-up):\n\n"
                + "| threads | run | implementation | epoch seconds | MiB allocated per step | GC seconds per epoch"
                + " | test accuracy | peak RSS MiB | process seconds | others' cores |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (int threads : jgrad.keySet()) {
            List<TrainingResult> j = jgrad.get(threads);
            List<TrainingResult> t = torch.getOrDefault(threads, List.of());
            for (int run = 0; run < j.size(); run++) {
                out.append(runRow(threads, run + 1, "jgrad", j.get(run)));
                if (run < t.size()) {
                    out.append(runRow(threads, run + 1, "PyTorch", t.get(run)));
                }
            }
        }
        return out.toString();
    }

    private static String runRow(int threads, int run, String implementation, TrainingResult r) {
        return String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | %.4f | %s | %.1f | %s |%n", threads, run,
                implementation, epochs(r, TrainingResult.Epoch::seconds, "%.2f"),
                epochs(r, e -> e.allocatedBytesPerStep() / (1 << 20), "%.1f"),
                epochs(r, TrainingResult.Epoch::gcSeconds, "%.3f"), r.finalAccuracy(), format(r.peakRssMib(), "%.0f"),
                r.process().wallSeconds(), format(r.process().otherCores(), "%.2f"));
    }

    /** One figure of every epoch, in order, or {@code -} when unmeasured. */
    private static String epochs(TrainingResult r, ToDoubleFunction<TrainingResult.Epoch> figure, String format) {
        if (Double.isNaN(figure.applyAsDouble(r.epochs().getFirst()))) {
            return "-";
        }
        return String.join(", ", r.epochs().stream().map(e -> format(figure.applyAsDouble(e), format)).toList());
    }

    private static void row(StringBuilder rows, String figure, String jgrad, String torch, String ratio) {
        rows.append("| ").append(figure).append(" | ").append(jgrad).append(" | ").append(torch).append(" | ")
                .append(ratio).append(" |\n");
    }

    private static Spread steadySeconds(List<TrainingResult> results) {
        return steady(results, TrainingResult.Epoch::seconds);
    }

    private static Spread steady(List<TrainingResult> results, ToDoubleFunction<TrainingResult.Epoch> figure) {
        return Spread.of(results.stream().flatMap(r -> r.steady().stream()).map(figure::applyAsDouble).toList());
    }

    private static Spread firstEpoch(List<TrainingResult> results) {
        return perRun(results, r -> r.epochs().getFirst().seconds());
    }

    private static Spread perRun(List<TrainingResult> results, ToDoubleFunction<TrainingResult> figure) {
        return Spread.of(results.stream().map(figure::applyAsDouble).toList());
    }

    private static List<Double> seconds(List<TrainingResult.Epoch> epochs) {
        return epochs.stream().map(TrainingResult.Epoch::seconds).toList();
    }

    /** The median [min–max] over runs of jgrad's figure divided by PyTorch's in the same run. */
    private static String ratio(List<TrainingResult> jgrad, List<TrainingResult> torch,
            ToDoubleFunction<TrainingResult> figure) {
        List<Double> ratios = new ArrayList<>();
        for (int run = 0; run < Math.min(jgrad.size(), torch.size()); run++) {
            ratios.add(figure.applyAsDouble(jgrad.get(run)) / figure.applyAsDouble(torch.get(run)));
        }
        return Spread.of(ratios).format("%.2f");
    }

    private static String format(double value, String format) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, format, value);
    }

    private static String percent(double fraction) {
        return format(100 * fraction, "%.0f %%");
    }
}
