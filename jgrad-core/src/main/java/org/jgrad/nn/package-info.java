/**
 * The building blocks of networks: {@link org.jgrad.nn.Module} and {@link
 * org.jgrad.nn.Parameter}, layers, activations, losses and penalties. Everything here is built
 * from differentiable tensor operations, so gradients come from autograd. May import {@code
 * org.jgrad}, {@code org.jgrad.autograd} and {@code org.jgrad.backend}; nothing above.
 */
package org.jgrad.nn;
