package org.jgrad.train;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
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
        DataLoader batches = DataLoader.of(data, batchSize);
        return of(model, data.size(),
                () -> StreamSupport.stream(batches.spliterator(), false).map(Batch::features).iterator());
    }

    /** As {@link #of(Module, DataSet, int)}, for inputs without targets: one example a row of {@code inputs}. */
    public static Tensor of(Module model, Tensor inputs, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("Predictions: batch size must be at least 1, got " + batchSize);
        }
        int n = inputs.dim() == 0 ? 0 : inputs.shape()[0];
        return of(model, n, () -> IntStream.iterate(0, from -> from < n, from -> from + batchSize)
                .mapToObj(from -> inputs.narrow(0, from, Math.min(batchSize, n - from))).iterator());
    }

    /** Runs {@code model} over {@code batches} (one pass, each batch formed as it is reached). */
    private static Tensor of(Module model, int size, Iterable<Tensor> batches) {
        if (size == 0) {
            throw new IllegalArgumentException("Predictions: the data set is empty");
        }
        boolean wasTraining = model.isTraining();
        List<Tensor> outputs = new ArrayList<>();
        try (var scope = GradMode.noGrad()) {
            model.eval();
            for (Tensor input : batches) {
                outputs.add(model.forward(input));
            }
        } finally {
            model.train(wasTraining);
        }
        return outputs.size() == 1 ? outputs.getFirst() : Tensor.concat(0, outputs);
    }
}
