package org.jgrad.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jgrad.data.DataSet;
import org.jgrad.data.Schema;
import org.jgrad.data.TextTable;
import org.jgrad.data.csv.Csv;

/**
 * The data sets bundled with jgrad, read from the class path (origins and licences in
 * {@code ATTRIBUTION.md} beside them), with their feature and class names:
 *
 * <table>
 * <caption>Bundled data sets</caption>
 * <tr><th>name</th><th>examples × features</th><th>target</th></tr>
 * <tr><td>{@code iris}</td><td>150 × 4</td><td>3 species</td></tr>
 * <tr><td>{@code breast_cancer}</td><td>569 × 30</td><td>benign or malignant</td></tr>
 * <tr><td>{@code digits}</td><td>1797 × 64 (8 × 8 pixels, 0–16, row-major)</td><td>the digits 0–9</td></tr>
 * <tr><td>{@code diabetes}</td><td>442 × 10</td><td>disease progression after a year (regression)</td></tr>
 * </table>
 *
 * <p>Names may be written with a hyphen ({@code breast-cancer}). Features are the raw values;
 * scale them (fitted on the training part) before training.
 */
public final class DataSets {

    private record Bundled(String file, String target) {}

    private static final Map<String, Bundled> BUNDLED = new TreeMap<>(Map.of(
            "iris", new Bundled("iris.csv", "species"),
            "breast_cancer", new Bundled("breast_cancer.csv", "diagnosis"),
            "digits", new Bundled("digits.csv.gz", "digit"),
            "diabetes", new Bundled("diabetes.csv", "progression")));

    private DataSets() {}

    /** The names of the bundled data sets, sorted. */
    public static List<String> names() {
        return List.copyOf(BUNDLED.keySet());
    }

    /**
     * The bundled data set {@code name}: classification targets are class indices, regression
     * targets of shape {@code [n, 1]}.
     */
    public static DataSet load(String name) {
        TextTable table = table(name);
        return schema(name, table).dataSet(table);
    }

    /** The schema of the bundled data set {@code name}: how its CSV file becomes tensors, for a model file. */
    public static Schema schema(String name) {
        return schema(name, table(name));
    }

    /** The bundled data set {@code name} as it is in its CSV file. */
    public static TextTable table(String name) {
        String file = bundled(name).file();
        try (InputStream in = DataSets.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("DataSets: the bundled file " + file
                        + " is missing from the class path");
            }
            return Csv.read(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException("DataSets: cannot read the bundled file " + file, e);
        }
    }

    private static Schema schema(String name, TextTable table) {
        return Schema.forTarget(bundled(name).target()).fit(table);
    }

    private static Bundled bundled(String name) {
        Bundled bundled = BUNDLED.get(name.toLowerCase(Locale.ROOT).replace('-', '_'));
        if (bundled == null) {
            throw new IllegalArgumentException("DataSets: no bundled data set '" + name + "'; the bundled ones are "
                    + String.join(", ", BUNDLED.keySet()));
        }
        return bundled;
    }
}
