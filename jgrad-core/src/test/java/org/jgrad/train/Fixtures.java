package org.jgrad.train;

import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.Linear;
import org.jgrad.nn.ReLU;
import org.jgrad.nn.Sequential;

/** Small data sets and models for the training tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * {@code n} points in 2-D around three centers, (0, 0), (3, 0) and (0, 3), with unit
     * Gaussian noise; class {@code i % 3}.
     */
    public static DataSet blobs(int n, long seed) {
        return blobs(n, 3, seed);
    }

    /** {@code n} points around (0, 0), (d, 0) and (0, d) with unit Gaussian noise; class {@code i % 3}. */
    public static DataSet blobs(int n, double distance, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[2 * n];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x[2 * i] = (float) ((y[i] == 1 ? distance : 0) + rng.nextGaussian());
            x[2 * i + 1] = (float) ((y[i] == 2 ? distance : 0) + rng.nextGaussian());
        }
        return DataSet.of(Tensor.of(x, n, 2), Tensor.of(y, n));
    }

    /** A 2-16-3 ReLU network with dropout, initialized from {@code seed}. */
    public static Sequential mlp(long seed) {
        var model = new Sequential(new Linear(2, 16), new ReLU(), new Dropout(0.2), new Linear(16, 3));
        model.initialize(new Rng(seed));
        return model;
    }
}
