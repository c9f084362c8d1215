package org.jgrad.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one benchmark subprocess to its end and says how busy the machine was meanwhile: its
 * standard output comes back as lines, its standard error goes to ours.
 *
 * @param lines the subprocess's standard output
 * @param wallSeconds from start to exit
 * @param otherCores the average number of cores that other processes (neither this JVM nor its
 *     children) kept busy meanwhile, from {@code /proc/stat}; NaN where there is no {@code /proc}.
 *     On a 2-core machine, 0.5 means a neighbour took a quarter of the machine.
 */
record MeasuredProcess(List<String> lines, double wallSeconds, double otherCores) {

    /** Linux's {@code USER_HZ}: {@code /proc} counts CPU time in hundredths of a second. */
    private static final double TICKS_PER_SECOND = 100;

    /** Runs {@code command} with {@code environment} added to ours; fails naming it when it exits with an error. */
    static MeasuredProcess run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        long[] before = cpuTicks();
        long start = System.nanoTime();
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] after = cpuTicks();
        if (exit != 0) {
            throw new IOException("exit code " + exit + " from " + String.join(" ", command));
        }
        return new MeasuredProcess(lines, seconds, others(before, after, seconds));
    }

    /**
     * The average number of cores that processes other than this JVM (and its finished
     * children) kept busy over the next {@code millis} milliseconds; NaN without {@code /proc}.
     */
    static double otherCores(long millis) throws InterruptedException {
        long[] before = cpuTicks();
        long start = System.nanoTime();
        Thread.sleep(millis);
        long[] after = cpuTicks();
        return others(before, after, (System.nanoTime() - start) / 1e9);
    }

    private static double others(long[] before, long[] after, double seconds) {
        return before == null || after == null ? Double.NaN
                : Math.max(0, (after[0] - before[0]) - (after[1] - before[1])) / TICKS_PER_SECOND / seconds;
    }

    /**
     * The machine's busy CPU ticks (user, nice, system, irq, softirq of {@code /proc/stat}) and
     * this JVM's own with its waited-for children's ({@code utime, stime, cutime, cstime} of
     * {@code /proc/self/stat}); null without {@code /proc}.
     */
    private static long[] cpuTicks() {
        try {
            String[] machine = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(machine[field]);
            }
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = self.substring(self.lastIndexOf(')') + 2).split(" ");
            long own = 0;
            for (int field = 11; field <= 14; field++) {
                own += Long.parseLong(fields[field]);
            }
            return new long[] {busy, own};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
