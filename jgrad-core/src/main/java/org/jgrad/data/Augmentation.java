package org.jgrad.data;

import org.jgrad.Rng;
import org.jgrad.Tensor;

/**
 * A random change of a batch's features that keeps what the targets say, so that a model sees
 * a new variant of each example at every pass: {@link ImageAugmentation} for images,
 * {@link InputNoise} for tabular data. A {@link DataLoader} applies it to each batch as it is
 * formed ({@link DataLoader#augment}); the stored data never changes.
 */
@FunctionalInterface
public interface Augmentation {

    /** New features for one batch, of the same shape, drawn with {@code rng}; {@code features} is left as it is. */
    Tensor apply(Tensor features, Rng rng);
}
