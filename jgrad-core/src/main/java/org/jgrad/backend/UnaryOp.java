package org.jgrad.backend;

/**
 * Element-wise functions of one argument. The reference values use {@link StrictMath}, whose
 * results are the same on every platform.
 */
public enum UnaryOp {
    IDENTITY { public double apply(double x) { return x; } },
    NEG { public double apply(double x) { return -x; } },
    EXP { public double apply(double x) { return StrictMath.exp(x); } },
    LOG { public double apply(double x) { return StrictMath.log(x); } },
    SQRT { public double apply(double x) { return StrictMath.sqrt(x); } },
    ABS { public double apply(double x) { return Math.abs(x); } },
    SIGN { public double apply(double x) { return Math.signum(x); } },
    RECIPROCAL { public double apply(double x) { return 1.0 / x; } },
    TANH { public double apply(double x) { return StrictMath.tanh(x); } },
    RELU { public double apply(double x) { return x > 0 ? x : x == x ? 0.0 : x; } },
    /** The logistic function, written so that neither branch overflows. */
    SIGMOID {
        public double apply(double x) {
            if (x >= 0) {
                return 1.0 / (1.0 + StrictMath.exp(-x));
            }
            double e = StrictMath.exp(x);
            return e / (1.0 + e);
        }
    };

    /** The function's value at {@code x}. */
    public abstract double apply(double x);
}
