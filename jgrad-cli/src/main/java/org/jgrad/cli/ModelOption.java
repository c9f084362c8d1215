package org.jgrad.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model} option of the commands that read a model file, mixed into each of them. */
final class ModelOption {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model file from jgrad train.")
    private Path model;

    /** The file as given. */
    Path path() {
        return model;
    }

    /** The model and its preprocessing, read from the file. */
    StoredModel load() throws IOException {
        return StoredModel.load(model);
    }
}
