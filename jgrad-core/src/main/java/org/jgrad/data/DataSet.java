package org.jgrad.data;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jgrad.DType;
import org.jgrad.Tensor;

/**
 * Examples to learn from: features of shape {@code [n, …]} and targets of shape {@code [n]}
 * (class indices, {@code INT64}) or {@code [n, k]} (regression values), with the names of the
 * feature columns and of the classes.
 *
 * <p>A data set is read-only. {@link #batch(int[])} forms the tensors of a few examples, so an
 * implementation may keep its data in a compact form (bytes for images) until a batch is asked
 * for; {@link #subset(int[])} selects examples without copying them.
 */
public interface DataSet {

    /**
     * A data set over these tensors, which must agree on their first extent: classification
     * when {@code targets} is {@code INT64} of shape {@code [n]}, regression otherwise.
     */
    static DataSet of(Tensor features, Tensor targets) {
        return new TensorDataSet(features, targets, List.of(), List.of());
    }

    /** The number of examples. */
    int size();

    /** The shape of one example's features, e.g. {@code [4]} for iris or {@code [1, 28, 28]}. */
    int[] featureShape();

    /** All features as one tensor of shape {@code [size(), featureShape()…]}. */
    Tensor features();

    /** All targets: {@code [size()]} class indices or {@code [size(), k]} values. */
    Tensor targets();

    /** The features and targets of the examples at {@code indices}, in that order. */
    Batch batch(int[] indices);

    /** The names of the feature columns; empty when the features have none (images). */
    List<String> featureNames();

    /** The names of the classes, in index order; empty for regression or when unnamed. */
    List<String> classNames();

    /** This data set with these names (checked against the feature and class counts). */
    DataSet withNames(List<String> featureNames, List<String> classNames);

    /** Whether the targets are class indices. */
    default boolean isClassification() {
        return targets().dtype() == DType.INT64;
    }

    /**
     * The number of classes: the number of class names when there are names, else one more
     * than the largest class index; 0 for regression.
     */
    default int classCount() {
        if (!isClassification()) {
            return 0;
        }
        if (!classNames().isEmpty()) {
            return classNames().size();
        }
        return size() == 0 ? 0 : (int) targets().max().item() + 1;
    }

    /**
     * This data set with {@code transform} applied to the features of every batch as it is
     * formed (the stored data is unchanged). The transform must keep the feature shape, e.g. a
     * {@link Scaler}'s.
     */
    default DataSet mapFeatures(UnaryOperator<Tensor> transform) {
        return new MappedDataSet(this, transform);
    }

    /** The examples at {@code indices}, in that order, as a view of this data set. */
    default DataSet subset(int[] indices) {
        return new SubsetDataSet(this, indices);
    }
}
