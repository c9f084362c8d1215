package org.jgrad.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The distinct values of a categorical column and their indices, shared by {@link LabelEncoder}
 * and {@link OneHotEncoder}. Fitted values are sorted (numerically when all are numbers, else
 * by text), so the encoding does not depend on the order of the rows.
 */
final class Categories {

    private static final int KNOWN_SHOWN = 10;

    private final String column;
    private final List<String> values;
    private final Map<String, Integer> index = new HashMap<>();
    private final boolean wholeNumbers;

    private Categories(String who, String column, List<String> values, boolean wholeNumbers) {
        this.column = column;
        this.values = List.copyOf(values);
        this.wholeNumbers = wholeNumbers;
        if (values.isEmpty()) {
            throw new IllegalArgumentException(who + ": column '" + column + "' has no categories");
        }
        for (int i = 0; i < values.size(); i++) {
            if (index.putIfAbsent(values.get(i), i) != null) {
                throw new IllegalArgumentException(who + ": column '" + column + "' lists category '"
                        + values.get(i) + "' twice");
            }
        }
    }

    /**
     * The distinct stripped {@code cells}, sorted; with {@code wholeNumbers}, whole numbers are
     * one category however written ({@code "3"} and {@code "3.0"}).
     */
    static Categories fit(String who, String column, Collection<String> cells, boolean wholeNumbers) {
        var distinct = new TreeSet<String>();
        for (String cell : cells) {
            distinct.add(canonical(cell, wholeNumbers));
        }
        List<String> sorted = new ArrayList<>(distinct);
        if (sorted.stream().allMatch(Cells::isNumber)) {
            sorted.sort(Comparator.comparingDouble(Double::parseDouble));
        }
        return new Categories(who, column, sorted, wholeNumbers);
    }

    /** Categories saved earlier, in their order. */
    static Categories of(String who, String column, List<String> values, boolean wholeNumbers) {
        return new Categories(who, column, values, wholeNumbers);
    }

    List<String> values() {
        return values;
    }

    /** The index of {@code cell}'s category, or -1 when it is not one of them. */
    int indexOf(String cell) {
        return index.getOrDefault(canonical(cell, wholeNumbers), -1);
    }

    /** The error for a value that is no category: names the column, the value and the known ones. */
    IllegalArgumentException unseen(String what, String cell) {
        String known = String.join(", ", values.subList(0, Math.min(values.size(), KNOWN_SHOWN)));
        if (values.size() > KNOWN_SHOWN) {
            known += " and " + (values.size() - KNOWN_SHOWN) + " more";
        }
        return new IllegalArgumentException("column '" + column + "': unseen " + what + " '" + cell.strip()
                + "' (known: " + known + ")");
    }

    private static String canonical(String cell, boolean wholeNumbers) {
        return wholeNumbers ? Cells.wholeNumber(cell.strip()) : cell.strip();
    }
}
