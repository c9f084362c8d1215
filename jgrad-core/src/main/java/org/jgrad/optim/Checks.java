package org.jgrad.optim;

/**
 * Validation of hyper-parameters, with messages that name the owner and the argument, as in
 * {@code Adam: learning rate must be positive, got -0.1}. NaN fails every check.
 */
final class Checks {

    private Checks() {
    }

    /** {@code value > 0}. */
    static double positive(String owner, String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + ": " + what + " must be positive, got " + value);
        }
        return value;
    }

    /** {@code value >= 0} and finite. */
    static double nonNegative(String owner, String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + ": " + what + " must be non-negative, got " + value);
        }
        return value;
    }

    /** {@code 0 <= value < 1}: a decay rate, which 1 would freeze. */
    static double decay(String owner, String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(owner + ": " + what + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** {@code count > 0}. */
    static int positive(String owner, String what, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException(owner + ": " + what + " must be positive, got " + count);
        }
        return count;
    }

    /** {@code count >= 0}. */
    static int nonNegative(String owner, String what, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(owner + ": " + what + " must be non-negative, got " + count);
        }
        return count;
    }
}
