/**
 * Kernels: the loops behind every tensor operation.
 *
 * <p>A {@link org.jgrad.backend.Backend} receives raw storage, offsets and strides ({@link
 * org.jgrad.backend.Strided}) and never validates: the tensor layer checks shapes once, before
 * calling it. {@link org.jgrad.backend.ReferenceBackend} is the plain-Java implementation and
 * the oracle the faster backends are tested against; {@link org.jgrad.backend.Backends} picks
 * one at start-up: the Vector API one ({@code org.jgrad.backend.simd}) when that module is
 * present, or, when asked for, the native BLAS one ({@code org.jgrad.backend.blas}). Faster
 * backends extend {@link org.jgrad.backend.DelegatingBackend} and hand on what they do not
 * accelerate.
 *
 * <p>This package is the bottom layer: it imports nothing else from jgrad.
 */
package org.jgrad.backend;
