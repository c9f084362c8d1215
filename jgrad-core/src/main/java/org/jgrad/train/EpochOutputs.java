package org.jgrad.train;

import java.util.Arrays;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * The outputs and targets of one epoch's batches, gathered for the epoch's training loss and
 * metrics into two buffers that every epoch of a run reuses. Kept batch by batch instead, they
 * lived through the whole epoch, so the collector moved them to the old generation, where they
 * stayed once dead: about 3 MB an epoch for the Fashion-MNIST MLP, by which the heap, and the
 * process's memory, grew.
 */
final class EpochOutputs {

    private final int capacity;
    private Tensor outputs;
    private Tensor targets;
    private int filled;

    /** Buffers for up to {@code capacity} examples: the training set's size. */
    EpochOutputs(int capacity) {
        this.capacity = capacity;
    }

    /** Starts an epoch: the rows of the one before are forgotten. */
    void clear() {
        filled = 0;
    }

    /** Appends one batch: its output and target rows, along their first dimension. */
    void add(int batch, Tensor output, Tensor target) {
        int rows = output.size(0);
        if (target.size(0) != rows) {
            throw new IllegalStateException("training batch " + batch + ": " + target.size(0) + " targets for "
                    + rows + " outputs");
        }
        if (filled + rows > capacity) {
            throw new IllegalStateException("training batch " + batch + ": " + rows + " more examples after "
                    + filled + " overrun the epoch's " + capacity);
        }
        outputs = fitting(outputs, output, "outputs", batch);
        targets = fitting(targets, target, "targets", batch);
        outputs.slice(0, filled, filled + rows).copyFrom(output);
        targets.slice(0, filled, filled + rows).copyFrom(target);
        filled += rows;
    }

    /** The outputs added since {@link #clear()}, a view of the buffer. */
    Tensor outputs() {
        return outputs.slice(0, 0, filled);
    }

    /** The targets added since {@link #clear()}, a view of the buffer. */
    Tensor targets() {
        return targets.slice(0, 0, filled);
    }

    /** The buffer, made at the first batch; later batches must have rows of the same shape and type. */
    private Tensor fitting(Tensor buffer, Tensor batch, String what, int index) {
        int[] row = Arrays.copyOfRange(batch.shape(), 1, batch.dim());
        if (buffer == null) {
            int[] shape = new int[batch.dim()];
            shape[0] = capacity;
            System.arraycopy(row, 0, shape, 1, row.length);
            return Tensor.zeros(batch.dtype(), shape);
        }
        if (buffer.dtype() != batch.dtype()
                || !Arrays.equals(row, Arrays.copyOfRange(buffer.shape(), 1, buffer.dim()))) {
            throw new IllegalStateException("training batch " + index + ": " + what + " of shape "
                    + Shape.format(batch.shape()) + " (" + batch.dtype() + ") do not match the earlier batches' rows "
                    + Shape.format(Arrays.copyOfRange(buffer.shape(), 1, buffer.dim())) + " (" + buffer.dtype() + ")");
        }
        return buffer;
    }
}
