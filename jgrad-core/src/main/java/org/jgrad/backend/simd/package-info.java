/**
 * The SIMD backend: kernels written with the incubating Vector API ({@code jdk.incubator.vector}).
 * It is loaded by class name from {@link org.jgrad.backend.Backends} only when that module is
 * present, so the rest of jgrad links without it; this is the only package that may import it.
 */
package org.jgrad.backend.simd;
