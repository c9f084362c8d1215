package org.jgrad.cli;

import java.io.PrintStream;

/**
 * The worked examples shown by {@code jgrad demo}.
 *
 * <p>A placeholder, so that the command line can be built and tried before the
 * examples exist; its body is to be replaced by the real examples.
 */
public final class WorkedExamples {

    private WorkedExamples() {
    }

    /** Runs the worked examples, writing what they show to {@code out}. */
    static void print(PrintStream out) {
        out.println("worked examples: not yet wired");
    }
}
