package org.jgrad.train.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jgrad.Tensor;
import org.jgrad.autograd.GradMode;
import org.jgrad.nn.Module;
import org.jgrad.nn.Parameter;
import org.jgrad.train.Callback;
import org.jgrad.train.TrainingDivergedException;
import org.jgrad.train.TrainingState;

/**
 * Ends training with a {@link TrainingDivergedException} as soon as the loss, a gradient or a
 * parameter stops being finite (NaN or infinite), naming the epoch, the batch, and what went
 * first:
 *
 * <ul>
 *   <li>after each backward pass, when the batch loss is not finite: the batch's input if it
 *       holds a non-finite feature, else the first layer (in forward order) whose output did;
 *   <li>else the first parameter whose gradient is not finite;
 *   <li>after each step, the first parameter the update made non-finite;
 *   <li>after each epoch, a non-finite validation loss.
 * </ul>
 *
 * <p>Ordering: the batch checks run before the optimizer's step ({@code afterBackward}) and
 * before any epoch-end hook, and the exception ends training at once, so the epoch is never
 * recorded and no epoch-end callback (such as a checkpoint) sees it; only the model of an
 * update that made a parameter non-finite holds that parameter. For the validation check to
 * precede an epoch-end checkpoint, give the guard before the checkpoint in {@code
 * callbacks(...)}. Checking costs a pass over each gradient and parameter per batch; outputs
 * are only examined once the loss has gone wrong.
 */
public final class NanGuard implements Callback {

    private final List<Module.HookHandle> hooks = new ArrayList<>();
    private final List<Map.Entry<String, Tensor>> outputs = new ArrayList<>();

    /** A guard for one training run at a time. */
    public NanGuard() {
    }

    @Override
    public void onTrainBegin(TrainingState state) {
        Layers.leaves(state.model()).forEach((name, module) -> hooks.add(module.addForwardHook((m, input, output) -> {
            if (m.isTraining()) {
                outputs.add(Map.entry(Layers.describe(name, m), output));
            }
        })));
    }

    @Override
    public void afterBackward(TrainingState state) {
        try {
            if (!Double.isFinite(state.batchLoss())) {
                throw lossDiverged(state);
            }
            for (var entry : state.model().namedParameters().entrySet()) {
                Tensor grad = entry.getValue().grad();
                int bad = grad == null ? -1 : firstNonFinite(grad);
                if (bad >= 0) {
                    throw diverged(state, entry.getKey(), "the gradient of parameter '" + entry.getKey()
                            + "' is not finite (" + grad.toDoubleArray()[bad] + ") at " + where(state)
                            + "; stopped before the update");
                }
            }
        } finally {
            outputs.clear();
        }
    }

    private TrainingDivergedException lossDiverged(TrainingState state) {
        String prefix = "the loss is " + state.batchLoss() + " at " + where(state) + "; ";
        String suffix = "; stopped before the update";
        Tensor features = state.batch().features();
        int bad = features.dtype().isFloatingPoint() ? firstNonFinite(features) : -1;
        if (bad >= 0) {
            int example = state.batch().indices()[bad / Math.max(1, features.numel() / features.size(0))];
            return diverged(state, "input", prefix + "the input features of example " + example
                    + " are not finite" + suffix);
        }
        for (var output : outputs) {
            if (output.getValue().dtype().isFloatingPoint() && firstNonFinite(output.getValue()) >= 0) {
                return diverged(state, output.getKey(), prefix + "the first layer whose output is not finite is "
                        + output.getKey() + suffix);
            }
        }
        return diverged(state, "loss", prefix + "every layer's output is finite" + suffix);
    }

    @Override
    public void onBatchEnd(TrainingState state) {
        for (Map.Entry<String, Parameter> entry : state.model().namedParameters().entrySet()) {
            if (firstNonFinite(entry.getValue().value()) >= 0) {
                throw diverged(state, entry.getKey(), "parameter '" + entry.getKey() + "' is not finite after the update"
                        + " at " + where(state) + "; lower the learning rate or clip the gradients");
            }
        }
    }

    @Override
    public void onEpochEnd(TrainingState state) {
        var last = state.history().last();
        if (state.hasValidation() && !Double.isFinite(last.validationLoss())) {
            throw new TrainingDivergedException("NanGuard: the validation loss is " + last.validationLoss()
                    + " after epoch " + last.epoch(), state.history(), last.epoch(), -1, "validation");
        }
    }

    @Override
    public void onTrainEnd(TrainingState state) {
        hooks.forEach(Module.HookHandle::close);
        hooks.clear();
        outputs.clear();
    }

    private static String where(TrainingState state) {
        return "epoch " + state.epoch() + ", batch " + state.batchIndex();
    }

    private static TrainingDivergedException diverged(TrainingState state, String where, String message) {
        return new TrainingDivergedException("NanGuard: " + message, state.history(), state.epoch(),
                state.batchIndex(), where);
    }

    /**
     * The flat index of the first element of {@code t} that is NaN or infinite, or -1. The quick
     * test: {@code x − x} is 0 for every finite {@code x} and NaN otherwise, so its sum is 0
     * exactly when all are finite.
     */
    static int firstNonFinite(Tensor t) {
        try (var scope = GradMode.noGrad()) {
            Tensor detached = t.detach();
            if (detached.sub(detached).sum().item() == 0) {
                return -1;
            }
            double[] values = detached.toDoubleArray();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    return i;
                }
            }
            return -1;
        }
    }
}
