/**
 * Training: the {@link org.jgrad.train.Trainer} loop (epochs, shuffled batches, validation,
 * regularization, clipping, resumption at an epoch boundary), the {@link
 * org.jgrad.train.History} it returns, the {@link org.jgrad.train.Callback} hooks with the
 * {@link org.jgrad.train.TrainingState} they see, and batched {@link
 * org.jgrad.train.Predictions}. Metrics live in {@code org.jgrad.train.metrics}, the built-in
 * callbacks in {@code org.jgrad.train.callbacks}. May import {@code org.jgrad.data}, {@code
 * org.jgrad.optim}, {@code org.jgrad.nn}, {@code org.jgrad}, {@code org.jgrad.autograd}, {@code
 * org.jgrad.backend} and {@code org.jgrad.train.metrics}; nothing above.
 */
package org.jgrad.train;
