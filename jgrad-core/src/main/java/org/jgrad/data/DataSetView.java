package org.jgrad.data;

import java.util.List;

/** A data set presenting another one's examples (some of them, or changed): the names and shape are the source's. */
abstract class DataSetView implements DataSet {

    /** The data set viewed. */
    final DataSet source;

    DataSetView(DataSet source) {
        this.source = source;
    }

    @Override
    public int[] featureShape() {
        return source.featureShape();
    }

    @Override
    public List<String> featureNames() {
        return source.featureNames();
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }
}
