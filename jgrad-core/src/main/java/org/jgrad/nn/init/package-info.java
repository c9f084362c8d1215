/**
 * Initial values for weights, drawn from an explicit {@link org.jgrad.Rng}: the schemes of
 * {@link org.jgrad.nn.init.Init} (Xavier/Glorot, LeCun, He, sparse, orthogonal, PyTorch's linear
 * default, constants) behind the one-method {@link org.jgrad.nn.init.Initializer}. A weight is a
 * {@code [fanOut, fanIn]} matrix whose row {@code j} holds the incoming weights of output unit
 * {@code j}, PyTorch's layout. May import {@code org.jgrad}; nothing above.
 */
package org.jgrad.nn.init;
