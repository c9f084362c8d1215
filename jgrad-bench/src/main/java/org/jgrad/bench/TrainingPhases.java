package org.jgrad.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.data.Batch;
import org.jgrad.data.DataLoader;
import org.jgrad.data.DataSet;
import org.jgrad.data.ImageDataSets;
import org.jgrad.nn.Module;
import org.jgrad.nn.loss.CrossEntropyLoss;
import org.jgrad.optim.Adam;

/**
 * Where an epoch of the end-to-end training goes: the same model, loss, optimizer and batches as
 * {@link EndToEndTraining}, its loop written out so that each phase of a step is timed — the
 * loader's next batch, zeroing the gradients, forward, loss, backward, {@code item()}, the
 * optimizer's step. Prints per epoch the seconds of the loop and the mean µs per step of each
 * phase. The thread count is the JVM's {@code -Djgrad.threads}; compare jars or JVM options by
 * alternating runs.
 *
 * <p>Usage: {@code TrainingPhases DIR EPOCHS}.
 */
public final class TrainingPhases {

    private static final String[] PHASES = {"next", "zeroGrad", "forward", "loss", "backward", "item", "step"};

    private TrainingPhases() {
    }

    /** Trains as described above; arguments: the Fashion-MNIST folder and the number of epochs. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("TrainingPhases: usage: TrainingPhases DIR EPOCHS");
        }
        DataSet train = ImageDataSets.fashionMnist(Path.of(args[0])).train();
        Module model = EndToEndTraining.model().initialize(new Rng(0));
        var loss = new CrossEntropyLoss();
        var adam = new Adam(model.parameters(), 1e-3);
        int epochs = Integer.parseInt(args[1]);
        double sink = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            long[] nanos = new long[PHASES.length];
            int steps = 0;
            long start = System.nanoTime();
            Iterator<Batch> batches = DataLoader.of(train, 128).shuffle(new Rng(epoch)).iterator();
            for (long t0 = System.nanoTime(); batches.hasNext(); t0 = System.nanoTime(), steps++) {
                Batch batch = batches.next();
                long t1 = System.nanoTime();
                model.zeroGrad();
                adam.zeroGrad();
                long t2 = System.nanoTime();
                Tensor output = model.forward(batch.features());
                long t3 = System.nanoTime();
                Tensor value = loss.forward(output, batch.targets());
                long t4 = System.nanoTime();
                value.backward();
                long t5 = System.nanoTime();
                sink += value.item();
                long t6 = System.nanoTime();
                adam.step();
                long[] marks = {t0, t1, t2, t3, t4, t5, t6, System.nanoTime()};
                for (int phase = 0; phase < PHASES.length; phase++) {
                    nanos[phase] += marks[phase + 1] - marks[phase];
                }
            }
            var line = new StringBuilder(String.format(Locale.ROOT, "epoch %d: %.3f s; µs per step:", epoch + 1,
                    (System.nanoTime() - start) / 1e9));
            for (int phase = 0; phase < PHASES.length; phase++) {
                line.append(String.format(Locale.ROOT, " %s %.1f", PHASES[phase], nanos[phase] / 1e3 / steps));
            }
            System.out.println(line);
        }
        if (Double.isNaN(sink)) {
            System.out.println("the loss was NaN");
        }
    }
}
