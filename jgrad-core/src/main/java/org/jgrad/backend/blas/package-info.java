/**
 * The optional native BLAS backend: matrix products on a system BLAS (OpenBLAS, or whatever
 * {@code libblas.so.3} is) through the Foreign Function &amp; Memory API, with heap arrays passed
 * without a copy, and every other kernel on another backend. It is used only when asked for
 * with {@code -Djgrad.backend=blas}, and jgrad never needs the library.
 *
 * <p>It imports only {@code org.jgrad.backend} and the JDK ({@code java.lang.foreign}).
 */
package org.jgrad.backend.blas;
