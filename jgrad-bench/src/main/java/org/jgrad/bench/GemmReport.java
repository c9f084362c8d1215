package org.jgrad.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.incubator.vector.FloatVector;
import org.jgrad.backend.Backends;
import org.jgrad.backend.blas.BlasLibrary;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link GemmBenchmark} against OpenBLAS and {@link PeakFlopsBenchmark} through JMH's
 * Runner API and prints one Markdown table: GFLOP/s of jgrad's kernel, its fraction of the
 * measured 256-bit FMA peak (jgrad's 512-bit products can pass 100 %), OpenBLAS's GFLOP/s, and
 * their ratio.
 *
 * <p>How the numbers are made robust on a shared machine: every configuration runs once per
 * round in its own JVM (one JMH fork), jgrad's fork right beside OpenBLAS's (which goes first
 * alternates by round), so that a neighbour's load hits both alike; the peak is measured again
 * at the start of every round. A fork's score is the median of its iterations; the table shows
 * the median over rounds, the ratio is the median of the per-round ratios, and the spread
 * columns give {@code (max − min) / median} over rounds.
 *
 * <p>Options: {@code --quick} (batch 128, one round, about a minute), {@code --rounds N}
 * (default 3), {@code --batches 32,128}, {@code --threads 1,2}, {@code --layers 784x256,128x10},
 * {@code --api} (adds the {@code Tensor.matmul} path, allocation included), {@code --csv FILE}
 * (every fork's score), {@code --log FILE} (JMH's own output, by default in the temporary
 * folder). Run the JVM with {@code --add-modules jdk.incubator.vector
 * --enable-native-access=ALL-UNNAMED}; the forks get both from the benchmarks' annotations.
 */
public final class GemmReport {

    private static final List<String> PRODUCTS = List.of("forward", "weightGrad", "inputGrad");

    private record Config(String layer, String product, int batch, int threads) {
        double flops() {
            return GemmBenchmark.flops(layer, batch);
        }
    }

    /**
     * One configuration's forks: per implementation, the median µs per product of each round's
     * fork, and the iterations of the last fork (the spread when there is one round).
     */
    private record Samples(List<Double> kernel, List<Double> blas, List<Double> tensor,
            List<Double> kernelIterations, List<Double> blasIterations) {
        Samples() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * CPU time in clock ticks (1/100 s): the machine's busy and steal time from {@code /proc/stat},
     * and this JVM's with its finished forks from {@code /proc/self/stat}, so that what other
     * processes used while the benchmarks ran can be reported.
     */
    private record CpuTicks(long busy, long steal, long total, long own, long nanos) {

        static CpuTicks now() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long[] t = Arrays.stream(cpu, 1, 9).mapToLong(Long::parseLong).toArray();
                String self = Files.readString(Path.of("/proc/self/stat"));
                String[] f = self.substring(self.lastIndexOf(')') + 2).split(" ");
                long own = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                return new CpuTicks(t[0] + t[1] + t[2] + t[5] + t[6], t[7], Arrays.stream(t).sum(), own, System.nanoTime());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Other processes' average CPU use since {@code start}, in cores, and the share stolen by the hypervisor. */
        static String since(CpuTicks start, CpuTicks end) {
            if (start == null || end == null) {
                return "unknown (no /proc)";
            }
            double seconds = (end.nanos - start.nanos) / 1e9;
            double others = ((end.busy - start.busy) - (end.own - start.own)) / 100.0 / seconds;
            double steal = (double) (end.steal - start.steal) / Math.max(1, end.total - start.total);
            return String.format(Locale.ROOT, "%.2f cores, steal %.1f%%", Math.max(0, others), 100 * steal);
        }
    }

    private int rounds = 3;
    private List<Integer> batches = List.of(32, 128, 512);
    private List<Integer> threads = List.of(1, 2);
    private List<String> layers = List.of("784x256", "256x128", "128x10");
    private boolean api;
    private Path csv;
    private Path log = Path.of(System.getProperty("java.io.tmpdir"), "jgrad-gemm-report.log");
    private OutputFormat jmhOutput;
    /**
     * Iterations are 200 ms. jgrad's forks warm up for 1.4 s: on the smallest products the JIT
     * goes through a phase about 7× slower (the benchmark loop's OSR compilation) that can last
     * until 1.5 s into the fork; a native library needs no such wait.
     */
    private static final int ITERATION_MILLIS = 200;
    private static final int JIT_WARMUP_ITERATIONS = 7;
    private static final int NATIVE_WARMUP_ITERATIONS = 2;
    private static final int MEASURE_ITERATIONS = 3;

    private final List<String> roundLoads = new ArrayList<>();
    private final Map<Integer, List<Double>> peak = new LinkedHashMap<>();
    private final Map<Integer, Double> peak512 = new LinkedHashMap<>();
    private final Map<Config, Samples> samples = new LinkedHashMap<>();
    private final List<String> csvLines = new ArrayList<>(List.of("round,layer,product,batch,threads,impl,us_per_op"));

    private GemmReport() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        GemmReport report = new GemmReport();
        report.parse(args);
        report.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> {
                    rounds = 1;
                    batches = List.of(128);
                }
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, arg));
                case "--batches" -> batches = ints(value(args, ++i, arg));
                case "--threads" -> threads = ints(value(args, ++i, arg));
                case "--layers" -> layers = List.of(value(args, ++i, arg).split(","));
                case "--api" -> api = true;
                case "--csv" -> csv = Path.of(value(args, ++i, arg));
                case "--log" -> log = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("GemmReport: unknown option '" + arg + "'; options: --quick,"
                        + " --rounds N, --batches 32,128, --threads 1,2, --layers 784x256,128x10, --api, --csv FILE,"
                        + " --log FILE");
            }
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("GemmReport: " + option + " needs a value");
        }
        return args[i];
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).map(Integer::parseInt).toList();
    }

    private void run() throws RunnerException, IOException {
        List<Config> configs = new ArrayList<>();
        for (String layer : layers) {
            for (String product : PRODUCTS) {
                for (int batch : batches) {
                    for (int t : threads) {
                        configs.add(new Config(layer, product, batch, t));
                    }
                }
            }
        }
        boolean blas = BlasLibrary.find().isPresent();
        PrintStream logStream = new PrintStream(new FileOutputStream(log.toFile()), true, "UTF-8");
        jmhOutput = OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL);
        progress("JMH's own output, the forks' included, goes to %s", log);
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        CpuTicks runStart = CpuTicks.now();
        for (int round = 1; round <= rounds; round++) {
            CpuTicks roundStart = CpuTicks.now();
            for (int t : threads) {
                double gflops = PeakFlopsBenchmark.FLOPS * median(peakRun("fma256", t)) / 1e9;
                peak.computeIfAbsent(t, x -> new ArrayList<>()).add(gflops);
                csvLines.add(round + ",-,-,-," + t + ",fma256," + PeakFlopsBenchmark.FLOPS / gflops / 1e3);
                if (round == 1 && Backends.vectorApiPresent() && FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512) {
                    peak512.put(t, 2 * PeakFlopsBenchmark.FLOPS * median(peakRun("fma512", t)) / 1e9);
                }
                progress("round %d/%d: peak on %d thread(s) %.1f GFLOP/s", round, rounds, t, gflops);
            }
            int done = 0;
            for (Config c : configs) {
                Samples s = samples.computeIfAbsent(c, x -> new Samples());
                boolean blasFirst = round % 2 == 0;
                if (blas && blasFirst) {
                    s.blas().add(gemm("openblas", c, round, s.blasIterations()));
                }
                s.kernel().add(gemm("kernel", c, round, s.kernelIterations()));
                if (blas && !blasFirst) {
                    s.blas().add(gemm("openblas", c, round, s.blasIterations()));
                }
                if (api) {
                    s.tensor().add(gemm("tensor", c, round, new ArrayList<>()));
                }
                progress("round %d/%d, %d/%d: %s %s B=%d, %d thread(s): jgrad %.1f, OpenBLAS %s GFLOP/s", round, rounds,
                        ++done, configs.size(), c.layer(), c.product(), c.batch(), c.threads(),
                        gflops(c, last(s.kernel())), blas ? format(gflops(c, last(s.blas()))) : "-");
            }
            roundLoads.add(CpuTicks.since(roundStart, CpuTicks.now()));
        }
        roundLoads.addFirst(CpuTicks.since(runStart, CpuTicks.now()));
        double minutes = (System.nanoTime() - start) / 60e9;
        logStream.close();
        print(blas, loadBefore, loadAverage(), minutes);
        if (csv != null) {
            Files.write(csv, csvLines);
        }
    }

    /** Runs one fork; returns the median of its iterations, which replace {@code iterationsOut}. */
    private double gemm(String method, Config c, int round, List<Double> iterationsOut) throws RunnerException {
        ChainedOptionsBuilder options = timing(GemmBenchmark.class, method,
                method.equals("openblas") ? NATIVE_WARMUP_ITERATIONS : JIT_WARMUP_ITERATIONS)
                .param("layer", c.layer())
                .param("product", c.product())
                .param("batch", String.valueOf(c.batch()))
                .param("threads", String.valueOf(c.threads()));
        List<Double> iterations = scores(new Runner(options.build(), jmhOutput).run());
        double micros = iterations.isEmpty() ? Double.NaN : median(iterations);
        iterationsOut.clear();
        iterationsOut.addAll(iterations);
        csvLines.add(String.join(",", String.valueOf(round), c.layer(), c.product(), String.valueOf(c.batch()),
                String.valueOf(c.threads()), method, String.valueOf(micros)));
        return micros;
    }

    private List<Double> peakRun(String method, int t) throws RunnerException {
        return scores(new Runner(timing(PeakFlopsBenchmark.class, method, NATIVE_WARMUP_ITERATIONS).threads(t).build(),
                jmhOutput).run());
    }

    private static ChainedOptionsBuilder timing(Class<?> benchmark, String method, int warmupIterations) {
        return new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName() + "." + method) + "$")
                .forks(1)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.milliseconds(ITERATION_MILLIS))
                .measurementIterations(MEASURE_ITERATIONS)
                .measurementTime(TimeValue.milliseconds(ITERATION_MILLIS));
    }

    /** Every measured iteration's score of the single benchmark run; empty when it failed. */
    private List<Double> scores(Collection<RunResult> results) {
        List<Double> scores = new ArrayList<>();
        for (RunResult result : results) {
            result.getBenchmarkResults().forEach(b -> b.getIterationResults().forEach(
                    i -> scores.add(i.getPrimaryResult().getScore())));
        }
        if (scores.isEmpty()) {
            progress("a benchmark failed; see %s", log);
        }
        return scores;
    }

    private void print(boolean blas, String loadBefore, String loadAfter, double minutes) {
        System.out.printf(Locale.ROOT, "%n## GEMM on the MLP's shapes (%s)%n%n", LocalDate.now());
        System.out.println("- machine: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " processors");
        System.out.println("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        System.out.println("- jgrad backend: " + (Backends.vectorApiPresent() ? Backends.current().name()
                : "chosen in the forks (this JVM lacks --add-modules jdk.incubator.vector)"));
        System.out.println("- OpenBLAS: " + (blas ? BlasLibrary.find().orElseThrow()
                : "not found (looked for " + BlasLibrary.candidates() + "); its columns are empty"));
        for (int t : threads) {
            List<Double> p = peak.get(t);
            System.out.printf(Locale.ROOT, "- FP32 peak, 256-bit FMA, %d thread(s): %.1f GFLOP/s (rounds: %s)%s%n", t,
                    median(p), list(p), peak512.containsKey(t)
                            ? String.format(Locale.ROOT, "; with 512-bit FMA %.1f", peak512.get(t)) : "");
        }
        System.out.printf(Locale.ROOT, "- %d round(s), one fork per configuration, implementation and round; warm-up"
                + " %d (jgrad) or %d (OpenBLAS, peak) and %d measured iterations of %d ms, a fork's score the median of"
                + " its iterations; %.1f minutes; load average (1, 5, 15 min) before %s, after %s%n", rounds,
                JIT_WARMUP_ITERATIONS, NATIVE_WARMUP_ITERATIONS, MEASURE_ITERATIONS, ITERATION_MILLIS, minutes,
                loadBefore, loadAfter);
        System.out.printf(Locale.ROOT, "- other processes' CPU use while it ran: %s (rounds: %s)%n%n", roundLoads.getFirst(),
                String.join("; ", roundLoads.subList(1, roundLoads.size())));
        String header = "| layer | product | B | threads | jgrad GFLOP/s | % of 256-bit peak | OpenBLAS GFLOP/s | % of 256-bit peak"
                + " | jgrad / OpenBLAS | spread jgrad | spread OpenBLAS |" + (api ? " Tensor.matmul GFLOP/s |" : "");
        System.out.println(header);
        System.out.println("|---".repeat(api ? 12 : 11) + "|");
        for (Map.Entry<Config, Samples> e : samples.entrySet()) {
            Config c = e.getKey();
            Samples s = e.getValue();
            double k = gflops(c, median(s.kernel()));
            double b = gflops(c, median(s.blas()));
            double peakT = median(peak.get(c.threads()));
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %.0f%% | %s | %s | %s | %s | %s |%s%n",
                    c.layer(), c.product(), c.batch(), c.threads(), k, 100 * k / peakT, format(b),
                    percent(b / peakT), ratio(s), spread(rounds > 1 ? s.kernel() : s.kernelIterations()),
                    spread(rounds > 1 ? s.blas() : s.blasIterations()),
                    api ? " " + format(gflops(c, median(s.tensor()))) + " |" : "");
        }
        System.out.println();
        System.out.println("All products of a batch size together (total FLOP / total of the median times):");
        System.out.println();
        System.out.println("| B | threads | jgrad GFLOP/s | % of 256-bit peak | OpenBLAS GFLOP/s | jgrad / OpenBLAS |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (int batch : batches) {
            for (int t : threads) {
                double flops = 0;
                double kernel = 0;
                double other = 0;
                for (Map.Entry<Config, Samples> e : samples.entrySet()) {
                    if (e.getKey().batch() == batch && e.getKey().threads() == t) {
                        flops += e.getKey().flops();
                        kernel += median(e.getValue().kernel());
                        other += median(e.getValue().blas());
                    }
                }
                double k = flops / kernel / 1e3;
                System.out.printf(Locale.ROOT, "| %d | %d | %.1f | %.0f%% | %s | %s |%n", batch, t, k,
                        100 * k / median(peak.get(t)), format(flops / other / 1e3),
                        Double.isNaN(other) ? "-" : String.format(Locale.ROOT, "%.2f", other / kernel));
            }
        }
        System.out.println();
        System.out.println(rounds > 1
                ? "Spread: (max − min) / median of the rounds' scores; ratio: median of the per-round ratios [min–max]."
                : "Spread: (max − min) / median of the one fork's iterations (one round: no spread between runs).");
    }

    private static double gflops(Config c, double micros) {
        return c.flops() / micros / 1e3;
    }

    private static String ratio(Samples s) {
        if (s.blas().isEmpty()) {
            return "-";
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(s.kernel().size(), s.blas().size()); i++) {
            ratios.add(s.blas().get(i) / s.kernel().get(i));
        }
        String value = String.format(Locale.ROOT, "%.2f", median(ratios));
        return ratios.size() < 2 ? value : String.format(Locale.ROOT, "%s [%.2f–%.2f]", value,
                ratios.stream().mapToDouble(d -> d).min().orElseThrow(),
                ratios.stream().mapToDouble(d -> d).max().orElseThrow());
    }

    private static String spread(List<Double> values) {
        if (values.size() < 2) {
            return "-";
        }
        double min = values.stream().mapToDouble(d -> d).min().orElseThrow();
        double max = values.stream().mapToDouble(d -> d).max().orElseThrow();
        return String.format(Locale.ROOT, "%.0f%%", 100 * (max - min) / median(values));
    }

    static double median(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(d -> d).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double last(List<Double> values) {
        return values.getLast();
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    private static String list(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).collect(Collectors.joining(", "));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpu() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }
}
