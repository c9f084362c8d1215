package org.jgrad.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrad.Tensor;

/**
 * How the columns of a table become tensors, learned once from the training table and kept
 * with the model so that new tables are encoded the same way: the input columns in order, each
 * {@linkplain NumericColumn numeric} or {@linkplain OneHotEncoder one-hot encoded}; the target
 * column, {@linkplain LabelEncoder label-encoded} for classification or a number for
 * regression; and, when imputation was asked for, the value that fills each column's missing
 * cells (the training mean or most frequent value).
 *
 * <pre>{@code
 * Schema schema = Schema.forTarget("species").fit(trainingTable);
 * DataSet train = schema.dataSet(trainingTable);
 * Map<String, List<String>> saved = schema.describe();          // into the model file
 * Tensor x = Schema.fromDescription(saved).features(newTable);  // target column optional
 * }</pre>
 *
 * <p>Columns are found by name, so a new table may order them differently or have more.
 * Every problem (a missing value with no fill, a number that is none, an unseen category) is
 * reported with its line and column, all at once.
 */
public final class Schema {

    private final List<Column> columns;
    private final String target;
    private final LabelEncoder classes;
    private final Map<String, String> fills;
    private final int width;

    /**
     * {@code classes} is null for regression; {@code fills} maps input columns to the text that
     * fills their missing cells.
     */
    Schema(List<Column> columns, String target, LabelEncoder classes, Map<String, String> fills) {
        this.columns = List.copyOf(columns);
        this.target = target;
        this.classes = classes;
        this.fills = Collections.unmodifiableMap(new LinkedHashMap<>(fills));
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name()) || column.name().equals(target)) {
                throw new IllegalArgumentException("Schema: column '" + column.name() + "' is given twice");
            }
        }
        if (!names.containsAll(fills.keySet())) {
            throw new IllegalArgumentException("Schema: fill values for columns that are no input: " + fills.keySet());
        }
        this.width = columns.stream().mapToInt(Column::width).sum();
    }

    /** Learns a schema predicting column {@code target}; the fitter's options say how. */
    public static SchemaFitter forTarget(String target) {
        return new SchemaFitter(target);
    }

    /** The input columns, in feature order. */
    public List<Column> columns() {
        return columns;
    }

    /** The target column's name. */
    public String target() {
        return target;
    }

    /** Classification or regression. */
    public Task task() {
        return classes == null ? Task.REGRESSION : Task.CLASSIFICATION;
    }

    /** The class names in index order; empty for regression. */
    public List<String> classNames() {
        return classes == null ? List.of() : classes.classes();
    }

    /** The text filling each imputed column's missing cells, by column. */
    public Map<String, String> fills() {
        return fills;
    }

    /** The number of features a row becomes. */
    public int width() {
        return width;
    }

    /** The names of the features, in order ({@code column=category} for one-hot blocks). */
    public List<String> featureNames() {
        return columns.stream().flatMap(c -> c.featureNames().stream()).toList();
    }

    /** Whether {@code table} has the target column (a table to predict on need not). */
    public boolean hasTarget(TextTable table) {
        return table.column(target) >= 0;
    }

    /** The features of {@code table}'s rows: shape {@code [rows, width()]}; a target column is ignored. */
    public Tensor features(TextTable table) {
        return encode(table, -1).features();
    }

    /** {@code table} as a data set with named features and classes; it must have the target column. */
    public DataSet dataSet(TextTable table) {
        int at = table.column(target);
        if (at < 0) {
            throw new IllegalArgumentException(table.source() + ": no target column '" + target
                    + "' (the columns are " + String.join(", ", table.header()) + ")");
        }
        Encoded encoded = encode(table, at);
        return DataSet.of(encoded.features(), encoded.targets()).withNames(featureNames(), classNames());
    }

    /** This schema as flat text entries (no JSON needed) for a model file's metadata; see {@link #fromDescription}. */
    public Map<String, List<String>> describe() {
        return SchemaDescription.describe(columns, target, classes, fills);
    }

    /** The schema that {@link #describe()} gave. */
    public static Schema fromDescription(Map<String, List<String>> description) {
        return SchemaDescription.read(description);
    }

    @Override
    public String toString() {
        return "Schema" + describe();
    }

    private record Encoded(Tensor features, Tensor targets) {}

    /** Encodes every row; {@code targetAt} is the target's position, or -1 for features only. */
    private Encoded encode(TextTable table, int targetAt) {
        int[] at = positions(table);
        int rows = table.size();
        Problems problems = new Problems(table.source());
        float[] features = new float[rows * width];
        long[] indices = new long[rows];
        float[] values = new float[rows];
        for (int r = 0; r < rows; r++) {
            TextTable.Row row = table.rows().get(r);
            int offset = r * width;
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                String cell = present(row, at[c], column.name(), fills.get(column.name()), problems);
                if (cell != null) {
                    int from = offset;
                    attempt(row, problems, () -> column.encode(cell, features, from));
                }
                offset += column.width();
            }
            String label = targetAt < 0 ? null : present(row, targetAt, target, null, problems);
            if (label != null) {
                int index = r;
                attempt(row, problems, () -> {
                    if (classes != null) {
                        indices[index] = classes.encode(label);
                    } else {
                        new NumericColumn(target).encode(label, values, index);
                    }
                });
            }
        }
        problems.throwIfAny();
        Tensor targets = classes != null ? Tensor.of(indices, rows) : Tensor.of(values, rows, 1);
        return new Encoded(Tensor.of(features, rows, width), targets);
    }

    /** The cell, or its fill when missing, or null (and a problem) when missing with no fill. */
    private static String present(TextTable.Row row, int at, String name, String fill, Problems problems) {
        String cell = row.cells().get(at);
        if (!Cells.isMissing(cell)) {
            return cell;
        }
        if (fill == null) {
            problems.add("line " + row.line() + ", column '" + name + "': missing value");
        }
        return fill;
    }

    private static void attempt(TextTable.Row row, Problems problems, Runnable encoding) {
        try {
            encoding.run();
        } catch (IllegalArgumentException e) {
            problems.add("line " + row.line() + ", " + e.getMessage());
        }
    }

    /** Where each input column is in {@code table}'s header; all absent ones named at once. */
    private int[] positions(TextTable table) {
        int[] at = new int[columns.size()];
        List<String> absent = new ArrayList<>();
        for (int c = 0; c < at.length; c++) {
            at[c] = table.column(columns.get(c).name());
            if (at[c] < 0) {
                absent.add("'" + columns.get(c).name() + "'");
            }
        }
        if (!absent.isEmpty()) {
            throw new IllegalArgumentException(table.source() + ": no column" + (absent.size() > 1 ? "s " : " ")
                    + String.join(", ", absent) + " in the header (its columns are " + String.join(", ", table.header())
                    + ")");
        }
        return at;
    }
}
