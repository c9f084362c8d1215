package org.jgrad.data;

import org.jgrad.Tensor;

/**
 * One mini-batch: the features and targets of some examples of a {@link DataSet}, and which
 * examples they are ({@code indices} into the data set, in batch order).
 */
public record Batch(Tensor features, Tensor targets, int[] indices) {

    /** The number of examples in the batch. */
    public int size() {
        return indices.length;
    }
}
