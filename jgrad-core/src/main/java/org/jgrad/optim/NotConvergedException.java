package org.jgrad.optim;

/**
 * Thrown when {@link GradientDescent} ran out of iterations, or its loss stopped being finite,
 * before meeting its stopping rule; carries where it stopped.
 */
public final class NotConvergedException extends RuntimeException {

    private final int iterations;
    private final double loss;
    private final double gradientNorm;

    /** Reports a run of {@code iterations} updates that ended at {@code loss} with the given gradient norm. */
    public NotConvergedException(int iterations, double loss, double gradientNorm) {
        super("GradientDescent: not converged in " + iterations + " iterations (last loss " + loss
                + ", gradient norm " + gradientNorm + ")");
        this.iterations = iterations;
        this.loss = loss;
        this.gradientNorm = gradientNorm;
    }

    /** How many updates ran. */
    public int iterations() {
        return iterations;
    }

    /** The last loss computed. */
    public double loss() {
        return loss;
    }

    /** The global L2 norm of the last gradient. */
    public double gradientNorm() {
        return gradientNorm;
    }
}
