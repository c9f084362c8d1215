package org.jgrad.train.progress;

import java.io.Console;
import java.io.PrintStream;
import java.util.Objects;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.jgrad.train.Callback;
import org.jgrad.train.TrainingState;
import org.jgrad.train.metrics.Metric;

/**
 * Shows training progress. On a terminal, a bar per epoch (me.tongfei's progressbar) that moves
 * with every batch and shows the epoch's running loss and first metric, the speed in samples
 * per second and the time left:
 *
 * <pre>
 * Epoch 3/20  45% [=========>            ] 27000/60000 (0:00:02 / 0:00:03) 11250.0 samples/s loss 0.3412 accuracy 0.8821
 * </pre>
 *
 * Elsewhere (a CI log, a file), one plain {@link EpochLine} per epoch, which stays readable
 * where carriage returns and escape codes would not.
 *
 * <p>The running figures are means over the epoch's batches so far, weighted by batch size (for
 * accuracy that is the accuracy so far); the line at the end of the epoch has the exact ones.
 */
public final class ProgressBar implements Callback {

    private final PrintStream out;
    private final boolean terminal;
    private me.tongfei.progressbar.ProgressBar bar;
    private double lossSum;
    private double metricSum;
    private long seen;

    /**
     * Progress on standard error: a bar if it is a terminal, else one line per epoch. Java cannot
     * test standard error itself, so a launcher may say with {@code -Djgrad.stderr.terminal=true|false};
     * without it, a program whose input and output are a terminal counts as on one.
     */
    public ProgressBar() {
        this(System.err, stderrIsTerminal());
    }

    /** Progress on {@code out}: a bar when {@code terminal}, else one line per epoch. */
    public ProgressBar(PrintStream out, boolean terminal) {
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
    }

    /** Whether standard error is a terminal, as the launcher said or as the console suggests. */
    static boolean stderrIsTerminal() {
        String said = System.getProperty("jgrad.stderr.terminal");
        if (said != null) {
            return Boolean.parseBoolean(said);
        }
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public void onEpochBegin(TrainingState state) {
        lossSum = 0;
        metricSum = 0;
        seen = 0;
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Epoch " + (state.epoch() + 1) + "/" + state.epochs())
                    .setInitialMax(state.trainingSize())
                    .setUnit(" samples", 1)
                    .showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(out))
                    .build();
        }
    }

    @Override
    public void onBatchEnd(TrainingState state) {
        if (bar == null) {
            return;
        }
        int size = state.batch().size();
        seen += size;
        lossSum += state.batchLoss() * size;
        StringBuilder message = new StringBuilder(EpochLine.figure("loss", lossSum / seen));
        if (!state.metrics().isEmpty()) {
            Metric metric = state.metrics().getFirst();
            metricSum += metric.of(state.batchOutput(), state.batch().targets()) * size;
            message.append(' ').append(EpochLine.figure(metric.name(), metricSum / seen));
        }
        bar.setExtraMessage(message.toString());
        bar.stepBy(size);
    }

    @Override
    public void onEpochEnd(TrainingState state) {
        String line = EpochLine.format(state.history().last(), state.epochs());
        if (bar != null) {
            closeBar();
        }
        out.println(line);
        out.flush();
    }

    @Override
    public void onTrainEnd(TrainingState state) {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
