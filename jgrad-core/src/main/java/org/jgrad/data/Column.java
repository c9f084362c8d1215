package org.jgrad.data;

import java.util.List;

/**
 * How one input column of a table becomes features: a number as itself ({@link NumericColumn})
 * or a category as a one-hot block ({@link OneHotEncoder}).
 */
public sealed interface Column permits NumericColumn, OneHotEncoder {

    /** The column's name in the table's header. */
    String name();

    /** How many features the column becomes. */
    int width();

    /** The names of those features. */
    List<String> featureNames();

    /**
     * Writes the features of {@code cell} (not missing) into {@code row} from {@code offset};
     * an {@link IllegalArgumentException} naming the column and the value if it cannot.
     */
    void encode(String cell, float[] row, int offset);
}
