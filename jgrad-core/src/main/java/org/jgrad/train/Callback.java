package org.jgrad.train;

/**
 * Code that a {@link Trainer} runs at fixed points of training: to log, to watch gradients, to
 * change the learning rate, to stop early, to save checkpoints. Every hook does nothing by
 * default; each receives the run's {@link TrainingState}, which gives the model, the optimizer,
 * the epoch, the batch, the history so far and a way to {@linkplain TrainingState#stop stop}.
 *
 * <p>The order, for each epoch and each batch:
 *
 * <pre>
 * onTrainBegin
 * for each epoch:
 *     onEpochBegin                   (the learning rate recorded for the epoch is read after it)
 *     for each batch:
 *         forward, loss, backward
 *         afterBackward              (gradients present, not yet clipped or applied)
 *         clip, optimizer step       (skipped when a callback asked to stop)
 *         onBatchEnd
 *     training loss and metrics, validation
 *     onEpochEnd                     (the history includes the epoch)
 * onTrainEnd                         (always, also when a callback or training failed)
 * </pre>
 *
 * Callbacks run in the order given to {@link Trainer#callbacks}, all of them at each hook. A
 * stop requested at a batch hook ends training before the step (at {@code afterBackward}) or
 * after it (at {@code onBatchEnd}); the unfinished epoch is not recorded and {@code onEpochEnd}
 * does not run for it, so an epoch-end checkpoint never sees it. An exception thrown by a
 * callback ends training at once and reaches the caller of {@code fit}, after {@code
 * onTrainEnd}.
 */
public interface Callback {

    /** Before the first epoch of this run (which is not epoch 0 when resuming). */
    default void onTrainBegin(TrainingState state) {
    }

    /** At the start of epoch {@link TrainingState#epoch()}, before its first batch. */
    default void onEpochBegin(TrainingState state) {
    }

    /** After the backward pass of a batch: the parameters hold their gradients, unclipped. */
    default void afterBackward(TrainingState state) {
    }

    /** After the optimizer's step on a batch. */
    default void onBatchEnd(TrainingState state) {
    }

    /** After an epoch, its training and validation figures appended to {@link TrainingState#history()}. */
    default void onEpochEnd(TrainingState state) {
    }

    /**
     * When training ends for any reason: all epochs done, a stop, or an exception (then the
     * model may hold the state of an unfinished epoch). Release resources here; saving belongs
     * in {@link #onEpochEnd}.
     */
    default void onTrainEnd(TrainingState state) {
    }
}
