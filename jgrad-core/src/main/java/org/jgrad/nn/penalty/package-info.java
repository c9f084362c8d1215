/**
 * Penalties (regularization terms) added to a loss to prefer simpler models: norm penalties on
 * the parameters ({@link org.jgrad.nn.penalty.L1Penalty}, {@link org.jgrad.nn.penalty.L2Penalty}
 * as weight decay, {@link org.jgrad.nn.penalty.ElasticNetPenalty}) and a penalty on a layer's
 * activations for sparse representations ({@link org.jgrad.nn.penalty.ActivityPenalty}). Each is
 * a {@link org.jgrad.nn.penalty.Regularizer}, a differentiable scalar for a model that composes
 * with any loss: {@code loss.forward(out, y).add(penalty.of(model))}. May import {@code
 * org.jgrad}, {@code org.jgrad.autograd} and {@code org.jgrad.nn}; nothing above.
 */
package org.jgrad.nn.penalty;
