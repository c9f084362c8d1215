package org.jgrad.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs the {@code jgrad} command line in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {

    /** Runs {@code jgrad args…}. */
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Cli(exitCode, out.toString(), err.toString());
    }

    /** The value of {@code metric} in the report titled {@code title}, e.g. ("test", "accuracy"). */
    double metric(String title, String metric) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(title) + " \\(\\d+ examples\\)\\n(?:  .*\\n)*?  "
                + Pattern.quote(metric) + " +([-0-9.]+)$").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no " + metric + " in the '" + title + "' report of:\n" + out + "\n" + err);
        }
        return Double.parseDouble(m.group(1));
    }

    /** Fails unless the command exited with {@code expected}, showing what it printed. */
    Cli expect(int expected) {
        if (exitCode != expected) {
            throw new AssertionError(String.format(Locale.ROOT, "exit code %d, expected %d%nout:%n%s%nerr:%n%s",
                    exitCode, expected, out, err));
        }
        return this;
    }
}
