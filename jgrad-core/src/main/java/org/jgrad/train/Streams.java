package org.jgrad.train;

import org.jgrad.Rng;

/**
 * The random streams of a training run, each a function of the seed (and the epoch) alone, so
 * that a run resumed at an epoch boundary draws exactly what an uninterrupted one draws there,
 * with no generator state to save. From {@code new Rng(seed)}: the first split chooses the
 * validation examples, the second is the parent of the epochs' streams, whose split {@code e}
 * is epoch {@code e}'s.
 */
final class Streams {

    private final long seed;
    private Rng epochs;
    private int next;

    /** The epoch streams of {@code seed}. */
    Streams(long seed) {
        this.seed = seed;
    }

    /** The stream that picks the examples held out by a validation split. */
    static Rng validationSplit(long seed) {
        return new Rng(seed).split();
    }

    /**
     * Epoch {@code epoch}'s stream: split it once for the modules' noise, once for the shuffle.
     * Asking for the epochs in increasing order costs one split each.
     */
    Rng epoch(int epoch) {
        if (epochs == null || epoch < next) {
            Rng root = new Rng(seed);
            root.split();
            epochs = root.split();
            next = 0;
        }
        for (; next < epoch; next++) {
            epochs.split();
        }
        next++;
        return epochs.split();
    }
}
