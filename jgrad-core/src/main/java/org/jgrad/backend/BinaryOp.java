package org.jgrad.backend;

/**
 * Element-wise functions of two arguments. Comparisons return 1 for true and 0 for false;
 * {@link #MINIMUM} and {@link #MAXIMUM} propagate NaN, as IEEE 754-2019 minimum/maximum do.
 */
public enum BinaryOp {
    ADD { public double apply(double a, double b) { return a + b; } },
    SUB { public double apply(double a, double b) { return a - b; } },
    MUL { public double apply(double a, double b) { return a * b; } },
    DIV { public double apply(double a, double b) { return a / b; } },
    POW { public double apply(double a, double b) { return StrictMath.pow(a, b); } },
    MINIMUM { public double apply(double a, double b) { return Math.min(a, b); } },
    MAXIMUM { public double apply(double a, double b) { return Math.max(a, b); } },
    /** {@code a·[b > 0]}: ReLU's backward rule, gradient {@code a} at output {@code b}, in one pass. */
    RELU_BACKWARD { public double apply(double a, double b) { return a * (b > 0 ? 1 : 0); } },
    EQ { public double apply(double a, double b) { return a == b ? 1 : 0; } },
    NE { public double apply(double a, double b) { return a != b ? 1 : 0; } },
    LT { public double apply(double a, double b) { return a < b ? 1 : 0; } },
    LE { public double apply(double a, double b) { return a <= b ? 1 : 0; } },
    GT { public double apply(double a, double b) { return a > b ? 1 : 0; } },
    GE { public double apply(double a, double b) { return a >= b ? 1 : 0; } };

    /** The function's value at {@code (a, b)}. */
    public abstract double apply(double a, double b);

    /** Whether the result is a 0/1 mask rather than an arithmetic value. */
    public boolean isComparison() {
        return ordinal() >= EQ.ordinal();
    }
}
