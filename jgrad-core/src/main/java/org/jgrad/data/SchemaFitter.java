package org.jgrad.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns a {@link Schema} from a training table; made by {@link Schema#forTarget(String)},
 * each option returning a new fitter.
 *
 * <p>Column kinds: a column is numeric when more than half of its non-missing cells are
 * numbers (its other cells are then reported as errors when the table is encoded), else
 * categorical; {@link #categorical(String...)} forces the latter (codes such as zip codes).
 *
 * <p>The task, unless {@linkplain #task(Task) forced}: the target is a classification target
 * when its values are mostly not numbers (strings, label-encoded), or when they are whole
 * numbers with at most {@value #MAX_INTEGER_CLASSES} distinct values (digits 0–9, a 0/1
 * flag); otherwise it is a regression target.
 */
public final class SchemaFitter {

    /** A target of whole numbers with at most this many distinct values is a classification target. */
    public static final int MAX_INTEGER_CLASSES = 10;

    private final String target;
    private final Task task;
    private final boolean impute;
    private final List<String> categorical;
    private final List<String> ignored;
    private final UnseenCategory unseen;

    SchemaFitter(String target) {
        this(target, null, false, List.of(), List.of(), UnseenCategory.ERROR);
    }

    private SchemaFitter(String target, Task task, boolean impute, List<String> categorical, List<String> ignored,
            UnseenCategory unseen) {
        this.target = target;
        this.task = task;
        this.impute = impute;
        this.categorical = List.copyOf(categorical);
        this.ignored = List.copyOf(ignored);
        this.unseen = unseen;
    }

    /** Forces the task instead of inferring it from the target's values. */
    public SchemaFitter task(Task task) {
        return new SchemaFitter(target, task, impute, categorical, ignored, unseen);
    }

    /**
     * Whether missing input cells are filled (with the training mean of a numeric column, the
     * most frequent value of a categorical one; ties go to the first category) instead of being
     * errors. Missing targets are always errors.
     */
    public SchemaFitter impute(boolean impute) {
        return new SchemaFitter(target, task, impute, categorical, ignored, unseen);
    }

    /** Treats these columns as categorical even if their values are numbers. */
    public SchemaFitter categorical(String... columns) {
        return new SchemaFitter(target, task, impute, List.of(columns), ignored, unseen);
    }

    /** Leaves these columns out of the features (identifiers, free text). */
    public SchemaFitter ignore(String... columns) {
        return new SchemaFitter(target, task, impute, categorical, List.of(columns), unseen);
    }

    /** What one-hot columns do with a value unseen in training (default: an error). */
    public SchemaFitter unseen(UnseenCategory unseen) {
        return new SchemaFitter(target, task, impute, categorical, ignored, unseen);
    }

    /** The schema of {@code table}, whose rows are the training data. */
    public Schema fit(TextTable table) {
        Problems problems = new Problems(table.source());
        String columnList = " (the columns are " + String.join(", ", table.header()) + ")";
        if (table.column(target) < 0) {
            throw new IllegalArgumentException(table.source() + ": no column '" + target + "' for the target"
                    + columnList);
        }
        for (String name : concat(categorical, ignored)) {
            if (table.column(name) < 0) {
                problems.add("no column '" + name + "'" + (categorical.contains(name) ? " to treat as categorical"
                        : " to ignore") + columnList);
            }
        }
        problems.throwIfAny();
        if (table.size() == 0) {
            throw new IllegalArgumentException(table.source() + ": no rows to learn a schema from");
        }
        List<Column> columns = new ArrayList<>();
        Map<String, String> fills = new LinkedHashMap<>();
        for (String name : table.header()) {
            if (name.equals(target) || ignored.contains(name)) {
                continue;
            }
            List<String> cells = present(table, name, problems);
            if (cells.isEmpty()) {
                continue;
            }
            if (!categorical.contains(name) && Cells.mostlyNumbers(cells)) {
                columns.add(new NumericColumn(name));
                fills.put(name, Double.toString(mean(cells)));
            } else {
                OneHotEncoder encoder = OneHotEncoder.fit(name, cells, unseen);
                columns.add(encoder);
                fills.put(name, mostFrequent(cells, encoder.categories()));
            }
        }
        List<String> targets = present(table, target, problems);
        problems.throwIfAny();
        if (columns.isEmpty()) {
            throw new IllegalArgumentException(table.source() + ": no input columns besides the target '" + target
                    + "'");
        }
        Task kind = task != null ? task : infer(targets);
        LabelEncoder classes = kind == Task.CLASSIFICATION ? LabelEncoder.fit(target, targets) : null;
        return new Schema(columns, target, classes, impute ? fills : Map.of());
    }

    /** The stripped non-missing cells of column {@code name}; a problem if there are none. */
    private static List<String> present(TextTable table, String name, Problems problems) {
        int at = table.column(name);
        List<String> cells = new ArrayList<>();
        for (TextTable.Row row : table.rows()) {
            String cell = row.cells().get(at);
            if (!Cells.isMissing(cell)) {
                cells.add(cell.strip());
            }
        }
        if (cells.isEmpty()) {
            problems.add("column '" + name + "' has no values");
        }
        return cells;
    }

    private static Task infer(List<String> targets) {
        if (!Cells.mostlyNumbers(targets)) {
            return Task.CLASSIFICATION;
        }
        List<String> numbers = targets.stream().filter(Cells::isNumber).toList();
        boolean fewWholeNumbers = numbers.stream().allMatch(Cells::isWhole)
                && numbers.stream().map(Cells::wholeNumber).distinct().count() <= MAX_INTEGER_CLASSES;
        return fewWholeNumbers ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    /** The mean of the cells that are numbers. */
    private static double mean(List<String> cells) {
        return cells.stream().filter(Cells::isNumber).mapToDouble(Double::parseDouble).average().orElseThrow();
    }

    private static String mostFrequent(List<String> cells, List<String> categories) {
        Map<String, Integer> counts = new HashMap<>();
        cells.forEach(cell -> counts.merge(cell, 1, Integer::sum));
        String best = categories.getFirst();
        for (String category : categories) {
            if (counts.getOrDefault(category, 0) > counts.getOrDefault(best, 0)) {
                best = category;
            }
        }
        return best;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
