package org.jgrad.autograd;

/** A per-thread boolean that is changed for the extent of a try-with-resources scope. */
final class ThreadFlag {

    private final ThreadLocal<boolean[]> value;

    ThreadFlag(boolean initial) {
        value = ThreadLocal.withInitial(() -> new boolean[] {initial});
    }

    boolean get() {
        return value.get()[0];
    }

    /** Sets the flag on this thread; closing the scope restores the previous value. */
    GradMode.Scope set(boolean enabled) {
        boolean[] flag = value.get();
        boolean previous = flag[0];
        flag[0] = enabled;
        return () -> flag[0] = previous;
    }
}
