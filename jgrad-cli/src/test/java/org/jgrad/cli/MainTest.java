package org.jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The exit codes and error reporting of the {@code jgrad} command line. */
class MainTest {

    /** A subcommand that fails, to see how failures are reported. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the network diverged");
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand(new Boom());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpAndNoArgumentsShowUsage() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("demo"), out.toString());
        assertEquals(0, run());
        assertTrue(out.toString().contains("Usage: jgrad"), out.toString());
    }

    @Test
    void versionIsDevOutsideAJar() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("jgrad "), out.toString());
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, run("--no-such-option"));
        assertEquals(2, run("no-such-command"));
    }

    @Test
    void failuresExitWith1AndSayWhyInOneLine() {
        assertEquals(1, run("boom"));
        String text = err.toString();
        assertTrue(text.startsWith("jgrad: error: the network diverged"), text);
        assertEquals(1, text.strip().lines().count(), text);
        assertFalse(text.contains("at org.jgrad"), text);
    }

    @Test
    void verboseAddsTheStackTraceBeforeOrAfterTheSubcommand() {
        assertEquals(1, run("--verbose", "boom"));
        assertTrue(err.toString().contains("IllegalStateException"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(1, run("boom", "--verbose"));
        assertTrue(err.toString().contains("IllegalStateException"), err.toString());
    }
}
