package org.jgrad.data;

import java.util.Collection;
import java.util.List;
import org.jgrad.Tensor;

/**
 * Label encoding of a target column: each class becomes its index in the sorted list of classes
 * learned from the training data (numerically sorted when all are numbers, so {@code "2"}
 * precedes {@code "10"}). Whole numbers are one class however written ({@code "3"},
 * {@code "3.0"}). A value not among the classes is an error naming the column and the value.
 */
public final class LabelEncoder {

    private final String column;
    private final Categories classes;

    private LabelEncoder(String column, Categories classes) {
        this.column = column;
        this.classes = classes;
    }

    /** Learns the classes of column {@code column} from its (non-missing) {@code cells}. */
    public static LabelEncoder fit(String column, Collection<String> cells) {
        return new LabelEncoder(column, Categories.fit("LabelEncoder", column, cells, true));
    }

    /** An encoder with these classes, in index order (as saved by a schema). */
    public static LabelEncoder of(String column, List<String> classes) {
        return new LabelEncoder(column, Categories.of("LabelEncoder", column, classes, true));
    }

    /** The target column's name. */
    public String column() {
        return column;
    }

    /** The class names, in index order. */
    public List<String> classes() {
        return classes.values();
    }

    /** The index of {@code cell}'s class. */
    public int encode(String cell) {
        int index = classes.indexOf(cell);
        if (index < 0) {
            throw classes.unseen("class", cell);
        }
        return index;
    }

    /** The class indices of {@code cells}: an {@code INT64} tensor of shape {@code [cells.size()]}. */
    public Tensor encode(List<String> cells) {
        return Tensor.of(cells.stream().mapToLong(this::encode).toArray(), cells.size());
    }

    /** The name of class {@code index}. */
    public String decode(int index) {
        if (index < 0 || index >= classes.values().size()) {
            throw new IllegalArgumentException("LabelEncoder: class index " + index + " is outside 0.."
                    + (classes.values().size() - 1) + " for column '" + column + "'");
        }
        return classes.values().get(index);
    }
}
