package org.jgrad.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.nn.Module;
import org.jgrad.nn.Parameter;
import org.jgrad.optim.Optimizer;
import org.jgrad.train.History;
import org.jgrad.train.Trainer;
import org.jgrad.train.TrainingState;

/**
 * A training run saved at an epoch boundary, in one file, to resume from bitwise where it
 * stood: the model (architecture and weights), the optimizer's state, the seed and the history.
 * No random-generator state is needed: every random stream of epoch {@code e} derives from the
 * seed and {@code e} alone (see {@link Trainer}).
 *
 * <pre>
 * Checkpoint.of(model, optimizer, seed, history).save(path);   // or ModelCheckpoint, a callback
 *
 * Checkpoint checkpoint = Checkpoint.load(path);
 * Module model = checkpoint.model();
 * var adam = new Adam(model.parameters(), 1e-3);                // the same class and settings
 * checkpoint.restoreInto(adam);
 * History history = Trainer.of(model, loss, adam).epochs(20).seed(checkpoint.seed())
 *         .fit(train, checkpoint.history());                   // the same trainer settings
 * </pre>
 *
 * <p>The file is a {@link ModelFile} (so {@code ModelFile.load} reads a checkpoint as a model)
 * whose extras hold the rest: the tensors {@code extra.optimizer.KEY} for each entry of the
 * optimizer's state dict ({@code extra.optimizer.lr}, {@code extra.optimizer.0.expAvg} …), and
 * the text entries {@code extra.checkpoint.format} ({@code 1}), {@code extra.checkpoint.seed}
 * and {@code extra.checkpoint.epoch} (decimal), {@code extra.checkpoint.optimizer} ({@code
 * {"type":"org.jgrad.optim.Adam","parameters":["0.weight",…],"state":["lr","0.step",…]}}: the
 * class, the model's names of its parameters, the state's keys) and {@code
 * extra.checkpoint.history} (every field of every epoch as JSON, doubles bit for bit; NaN and
 * infinities as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}).
 *
 * <p>Neither the trainer's settings (epochs, batch size, validation, callbacks) nor the
 * optimizer's own (β, ε, weight decay) are stored: the resumed run is built with them, as the
 * first was. Callbacks that rebuild their state from the history (early stopping) continue
 * exactly; a plateau schedule restarts.
 *
 * @param model the model; a loaded one is in evaluation mode
 * @param optimizer the optimizer's class, parameters and state
 * @param seed the trainer's seed
 * @param history the finished epochs
 */
public record Checkpoint(Module model, OptimizerState optimizer, long seed, History history) {

    /** A checkpoint of these parts; the optimizer's parameters must be the model's. */
    public Checkpoint {
        Objects.requireNonNull(model, "Checkpoint: model");
        Objects.requireNonNull(optimizer, "Checkpoint: optimizer");
        Objects.requireNonNull(history, "Checkpoint: history");
        String problem = optimizer.unknownParameter(model);
        if (problem != null) {
            throw new IllegalArgumentException("Checkpoint: " + problem);
        }
    }

    /** A checkpoint of {@code model} trained by {@code optimizer} with {@code seed} through {@code history}. */
    public static Checkpoint of(Module model, Optimizer optimizer, long seed, History history) {
        return new Checkpoint(model, OptimizerState.of(optimizer, model), seed, history);
    }

    /** A checkpoint of a run as a callback sees it; in {@code onEpochEnd}, after the epoch just finished. */
    public static Checkpoint of(TrainingState state) {
        return of(state.model(), state.optimizer(), state.seed(), state.history());
    }

    /** The number of finished epochs, which is the epoch a resumed run starts at. */
    public int epoch() {
        return history.size();
    }

    /**
     * Writes this checkpoint to {@code path} atomically (see {@link AtomicFile}). Fails, writing
     * nothing, when the model's parameters or buffers hold a NaN or an infinity, or when it has
     * a module a {@link ModelFile} cannot hold.
     */
    public void save(Path path) throws IOException {
        NonFinite.in(model).ifPresent(bad -> {
            throw new IllegalArgumentException("Checkpoint.save: " + bad + "; a checkpoint must hold finite weights");
        });
        CheckpointFile.write(this, path);
    }

    /**
     * Reads the checkpoint at {@code path}. A file that is not a valid checkpoint fails with a
     * {@link FileFormatException} naming the problem: every check of {@link ModelFile#load},
     * then a missing, unexpected or malformed entry, optimizer state listed but absent, an epoch
     * that is not the history's length.
     */
    public static Checkpoint load(Path path) throws IOException {
        return CheckpointFile.read(path);
    }

    /**
     * Loads the saved state into {@code optimizer}, which must be of the saved class and update
     * parameters of the saved shapes and dtypes, in the saved order (as one built on {@code
     * model().parameters()} does); otherwise fails naming every mismatch, changing nothing.
     */
    public void restoreInto(Optimizer optimizer) {
        String type = optimizer.getClass().getName();
        if (!type.equals(this.optimizer.type())) {
            throw new IllegalArgumentException("Checkpoint.restoreInto: the checkpoint holds the state of "
                    + this.optimizer.type() + ", not of " + type);
        }
        List<Parameter> given = optimizer.parameters();
        List<String> names = this.optimizer.parameters();
        if (given.size() != names.size()) {
            throw new IllegalArgumentException("Checkpoint.restoreInto: the optimizer updates " + given.size()
                    + " parameters, the checkpoint's " + names.size());
        }
        Map<String, Parameter> saved = model.namedParameters();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String expected = describe(saved.get(names.get(i)).value());
            String actual = describe(given.get(i).value());
            if (!expected.equals(actual)) {
                problems.add("parameter " + i + " is " + actual + ", the checkpoint's ('" + names.get(i) + "') "
                        + expected);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Checkpoint.restoreInto: " + String.join("; ", problems));
        }
        try {
            optimizer.loadStateDict(this.optimizer.state());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Checkpoint.restoreInto: " + e.getMessage(), e);
        }
    }

    /** {@code float32 [16, 2]}. */
    private static String describe(Tensor value) {
        return value.dtype() + " " + Shape.format(value.shape());
    }
}
