/**
 * The differentiable primitives, one small class each, forward and backward side by side.
 * Users reach them through {@link org.jgrad.Tensor}'s methods; {@link
 * org.jgrad.autograd.ops.Kernels} runs their forward passes on the current backend.
 */
package org.jgrad.autograd.ops;
