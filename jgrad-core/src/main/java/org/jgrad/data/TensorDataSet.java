package org.jgrad.data;

import java.util.Arrays;
import java.util.List;
import org.jgrad.DType;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/** A data set held as two tensors; batches are gathered rows of them. */
final class TensorDataSet implements DataSet {

    private final Tensor features;
    private final Tensor targets;
    private final List<String> featureNames;
    private final List<String> classNames;

    TensorDataSet(Tensor features, Tensor targets, List<String> featureNames, List<String> classNames) {
        if (features.dim() < 1 || targets.dim() < 1 || features.shape()[0] != targets.shape()[0]) {
            throw new IllegalArgumentException("DataSet.of: features " + Shape.format(features.shape())
                    + " and targets " + Shape.format(targets.shape()) + " must have the same first extent");
        }
        if (targets.dtype() == DType.INT64 && targets.dim() != 1) {
            throw new IllegalArgumentException("DataSet.of: class-index targets must be 1-D, got shape "
                    + Shape.format(targets.shape()));
        }
        this.features = features.detach();
        this.targets = targets.detach();
        this.featureNames = List.copyOf(featureNames);
        this.classNames = List.copyOf(classNames);
        Examples.checkNames(this);
    }

    @Override
    public int size() {
        return features.shape()[0];
    }

    @Override
    public int[] featureShape() {
        int[] shape = features.shape();
        return Arrays.copyOfRange(shape, 1, shape.length);
    }

    @Override
    public Tensor features() {
        return features;
    }

    @Override
    public Tensor targets() {
        return targets;
    }

    @Override
    public Batch batch(int[] indices) {
        Tensor index = Examples.indexTensor(indices, size());
        return new Batch(features.indexSelect(0, index), targets.indexSelect(0, index), indices.clone());
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public DataSet withNames(List<String> featureNames, List<String> classNames) {
        return new TensorDataSet(features, targets, featureNames, classNames);
    }
}
