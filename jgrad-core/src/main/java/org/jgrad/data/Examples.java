package org.jgrad.data;

import org.jgrad.Shape;
import org.jgrad.Tensor;

/** Checks shared by the data sets: example indices and names. */
final class Examples {

    private Examples() {}

    /** {@code indices} as an {@code INT64} tensor, each checked to lie in {@code [0, size)}. */
    static Tensor indexTensor(int[] indices, int size) {
        long[] values = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= size) {
                throw new IndexOutOfBoundsException("DataSet: index " + indices[i] + " (position " + i
                        + ") is out of range for a data set of " + size + " examples");
            }
            values[i] = indices[i];
        }
        return Tensor.of(values, values.length);
    }

    /** {@code 0, 1, …, n-1}: every example of a data set of {@code n}, in order. */
    static int[] identity(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    /** Fails unless the data set's names match its feature and class counts (or are absent). */
    static void checkNames(DataSet data) {
        int[] shape = data.featureShape();
        if (!data.featureNames().isEmpty() && (shape.length != 1 || shape[0] != data.featureNames().size())) {
            throw new IllegalArgumentException("DataSet: " + data.featureNames().size()
                    + " feature names for features of shape " + Shape.format(shape));
        }
        if (!data.classNames().isEmpty() && !data.isClassification()) {
            throw new IllegalArgumentException("DataSet: class names given for regression targets");
        }
        if (!data.classNames().isEmpty() && data.size() > 0) {
            long largest = (long) data.targets().max().item();
            if (largest >= data.classNames().size()) {
                throw new IllegalArgumentException("DataSet: class index " + largest + " has no name among "
                        + data.classNames().size() + " class names");
            }
        }
    }
}
