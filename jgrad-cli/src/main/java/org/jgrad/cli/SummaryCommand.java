package org.jgrad.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jgrad summary}: what a model file holds — its layers, parameters and how it was trained. */
@Command(name = "summary",
        mixinStandardHelpOptions = true,
        description = "Show a model file's layers, parameter counts, classes and training command.",
        footer = {"", "Example:", "  jgrad summary --model iris.safetensors"})
final class SummaryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StoredModel stored = model.load();
        Preprocessing preprocessing = stored.preprocessing();
        out.println(model.path());
        out.println("task: " + preprocessing.task().toString().toLowerCase(Locale.ROOT));
        if (!preprocessing.classNames().isEmpty()) {
            out.println("classes: " + String.join(", ", preprocessing.classNames()));
        }
        if (preprocessing instanceof Preprocessing.Tabular tabular) {
            out.println("inputs: " + tabular.schema().featureNames().size() + " features from columns "
                    + String.join(", ", tabular.schema().columns().stream().map(c -> c.name()).toList())
                    + " (standardized)");
        }
        out.println("trained with: " + stored.trainedWith());
        out.println();
        out.println(stored.model().summary(inputShape(stored)));
        return 0;
    }

    private static int[] inputShape(StoredModel stored) {
        // The IDX collections jgrad reads (MNIST, Fashion-MNIST) are 28×28 grey images.
        return stored.preprocessing() instanceof Preprocessing.Tabular tabular
                ? new int[] {1, tabular.schema().width()}
                : new int[] {1, 1, 28, 28};
    }
}
