package org.jgrad.train;

import java.util.ArrayList;
import java.util.List;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.jgrad.data.Batch;
import org.jgrad.data.DataLoader;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Module;

/** A model's outputs for a whole data set, computed in batches so that memory stays bounded. */
public final class Predictions {

    private Predictions() {
    }

    /**
     * The outputs of {@code model} for every example of {@code data}, in order, one row each:
     * computed {@code batchSize} examples at a time in evaluation mode (dropout off, batch
     * normalization on its running statistics) without recording a graph. The model's mode is
     * restored afterwards.
     */
    public static Tensor of(Module model, DataSet data, int batchSize) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("Predictions: the data set is empty");
        }
        boolean wasTraining = model.isTraining();
        List<Tensor> outputs = new ArrayList<>();
        try (var scope = GradMode.noGrad()) {
            model.eval();
            for (Batch batch : DataLoader.of(data, batchSize)) {
                outputs.add(model.forward(batch.features()));
            }
        } finally {
            model.train(wasTraining);
        }
        return outputs.size() == 1 ? outputs.getFirst() : Tensor.concat(0, outputs);
    }
}
