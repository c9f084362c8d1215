package org.jgrad.io;

import java.util.Map;
import java.util.Optional;
import org.jgrad.Tensor;
import org.jgrad.nn.Module;

/**
 * A value of a model's parameters or buffers that is NaN or infinite, which no checkpoint may
 * hold: training cannot resume from it.
 *
 * @param tensor the parameter's or buffer's name, e.g. {@code 0.weight}
 * @param index the value's position in the tensor, row-major
 * @param value the value
 */
record NonFinite(String tensor, int index, double value) {

    /** The first non-finite value of {@code model}'s state, in {@link Module#stateDict()} order. */
    static Optional<NonFinite> in(Module model) {
        for (Map.Entry<String, Tensor> entry : model.stateDict().entrySet()) {
            if (entry.getValue().dtype().isFloatingPoint()) {
                double[] values = entry.getValue().toDoubleArray();
                for (int i = 0; i < values.length; i++) {
                    if (!Double.isFinite(values[i])) {
                        return Optional.of(new NonFinite(entry.getKey(), i, values[i]));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code '0.weight' holds NaN at index 3}. */
    @Override
    public String toString() {
        return "'" + tensor + "' holds " + value + " at index " + index;
    }
}
