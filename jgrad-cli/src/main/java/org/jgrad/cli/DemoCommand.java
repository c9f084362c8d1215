package org.jgrad.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/**
 * {@code jgrad demo}: runs the worked examples, so that a newcomer can see the
 * library at work with one command and no set-up.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run the worked examples and print what they show.")
public final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("jgrad demo: worked examples");
        System.out.println();
        WorkedExamples.print(System.out);
        System.out.flush();
        return 0;
    }
}
