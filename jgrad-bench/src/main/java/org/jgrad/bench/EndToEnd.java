package org.jgrad.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The end-to-end benchmark of issue 4: trains the Fashion-MNIST MLP (784-256-128-10, ReLU, Adam
 * lr 1e-3, batch 128) with jgrad and, with {@code --torch}, with PyTorch on the same machine in
 * the same session, and prints Markdown tables of epoch time, test accuracy, peak resident
 * memory, jgrad's collection time and allocation, the fraction of the machine's FP32 peak, and
 * the jgrad / PyTorch ratios.
 *
 * <p>Every training runs in its own process — a fresh JVM ({@link EndToEndTraining}, same java
 * and class path, {@code -Djgrad.threads=T}) or {@code fashion_mnist_torch.py} — so that each
 * has its own peak memory and JIT. For each run and thread count the jgrad training and the
 * PyTorch one run back to back (which goes first alternates by run), so that a change in the
 * machine's load hits both alike; ratios are taken within a run.
 *
 * <p>Options: {@code --epochs N} (default 3), {@code --runs R} (default 3), {@code --threads
 * 1,2}, {@code --torch} (the PyTorch reference; skipped with a message when python3 or torch is
 * missing), {@code --data DIR} (default {@code /usr/share/datasets/fashion-mnist}), {@code
 * --python FILE} (default {@code /usr/bin/python3}), {@code --jvm-args "ARGS"} (jgrad's JVM
 * options, default the launcher's {@code -XX:+UseSerialGC -Xms48m -XX:NewSize=32m}, with its
 * {@code -XX:CICompilerCount=6} where it gives that; {@code ""} for the JVM's own defaults),
 * {@code --peak GFLOPS} (FP32 peak per core, default 252: {@code PeakFlopsBenchmark.fma512} on
 * the machine of {@code BENCHMARKS.md}, whose products use 512-bit vectors; 126 is its 256-bit
 * peak), {@code --quiet-wait SECONDS} (before each training, wait up to this long, default 300,
 * until other processes use under 0.2 cores; 0 to not wait). Progress goes to standard error,
 * the tables to standard output.
 */
public final class EndToEnd {

    private static final String SCRIPT = "src/main/python/fashion_mnist_torch.py";
    private static final double QUIET_CORES = 0.2;

    private int epochs = 3;
    private int runs = 3;
    private List<Integer> threads = List.of(1, 2);
    private boolean torch;
    private Path data = Path.of("/usr/share/datasets/fashion-mnist");
    private String python = "/usr/bin/python3";
    /** The JVM options the {@code jgrad} launcher gives the CLI, so that the benchmark measures what users run. */
    private List<String> jvmArgs = List.of("-XX:+UseSerialGC", "-Xms48m", "-XX:NewSize=32m");
    /** Whether {@link #jvmArgs} are the launcher's, which add compiler threads as {@link #compilerThreads} says. */
    private boolean launcherOptions = true;
    private double peakPerCore = 252;
    private int quietWaitSeconds = 300;
    private double waitedSeconds;

    private EndToEnd() {
    }

    /** Runs the benchmark; see the class comment for the options. */
    public static void main(String[] args) throws IOException, InterruptedException {
        EndToEnd benchmark = new EndToEnd();
        benchmark.parse(args);
        benchmark.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--epochs" -> epochs = positive(value(args, ++i, arg), arg);
                case "--runs" -> runs = positive(value(args, ++i, arg), arg);
                case "--threads" -> threads = Arrays.stream(value(args, ++i, arg).split(","))
                        .map(t -> positive(t, arg)).toList();
                case "--torch" -> torch = true;
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--python" -> python = value(args, ++i, arg);
                case "--jvm-args" -> {
                    jvmArgs = Arrays.stream(value(args, ++i, arg).trim().split("\\s+"))
                            .filter(option -> !option.isEmpty()).toList();
                    launcherOptions = false;
                }
                case "--peak" -> peakPerCore = Double.parseDouble(value(args, ++i, arg));
                case "--quiet-wait" -> quietWaitSeconds = Integer.parseInt(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("EndToEnd: unknown option '" + arg + "'; options: --epochs N,"
                        + " --runs R, --threads 1,2, --torch, --data DIR, --python FILE, --jvm-args \"ARGS\","
                        + " --peak GFLOPS, --quiet-wait SECONDS");
            }
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("EndToEnd: " + option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String text, String option) {
        int n = Integer.parseInt(text.trim());
        if (n < 1) {
            throw new IllegalArgumentException("EndToEnd: " + option + " must be at least 1, got " + n);
        }
        return n;
    }

    private void run() throws IOException, InterruptedException {
        Path script = torch ? torchScript() : null;
        String start = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = loadAverage();
        var report = new EndToEndReport(epochs, peakPerCore);
        String backend = null;
        for (int run = 1; run <= runs; run++) {
            for (int t : threads) {
                boolean torchFirst = script != null && run % 2 == 0;
                if (torchFirst) {
                    report.addTorch(t, train("PyTorch", run, t, torchCommand(script, t), torchEnvironment(t)));
                }
                TrainingResult trained = train("jgrad", run, t, jgradCommand(t), Map.of());
                backend = trained.backend();
                report.addJgrad(t, trained);
                if (script != null && !torchFirst) {
                    report.addTorch(t, train("PyTorch", run, t, torchCommand(script, t), torchEnvironment(t)));
                }
            }
        }
        System.out.printf(Locale.ROOT, "End-to-end Fashion-MNIST MLP, %d epochs × %d runs, %s: %s to %s; load average"
                + " before %s, after %s; %.0f s spent waiting for other processes to go quiet. jgrad: JDK %s,"
                + " backend %s, JVM options %s.%n%n", epochs, runs, cpu(), start,
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), loadBefore, loadAverage(), waitedSeconds,
                Runtime.version(), backend, (jvmArgs.isEmpty() ? "default" : String.join(" ", jvmArgs))
                        + (launcherOptions && !compilerThreads(Runtime.getRuntime().availableProcessors()).isEmpty()
                                ? " (and -XX:CICompilerCount=6 where every core trains)" : ""));
        System.out.print(report.markdown());
    }

    private TrainingResult train(String name, int run, int t, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        waitForQuiet();
        progress("run %d/%d, %s on %d thread(s): %s%s", run, runs, name, t, environment.isEmpty() ? ""
                : environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + " ").sorted()
                        .collect(Collectors.joining()), String.join(" ", command));
        TrainingResult result = TrainingResult.parse(MeasuredProcess.run(command, environment));
        progress("  epoch seconds %s, MiB allocated per step %s, test accuracy %.4f, peak RSS %.0f MiB,"
                + " other processes %.2f cores", figures(result, TrainingResult.Epoch::seconds, 1),
                figures(result, TrainingResult.Epoch::allocatedBytesPerStep, 1 << 20), result.finalAccuracy(),
                result.peakRssMib(), result.process().otherCores());
        return result;
    }

    /**
     * Waits, up to {@code --quiet-wait} seconds in all per training, until other processes keep
     * less than {@value #QUIET_CORES} cores busy over a second: a neighbour's build on a 2-core
     * machine halves a 2-thread measurement.
     */
    private void waitForQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + quietWaitSeconds * 1_000_000_000L;
        long start = System.nanoTime();
        double others = MeasuredProcess.otherCores(1000);
        while (others >= QUIET_CORES && System.nanoTime() < deadline) {
            progress("  waiting: other processes use %.2f cores", others);
            others = MeasuredProcess.otherCores(10_000);
        }
        waitedSeconds += (System.nanoTime() - start) / 1e9;
    }

    /**
     * The launcher's JIT option for a training on {@code threads} threads: six compiler threads
     * when the training takes every core of a machine of at most four (see {@code jgrad}).
     */
    private static List<String> compilerThreads(int threads) {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores <= 4 && threads == cores ? List.of("-XX:CICompilerCount=6") : List.of();
    }

    private static List<String> figures(TrainingResult result, ToDoubleFunction<TrainingResult.Epoch> figure,
            double unit) {
        return result.epochs().stream().map(e -> String.format(Locale.ROOT, "%.2f", figure.applyAsDouble(e) / unit))
                .toList();
    }

    private List<String> jgradCommand(int t) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Djgrad.threads=" + t));
        String backend = System.getProperty("jgrad.backend");
        if (backend != null) {
            command.add("-Djgrad.backend=" + backend);
        }
        command.addAll(jvmArgs);
        if (launcherOptions) {
            command.addAll(compilerThreads(t));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EndToEndTraining.class.getName(),
                data.toString(), Integer.toString(epochs)));
        return command;
    }

    private List<String> torchCommand(Path script, int t) {
        return List.of(python, script.toString(), data.toString(), Integer.toString(epochs), Integer.toString(t));
    }

    /**
     * PyTorch's thread count set in the environment as well: {@code torch.set_num_threads}
     * alone leaves OpenBLAS (Debian's PyTorch calls it as its BLAS) on one thread per core, and
     * OpenMP's threads spin between parallel regions, on the cores OpenBLAS's threads need. On
     * the 2-core machine of {@code BENCHMARKS.md}, an epoch on 2 threads took 40–47 s so, 2.6–3.7
     * s with both libraries on 2 threads, and 0.8 s, as on 1 thread, once OpenMP's threads wait
     * passively; under a neighbour's load 1 thread suffered too.
     */
    private static Map<String, String> torchEnvironment(int t) {
        return Map.of("OMP_NUM_THREADS", Integer.toString(t), "OPENBLAS_NUM_THREADS", Integer.toString(t),
                "OMP_WAIT_POLICY", "PASSIVE");
    }

    /**
     * The reference script, looked for beside this class's jar or classes folder ({@code
     * jgrad-bench/target/…}) and under the working directory; null, with a message, when python
     * cannot import torch.
     */
    private Path torchScript() throws IOException, InterruptedException {
        try {
            Process check = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (check.waitFor() != 0) {
                progress("PyTorch reference skipped: %s cannot import torch", python);
                return null;
            }
        } catch (IOException e) {
            progress("PyTorch reference skipped: cannot run %s (%s)", python, e.getMessage());
            return null;
        }
        List<Path> candidates = new ArrayList<>();
        try {
            Path code = Path.of(EndToEnd.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            candidates.add(code.getParent().getParent().resolve(SCRIPT));
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (an unusual class loader): the working directory remains
        }
        candidates.add(Path.of("jgrad-bench").resolve(SCRIPT));
        return candidates.stream().filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new IOException("EndToEnd: the PyTorch script is in none of " + candidates));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(", ", fields[0], fields[1], fields[2]);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpu() {
        int cores = Runtime.getRuntime().availableProcessors();
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim() + ", " + cores + " cores")
                    .orElse(cores + " cores");
        } catch (IOException | RuntimeException e) {
            return cores + " cores";
        }
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, format + "%n", args);
    }
}
