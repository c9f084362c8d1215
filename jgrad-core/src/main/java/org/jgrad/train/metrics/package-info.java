/**
 * How good a model's outputs are: {@link org.jgrad.train.metrics.Metric} and the built-in
 * {@link org.jgrad.train.metrics.Metrics} (accuracy, top-k, macro precision, recall and F1,
 * log-loss, MSE, MAE, R²), and the {@link org.jgrad.train.metrics.ConfusionMatrix} with
 * per-class precision, recall and F1, computed in float64 as scikit-learn defines them. May
 * import {@code org.jgrad}, {@code org.jgrad.autograd} and {@code org.jgrad.backend}; nothing
 * above (the rest of {@code org.jgrad.train} builds on this package).
 */
package org.jgrad.train.metrics;
