package org.jgrad.data;

import java.util.List;
import org.jgrad.Tensor;

/** Some examples of another data set, selected by index without copying them. */
final class SubsetDataSet extends DataSetView {

    private final int[] indices;

    SubsetDataSet(DataSet source, int[] indices) {
        super(source);
        Examples.indexTensor(indices, source.size());
        this.indices = indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public Tensor features() {
        return source.batch(indices).features();
    }

    /** The selected rows of the source's targets, without forming any features. */
    @Override
    public Tensor targets() {
        return source.targets().indexSelect(0, Examples.indexTensor(indices, source.size()));
    }

    @Override
    public Batch batch(int[] positions) {
        int[] selected = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] < 0 || positions[i] >= indices.length) {
                throw new IndexOutOfBoundsException("DataSet.batch: index " + positions[i]
                        + " is out of range for a data set of " + indices.length + " examples");
            }
            selected[i] = indices[positions[i]];
        }
        Batch batch = source.batch(selected);
        return new Batch(batch.features(), batch.targets(), positions.clone());
    }

    @Override
    public DataSet withNames(List<String> featureNames, List<String> classNames) {
        return new SubsetDataSet(source.withNames(featureNames, classNames), indices);
    }
}
