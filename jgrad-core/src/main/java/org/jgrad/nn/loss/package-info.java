/**
 * Loss functions: what training minimizes. A {@link org.jgrad.nn.loss.Loss} compares a
 * network's output with a target, {@code loss.forward(model.forward(x), target)}, and returns
 * a differentiable tensor, reduced as its {@link org.jgrad.nn.loss.Reduction} says (the mean
 * by default). Names and definitions are PyTorch's ({@code MSELoss}, {@code CrossEntropyLoss},
 * …) unless a loss's documentation says how and why it differs, as {@link
 * org.jgrad.nn.loss.MultiMarginLoss} does. {@link org.jgrad.nn.loss.TripletLoss} compares three
 * tensors and {@link org.jgrad.nn.loss.LabelNoise} perturbs targets before a loss sees them.
 *
 * <p>Losses are not {@linkplain org.jgrad.nn.Module modules}: they take two tensors, hold no
 * parameters, and are immutable, so one instance can serve any number of models. Every loss
 * is a composition of differentiable tensor operations; gradients come from autograd. May
 * import {@code org.jgrad}, {@code org.jgrad.autograd} and {@code org.jgrad.nn}; nothing above.
 */
package org.jgrad.nn.loss;
