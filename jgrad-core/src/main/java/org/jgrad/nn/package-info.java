/**
 * The building blocks of networks: {@link org.jgrad.nn.Module} and {@link
 * org.jgrad.nn.Parameter}, layers and activations; initializers in {@code org.jgrad.nn.init};
 * losses in {@code org.jgrad.nn.loss} and penalties in {@code org.jgrad.nn.penalty}, which are
 * not modules. Everything here is built from differentiable tensor operations, so gradients
 * come from autograd. May import {@code org.jgrad}, {@code org.jgrad.autograd} and {@code
 * org.jgrad.backend}; nothing above.
 */
package org.jgrad.nn;
