package org.jgrad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.jgrad.data.ImageDataSets;
import org.jgrad.data.TextTable;
import org.jgrad.data.TrainTest;
import org.jgrad.data.csv.Csv;
import org.jgrad.datasets.DataSets;
import picocli.CommandLine.ITypeConverter;

/**
 * What {@code --data} names: a CSV file ({@code .csv} or {@code .csv.gz}), one of the bundled
 * data sets ({@code iris}), or a directory of IDX image files ({@code fashion-mnist:DIR},
 * {@code mnist:DIR}).
 */
sealed interface DataSpec {

    /** The text to show in messages, as the user wrote it. */
    String text();

    /** A CSV file with a header row. */
    record CsvFile(String text, Path path) implements DataSpec {}

    /** A data set that ships with jgrad. */
    record Bundled(String text, String name) implements DataSpec {}

    /** MNIST or Fashion-MNIST in IDX files under {@code dir}. */
    record Images(String text, ImageKind kind, Path dir) implements DataSpec {

        /** The training and test images. */
        TrainTest read() throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new NoSuchFileException(dir.toString(), null, "no such directory: --data " + text);
            }
            return kind == ImageKind.FASHION_MNIST ? ImageDataSets.fashionMnist(dir) : ImageDataSets.mnist(dir);
        }
    }

    /** The two IDX image collections {@code --data} understands. */
    enum ImageKind {
        FASHION_MNIST("fashion-mnist"),
        MNIST("mnist");

        private final String prefix;

        ImageKind(String prefix) {
            this.prefix = prefix;
        }

        /** How {@code --data} names this kind, before the colon. */
        String prefix() {
            return prefix;
        }
    }

    /** The table of a CSV file or bundled data set; images have none. */
    static TextTable table(DataSpec spec) throws IOException {
        return switch (spec) {
            case CsvFile file -> {
                if (Files.isDirectory(file.path())) {
                    throw new IllegalArgumentException("--data " + spec.text() + " is a directory, not a CSV file");
                }
                yield Csv.read(file.path());
            }
            case Bundled bundled -> DataSets.table(bundled.name());
            case Images images -> throw new IllegalArgumentException("--data " + spec.text()
                    + " is a set of images; this needs a CSV file or a bundled data set");
        };
    }

    /**
     * Reads {@code text}: an image prefix, else a bundled name (unless a file of that name
     * exists), else a file path.
     */
    static DataSpec parse(String text) {
        for (ImageKind kind : ImageKind.values()) {
            String prefix = kind.prefix() + ":";
            if (text.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                if (text.length() == prefix.length()) {
                    throw new IllegalArgumentException("--data " + text + ": give the directory of the IDX files after the"
                            + " colon, e.g. " + prefix + "/usr/share/datasets/" + kind.prefix());
                }
                return new Images(text, kind, Path.of(text.substring(prefix.length())));
            }
        }
        String name = text.toLowerCase(Locale.ROOT).replace('-', '_');
        if (DataSets.names().contains(name) && !Files.exists(Path.of(text))) {
            return new Bundled(text, name);
        }
        return new CsvFile(text, Path.of(text));
    }

    /** Lets picocli turn an option's text into a {@code DataSpec}. */
    final class Converter implements ITypeConverter<DataSpec> {
        @Override
        public DataSpec convert(String text) {
            return parse(text);
        }
    }
}
