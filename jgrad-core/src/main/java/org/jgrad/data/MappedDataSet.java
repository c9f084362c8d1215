package org.jgrad.data;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jgrad.Tensor;

/** Another data set whose features pass through a shape-keeping transform as each batch is formed. */
final class MappedDataSet extends DataSetView {

    private final UnaryOperator<Tensor> transform;

    MappedDataSet(DataSet source, UnaryOperator<Tensor> transform) {
        super(source);
        this.transform = transform;
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public Tensor features() {
        return transform.apply(source.features());
    }

    @Override
    public Tensor targets() {
        return source.targets();
    }

    @Override
    public Batch batch(int[] indices) {
        Batch batch = source.batch(indices);
        return new Batch(transform.apply(batch.features()), batch.targets(), batch.indices());
    }

    @Override
    public DataSet withNames(List<String> featureNames, List<String> classNames) {
        return new MappedDataSet(source.withNames(featureNames, classNames), transform);
    }
}
