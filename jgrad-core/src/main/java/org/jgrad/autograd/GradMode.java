package org.jgrad.autograd;

/**
 * Whether operations record the graph, per thread. Use {@link #noGrad()} in a
 * try-with-resources block for inference or for updating parameters in place:
 *
 * <pre>{@code
 * try (var scope = GradMode.noGrad()) {
 *     Tensor prediction = model.forward(x);   // no graph is recorded
 * }
 * }</pre>
 */
public final class GradMode {

    private static final ThreadFlag ENABLED = new ThreadFlag(true);

    private GradMode() {
    }

    /** A scope that restores the previous setting when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether operations on this thread currently record the graph. */
    public static boolean isEnabled() {
        return ENABLED.get();
    }

    /** Turns graph recording off on this thread until the returned scope is closed. */
    public static Scope noGrad() {
        return ENABLED.set(false);
    }

    /** Turns graph recording on on this thread until the returned scope is closed. */
    public static Scope enableGrad() {
        return ENABLED.set(true);
    }
}
