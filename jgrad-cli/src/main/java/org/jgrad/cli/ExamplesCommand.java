package org.jgrad.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jgrad examples}: the lectures' worked examples of backpropagation, computed live, so
 * that a student can compare every gradient with the slides.
 */
@Command(name = "examples",
        mixinStandardHelpOptions = true,
        description = "Run the lectures' worked examples of backpropagation and print their values and graphs.")
final class ExamplesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("jgrad examples: the lectures' worked examples");
        out.println();
        WorkedExamples.print(out);
        out.flush();
        return 0;
    }
}
