/**
 * Reverse-mode automatic differentiation over a dynamic graph.
 *
 * <p>Each differentiable operation is a {@link org.jgrad.autograd.Function} (the primitives
 * live in {@code org.jgrad.autograd.ops}) holding its forward and backward side by side. When
 * grad mode is on and an input requires a gradient, the result records the function that made
 * it; {@link org.jgrad.Tensor#backward()} walks those records in reverse. {@link
 * org.jgrad.autograd.GradCheck} proves gradients against central finite differences.
 *
 * <p>The tensor facade and this package know each other: {@code x.add(y)} records a node,
 * and the nodes are made of tensors. Both sit above {@code org.jgrad.backend} and below
 * everything else.
 */
package org.jgrad.autograd;
