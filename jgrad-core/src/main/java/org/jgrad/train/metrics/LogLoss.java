package org.jgrad.train.metrics;

/** The mean negative log-likelihood of the true classes, from logits or from probabilities. */
final class LogLoss {

    /** How far probabilities are kept from 0 and 1, scikit-learn's {@code eps} for float64. */
    private static final double EPS = 1e-15;

    private LogLoss() {
    }

    /** {@code −mean log p(true class)}; 0 for no examples. */
    static double of(ClassScores s) {
        double total = 0;
        for (int i = 0; i < s.rows(); i++) {
            int truth = (int) s.actual()[i];
            total -= s.columns() == 1 ? binaryLogLikelihood(s, i, truth) : logLikelihood(s, i, truth);
        }
        return s.rows() == 0 ? 0 : total / s.rows();
    }

    /** {@code log σ(z)} or {@code log(1 − σ(z)) = log σ(−z)} for a logit; the clipped log of a probability. */
    private static double binaryLogLikelihood(ClassScores s, int row, int truth) {
        double score = s.score(row, 0);
        if (s.kind() == Scores.LOGITS) {
            return logSigmoid(truth == 1 ? score : -score);
        }
        double p = clip(score);
        return Math.log(truth == 1 ? p : 1 - p);
    }

    /** {@code log softmax(z)_truth = z_truth − max − log Σ e^(z − max)}, or the log of the clipped, renormalized probability. */
    private static double logLikelihood(ClassScores s, int row, int truth) {
        if (s.kind() == Scores.LOGITS) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < s.columns(); c++) {
                max = Math.max(max, s.score(row, c));
            }
            double sum = 0;
            for (int c = 0; c < s.columns(); c++) {
                sum += Math.exp(s.score(row, c) - max);
            }
            return s.score(row, truth) - max - Math.log(sum);
        }
        double sum = 0;
        for (int c = 0; c < s.columns(); c++) {
            sum += clip(s.score(row, c));
        }
        return Math.log(clip(s.score(row, truth)) / sum);
    }

    /** {@code log σ(z) = −log(1 + e^(−z))}, without overflow for either sign. */
    private static double logSigmoid(double z) {
        return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, EPS), 1 - EPS);
    }
}
