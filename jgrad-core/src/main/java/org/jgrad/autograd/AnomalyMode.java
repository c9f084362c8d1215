package org.jgrad.autograd;

/**
 * Optional checking of every gradient the engine computes. While enabled (per thread), a
 * backward pass that produces NaN or infinity fails at once with an error naming the op whose
 * backward produced it, the input and its shape, instead of letting the bad value spread.
 * It costs one scan per gradient, so it is off by default.
 *
 * <pre>{@code
 * try (var scope = AnomalyMode.enable()) {
 *     loss.backward();
 * }
 * }</pre>
 */
public final class AnomalyMode {

    private static final ThreadFlag ENABLED = new ThreadFlag(false);

    private AnomalyMode() {
    }

    /** Whether gradients are checked on this thread. */
    public static boolean isEnabled() {
        return ENABLED.get();
    }

    /** Turns checking on for this thread until the returned scope is closed. */
    public static GradMode.Scope enable() {
        return ENABLED.set(true);
    }
}
