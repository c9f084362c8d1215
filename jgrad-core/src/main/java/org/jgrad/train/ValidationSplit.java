package org.jgrad.train;

import java.util.Arrays;

/** The examples a validation split holds out: a random subset of a seeded size, each side in data-set order. */
final class ValidationSplit {

    private ValidationSplit() {
    }

    /**
     * {@code {training, validation}} indices of {@code size} examples, {@code round(fraction ·
     * size)} of them held out, chosen by the seed's validation stream.
     */
    static int[][] indices(int size, double fraction, long seed) {
        int held = (int) Math.round(fraction * size);
        if (held < 1 || held >= size) {
            throw new IllegalArgumentException("Trainer: a validation fraction of " + fraction + " of " + size
                    + " examples leaves " + (held < 1 ? "no validation" : "no training") + " example");
        }
        int[] order = Streams.validationSplit(seed).permutation(size);
        int[] validation = Arrays.copyOfRange(order, 0, held);
        int[] training = Arrays.copyOfRange(order, held, size);
        Arrays.sort(validation);
        Arrays.sort(training);
        return new int[][] {training, validation};
    }
}
