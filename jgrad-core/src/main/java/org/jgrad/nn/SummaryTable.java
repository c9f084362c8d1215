package org.jgrad.nn;

import java.util.List;

/** Renders {@link Module#summary} rows as an aligned text table with totals. */
final class SummaryTable {

    private static final String[] HEADER = {"Layer", "Type", "Output shape", "Params"};

    private SummaryTable() {
    }

    static String render(List<String[]> rows, long total) {
        int[] widths = new int[HEADER.length];
        for (int c = 0; c < HEADER.length; c++) {
            widths[c] = HEADER[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, HEADER, widths);
        int lineWidth = widths[0] + widths[1] + widths[2] + widths[3] + 6;
        out.append("-".repeat(lineWidth)).append('\n');
        for (String[] row : rows) {
            appendRow(out, row, widths);
        }
        out.append("-".repeat(lineWidth)).append('\n');
        return out.append(String.format("Total parameters: %,d%n", total)).toString();
    }

    private static void appendRow(StringBuilder out, String[] row, int[] widths) {
        out.append(String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %"
                + widths[3] + "s%n", (Object[]) row));
    }
}
