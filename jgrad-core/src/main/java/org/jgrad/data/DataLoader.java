package org.jgrad.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jgrad.Rng;
import org.jgrad.Tensor;

/**
 * Mini-batches of a {@link DataSet}, one pass over it per {@link #iterator()}: in order, or in a
 * fresh random order drawn from the loader's {@link Rng} at every pass, optionally changed by an
 * {@link Augmentation}. Only the examples of the current batch are gathered; the data set itself
 * is never copied.
 *
 * <pre>{@code
 * var loader = DataLoader.of(train, 128).shuffle(new Rng(0));
 * for (Batch batch : loader) { ... }
 * }</pre>
 */
public final class DataLoader implements Iterable<Batch> {

    private final DataSet data;
    private final int batchSize;
    private final Rng rng;
    private final boolean dropLast;
    private final Augmentation augmentation;
    private final Rng augmentationRng;

    private DataLoader(DataSet data, int batchSize, Rng rng, boolean dropLast, Augmentation augmentation,
            Rng augmentationRng) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("DataLoader: batch size must be at least 1, got " + batchSize);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.rng = rng;
        this.dropLast = dropLast;
        this.augmentation = augmentation;
        this.augmentationRng = augmentationRng;
    }

    /** Batches of {@code batchSize} examples in data-set order, the last one possibly smaller. */
    public static DataLoader of(DataSet data, int batchSize) {
        return new DataLoader(data, batchSize, null, false, null, null);
    }

    /** This loader, visiting the examples in a new order drawn from {@code rng} at every pass. */
    public DataLoader shuffle(Rng rng) {
        return new DataLoader(data, batchSize, rng, dropLast, augmentation, augmentationRng);
    }

    /** This loader, leaving out the last batch when it would be smaller than the others. */
    public DataLoader dropLast() {
        return new DataLoader(data, batchSize, rng, true, augmentation, augmentationRng);
    }

    /**
     * This loader, changing the features of every batch with {@code augmentation}, drawn from a
     * generator split off {@code rng} for each batch in turn (so a seed fixes every pass). The
     * data set itself never changes.
     */
    public DataLoader augment(Augmentation augmentation, Rng rng) {
        return new DataLoader(data, batchSize, this.rng, dropLast, augmentation, rng);
    }

    /** The data set the batches come from. */
    public DataSet data() {
        return data;
    }

    /** The number of examples per batch (the last may have fewer unless {@link #dropLast()}). */
    public int batchSize() {
        return batchSize;
    }

    /** The number of batches in one pass. */
    public int batchCount() {
        int full = data.size() / batchSize;
        return dropLast || data.size() % batchSize == 0 ? full : full + 1;
    }

    /** One pass over the data; a shuffling loader draws the order now, when the pass starts. */
    @Override
    public Iterator<Batch> iterator() {
        int[] order = rng == null ? Examples.identity(data.size()) : rng.permutation(data.size());
        int batches = batchCount();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("DataLoader: the pass has no batch left");
                }
                int from = next++ * batchSize;
                int to = Math.min(from + batchSize, order.length);
                int[] indices = new int[to - from];
                System.arraycopy(order, from, indices, 0, indices.length);
                Batch batch = data.batch(indices);
                if (augmentation == null) {
                    return batch;
                }
                Tensor features = augmentation.apply(batch.features(), augmentationRng.split());
                return new Batch(features, batch.targets(), batch.indices());
            }
        };
    }
}
