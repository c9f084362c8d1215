package org.jgrad.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Schema} as flat text entries, {@code Map<String, List<String>>}, for a model file's
 * metadata:
 *
 * <pre>
 * schema          [1]                                   the format version
 * columns         [sepal_length, …, color]              the input columns, in order
 * column.NAME     [numeric]
 *                 [categorical, error|zeros, CATEGORY…]  unseen-value policy, then the categories
 * fill.NAME       [VALUE]                               only for imputed columns
 * target          [NAME, classification, CLASS…] or [NAME, regression]
 * </pre>
 */
final class SchemaDescription {

    private static final String VERSION = "1";
    private static final String SCHEMA = "schema";
    private static final String COLUMNS = "columns";
    private static final String COLUMN = "column.";
    private static final String FILL = "fill.";
    private static final String TARGET = "target";
    private static final String NUMERIC = "numeric";
    private static final String CATEGORICAL = "categorical";
    private static final String CLASSIFICATION = "classification";
    private static final String REGRESSION = "regression";

    private SchemaDescription() {}

    static Map<String, List<String>> describe(List<Column> columns, String target, LabelEncoder classes,
            Map<String, String> fills) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        entries.put(SCHEMA, List.of(VERSION));
        entries.put(COLUMNS, columns.stream().map(Column::name).toList());
        for (Column column : columns) {
            List<String> entry = new ArrayList<>();
            switch (column) {
                case NumericColumn numeric -> entry.add(NUMERIC);
                case OneHotEncoder oneHot -> {
                    entry.add(CATEGORICAL);
                    entry.add(oneHot.unseen().name().toLowerCase(Locale.ROOT));
                    entry.addAll(oneHot.categories());
                }
            }
            entries.put(COLUMN + column.name(), List.copyOf(entry));
        }
        fills.forEach((name, fill) -> entries.put(FILL + name, List.of(fill)));
        List<String> targetEntry = new ArrayList<>(List.of(target, classes == null ? REGRESSION : CLASSIFICATION));
        if (classes != null) {
            targetEntry.addAll(classes.classes());
        }
        entries.put(TARGET, List.copyOf(targetEntry));
        return Collections.unmodifiableMap(entries);
    }

    static Schema read(Map<String, List<String>> entries) {
        List<String> version = entry(entries, SCHEMA);
        if (!version.equals(List.of(VERSION))) {
            throw error("unsupported schema version " + version + " (this jgrad reads " + VERSION + ")");
        }
        Set<String> known = new HashSet<>(Set.of(SCHEMA, COLUMNS, TARGET));
        List<Column> columns = new ArrayList<>();
        Map<String, String> fills = new LinkedHashMap<>();
        for (String name : entry(entries, COLUMNS)) {
            known.add(COLUMN + name);
            columns.add(column(name, entry(entries, COLUMN + name)));
            List<String> fill = entries.get(FILL + name);
            if (fill != null) {
                known.add(FILL + name);
                if (fill.size() != 1) {
                    throw error("'" + FILL + name + "' must hold one value, got " + fill);
                }
                fills.put(name, fill.getFirst());
            }
        }
        for (String key : entries.keySet()) {
            if (!known.contains(key)) {
                throw error("unexpected entry '" + key + "'");
            }
        }
        List<String> target = entry(entries, TARGET);
        if (target.size() == 2 && target.get(1).equals(REGRESSION)) {
            return new Schema(columns, target.getFirst(), null, fills);
        }
        if (target.size() > 2 && target.get(1).equals(CLASSIFICATION)) {
            return new Schema(columns, target.getFirst(), LabelEncoder.of(target.getFirst(),
                    target.subList(2, target.size())), fills);
        }
        throw error("'" + TARGET + "' must be [name, regression] or [name, classification, classes...], got " + target);
    }

    private static Column column(String name, List<String> entry) {
        if (entry.equals(List.of(NUMERIC))) {
            return new NumericColumn(name);
        }
        if (entry.size() > 2 && entry.getFirst().equals(CATEGORICAL)) {
            for (UnseenCategory unseen : UnseenCategory.values()) {
                if (unseen.name().toLowerCase(Locale.ROOT).equals(entry.get(1))) {
                    return OneHotEncoder.of(name, entry.subList(2, entry.size()), unseen);
                }
            }
        }
        throw error("'" + COLUMN + name + "' must be [numeric] or [categorical, error|zeros, categories...], got "
                + entry);
    }

    private static List<String> entry(Map<String, List<String>> entries, String key) {
        List<String> entry = entries.get(key);
        if (entry == null) {
            throw error("no entry '" + key + "'");
        }
        return entry;
    }

    private static IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("Schema.fromDescription: " + problem);
    }
}
