package org.jgrad.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of text cells as read from a file (a CSV file, for one), before any column is
 * interpreted: a header naming the columns and rows that each remember the line they started
 * on, so that every later error can name the line and the column. A {@link Schema} turns it
 * into tensors.
 *
 * @param source the name errors give the table, e.g. its file name
 * @param header the column names, unique and not blank
 * @param rows the data rows, each with one cell per column
 */
public record TextTable(String source, List<String> header, List<Row> rows) {

    /** One data row and the line of the source it starts on (1-based; the header is line 1 of a CSV). */
    public record Row(long line, List<String> cells) {

        /** Copies the cells. */
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * Copies the lists (stripping the column names of surrounding white space) and checks the
     * header and every row, reporting all problems at once.
     */
    public TextTable {
        header = header.stream().map(String::strip).toList();
        rows = List.copyOf(rows);
        Problems problems = new Problems(source);
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            Integer before = seen.putIfAbsent(name, c);
            if (name.isBlank()) {
                problems.add("column " + (c + 1) + " of the header is empty");
            } else if (before != null) {
                problems.add("column '" + name + "' appears twice in the header (columns " + (before + 1) + " and "
                        + (c + 1) + ")");
            }
        }
        for (Row row : rows) {
            if (row.cells().size() != header.size()) {
                problems.add("line " + row.line() + " has " + row.cells().size() + " fields, the header has "
                        + header.size());
            }
        }
        problems.throwIfAny();
    }

    /** The position of column {@code name} in the header, or -1. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /** The number of data rows. */
    public int size() {
        return rows.size();
    }
}
