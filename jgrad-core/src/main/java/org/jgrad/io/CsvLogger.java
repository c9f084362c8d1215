package org.jgrad.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jgrad.train.Callback;
import org.jgrad.train.EpochRecord;
import org.jgrad.train.History;
import org.jgrad.train.TrainingState;

/**
 * Writes the history to a CSV file after every epoch, one row per epoch, as Keras's {@code
 * CSVLogger}:
 *
 * <pre>
 * epoch,loss,accuracy,val_loss,val_accuracy,learning_rate,seconds,samples_per_second
 * 0,0.6931,0.5,0.6902,0.52,0.001,0.84,11904.7
 * </pre>
 *
 * The metric columns follow the trainer's metrics; the validation columns appear when there is
 * validation data. Numbers are written in full precision ({@link Double#toString}). The whole
 * file is rewritten from the history each time through {@link AtomicFile}, so a crash never
 * leaves a half-written row and a resumed run's file holds the epochs of before the resumption
 * too. (It lives here, beside {@link ModelCheckpoint}, because callbacks that write files use
 * the io layer's atomic writes.)
 */
public final class CsvLogger implements Callback {

    private final Path file;

    /** Logs to {@code file}, replacing it. */
    public CsvLogger(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public void onEpochEnd(TrainingState state) {
        write(state.history());
    }

    private void write(History history) {
        EpochRecord first = history.epoch(0);
        List<String> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("epoch", "loss"));
        header.addAll(first.trainMetrics().keySet());
        if (first.hasValidation()) {
            header.add("val_loss");
            first.validationMetrics().keySet().forEach(name -> header.add("val_" + name));
        }
        header.addAll(List.of("learning_rate", "seconds", "samples_per_second"));
        lines.add(String.join(",", header));
        for (EpochRecord r : history.epochs()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(r.epoch()), Double.toString(r.trainLoss())));
            r.trainMetrics().values().forEach(v -> row.add(Double.toString(v)));
            if (first.hasValidation()) {
                row.add(Double.toString(r.validationLoss()));
                r.validationMetrics().values().forEach(v -> row.add(Double.toString(v)));
            }
            row.addAll(List.of(Double.toString(r.learningRate()), Double.toString(r.seconds()),
                    Double.toString(r.samplesPerSecond())));
            lines.add(String.join(",", row));
        }
        writeAtomically(String.join("\n", lines) + "\n");
    }

    private void writeAtomically(String text) {
        try {
            AtomicFile.write(file, channel -> {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("CsvLogger: cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
