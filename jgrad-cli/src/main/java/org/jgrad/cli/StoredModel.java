package org.jgrad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jgrad.io.ModelFile;
import org.jgrad.nn.Module;

/**
 * A trained model as the command line keeps it: the network, its {@link Preprocessing}, and the
 * command that trained it, all in one safetensors model file.
 */
record StoredModel(Module model, Preprocessing preprocessing, String trainedWith) {

    private static final String TRAINED_WITH = "trained_with";

    /** Writes the model file atomically: a failure leaves any existing file as it was. */
    void save(Path path) throws IOException {
        preprocessing.attachTo(ModelFile.of(model).withMetadata(TRAINED_WITH, trainedWith)).save(path);
    }

    /** Reads a model file that {@code jgrad train} wrote. */
    static StoredModel load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("--model " + path + " is a directory, not a model file");
        }
        ModelFile file = ModelFile.load(path);
        try {
            return new StoredModel(file.model(), Preprocessing.of(file), file.metadata().getOrDefault(TRAINED_WITH, "?"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }
}
