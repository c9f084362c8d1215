package org.jgrad.backend;

/** Reductions of many values to one. {@link #MAX} and {@link #MIN} propagate NaN. */
public enum ReduceOp {
    SUM(0.0),
    MAX(Double.NEGATIVE_INFINITY),
    MIN(Double.POSITIVE_INFINITY);

    private final double identity;

    ReduceOp(double identity) {
        this.identity = identity;
    }

    /** The value of the reduction over no elements. */
    public double identity() {
        return identity;
    }

    /**
     * Whether {@code candidate} replaces {@code best} as the running extremum. The first of
     * equal values wins, and NaN wins over everything, so the result is NaN when any input is.
     */
    public boolean replaces(double candidate, double best) {
        return switch (this) {
            case MAX -> candidate > best || (candidate != candidate && best == best);
            case MIN -> candidate < best || (candidate != candidate && best == best);
            case SUM -> throw new UnsupportedOperationException("SUM has no extremum");
        };
    }
}
