package org.jgrad.data;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a text cell reads: missing, a number, or a category. Cells are compared stripped of
 * surrounding white space. Missing: an empty cell, {@code NA}, {@code N/A}, {@code NaN},
 * {@code null} or {@code ?} (any case). A number: plain decimal notation with an optional
 * exponent ({@code 3}, {@code -0.5}, {@code 1e-3}); Java's extras ({@code 1d}, {@code 0x1p3},
 * {@code Infinity}) are not numbers.
 */
final class Cells {

    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Cells() {}

    static boolean isMissing(String cell) {
        return MISSING.contains(cell.strip().toLowerCase(Locale.ROOT));
    }

    static boolean isNumber(String cell) {
        return NUMBER.matcher(cell.strip()).matches();
    }

    /** The number in {@code cell}; {@code column} names it in the error when it is none. */
    static double parse(String column, String cell) {
        if (!isNumber(cell)) {
            throw new IllegalArgumentException("column '" + column + "': '" + cell.strip() + "' is not a number");
        }
        return Double.parseDouble(cell.strip());
    }

    /** Whether more than half of {@code cells} (none missing) are numbers. */
    static boolean mostlyNumbers(Iterable<String> cells) {
        int numbers = 0;
        int all = 0;
        for (String cell : cells) {
            all++;
            numbers += isNumber(cell) ? 1 : 0;
        }
        return 2 * numbers > all;
    }

    /** Whether {@code cell} is a number without fraction (and exactly representable as a double). */
    static boolean isWhole(String cell) {
        if (!isNumber(cell)) {
            return false;
        }
        double value = Double.parseDouble(cell.strip());
        return value == Math.rint(value) && Math.abs(value) < 0x1p53;
    }

    /** {@code cell} as a whole number written plainly ({@code "3.0"} → {@code "3"}), else unchanged. */
    static String wholeNumber(String cell) {
        return isWhole(cell) ? Long.toString((long) Double.parseDouble(cell.strip())) : cell;
    }
}
