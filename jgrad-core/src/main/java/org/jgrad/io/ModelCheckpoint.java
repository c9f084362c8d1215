package org.jgrad.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import org.jgrad.train.Callback;
import org.jgrad.train.EpochRecord;
import org.jgrad.train.TrainingDivergedException;
import org.jgrad.train.TrainingState;

/**
 * Saves a {@link Checkpoint} of the run at the end of epochs, written atomically so that a crash
 * never leaves a half-written file in place of the last good one:
 *
 * <ul>
 *   <li>{@link #best(Path)}: when the monitored loss — the validation loss in a run with
 *       validation data, else the training loss — is lower than at every earlier epoch, as
 *       Keras's {@code save_best_only}. A NaN loss is never an improvement (unlike {@link
 *       EpochRecord#monitoredLoss()}, which takes a NaN validation loss for no validation and
 *       falls back to the training loss). The best loss so far is recomputed from the history
 *       when training begins, so a resumed run overwrites the file only with a better epoch.
 *   <li>{@link #everyEpoch(Path)}: after every epoch.
 * </ul>
 *
 * A {@code {epoch}} in the file name becomes the checkpoint's {@link Checkpoint#epoch()}, the
 * number of finished epochs: {@code run-{epoch}.safetensors} gives {@code run-1.safetensors}
 * after the first epoch, from which training resumes at epoch 1.
 *
 * <p>Never writes weights that are not finite: if a parameter or buffer holds a NaN or an
 * infinity when a checkpoint is due, training ends with a {@link TrainingDivergedException}
 * naming it, and the file keeps its last good checkpoint. With a {@link
 * org.jgrad.train.callbacks.NanGuard} in the run, a diverging update ends training in its batch,
 * before any epoch end, so this never happens; the guard's check of a non-finite validation
 * loss, though, runs in {@code onEpochEnd}, in the order of the callbacks: list the guard before
 * the checkpoint so that such an epoch is never saved by {@code everyEpoch} ({@code best} never
 * saves it: NaN is no improvement).
 *
 * <p>The checkpoint holds the optimizer's learning rate as it stands when this callback runs:
 * list it after callbacks that change the rate at the end of an epoch.
 */
public final class ModelCheckpoint implements Callback {

    private static final String EPOCH = "{epoch}";

    private final Path path;
    private final boolean bestOnly;
    private double best = Double.POSITIVE_INFINITY;

    private ModelCheckpoint(Path path, boolean bestOnly) {
        this.path = Objects.requireNonNull(path, "path");
        this.bestOnly = bestOnly;
    }

    /** Saves to {@code path} each epoch whose monitored loss is the lowest so far. */
    public static ModelCheckpoint best(Path path) {
        return new ModelCheckpoint(path, true);
    }

    /** Saves to {@code path} after every epoch; put {@code {epoch}} in its file name to keep them all. */
    public static ModelCheckpoint everyEpoch(Path path) {
        return new ModelCheckpoint(path, false);
    }

    /** The file the checkpoint after {@code epochs} finished epochs goes to. */
    public Path path(int epochs) {
        String name = path.getFileName().toString();
        return name.contains(EPOCH) ? path.resolveSibling(name.replace(EPOCH, Integer.toString(epochs))) : path;
    }

    /**
     * Fails at once, before the first epoch, if the model has a module a checkpoint cannot hold;
     * recomputes the best loss from the history.
     */
    @Override
    public void onTrainBegin(TrainingState state) {
        try {
            Architecture.encode(state.model());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ModelCheckpoint: " + e.getMessage(), e);
        }
        best = Double.POSITIVE_INFINITY;
        state.history().epochs().forEach(record -> best = Math.min(best, loss(record, state.hasValidation())));
    }

    @Override
    public void onEpochEnd(TrainingState state) {
        double loss = loss(state.history().last(), state.hasValidation());
        if (bestOnly && !(loss < best)) {
            return;
        }
        best = Math.min(best, loss);
        Path target = path(state.history().size());
        int epoch = state.epoch();
        NonFinite.in(state.model()).ifPresent(bad -> {
            throw new TrainingDivergedException("ModelCheckpoint: after epoch " + epoch + ", " + bad + "; "
                    + target + " was not written", state.history(), epoch, -1, bad.tensor());
        });
        try {
            Checkpoint.of(state).save(target);
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint: cannot write " + target + " after epoch " + epoch, e);
        }
    }

    /** The monitored loss of {@code record}, NaN counted as no improvement on anything. */
    private static double loss(EpochRecord record, boolean validated) {
        double loss = validated ? record.validationLoss() : record.trainLoss();
        return Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss;
    }
}
