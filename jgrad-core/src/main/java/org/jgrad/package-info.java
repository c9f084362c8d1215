/**
 * The tensor: n-dimensional arrays with shape, strides, views, broadcasting and dtypes, and the
 * façade through which every operation (and so every graph node) is reached. Also the value
 * types around it: {@link org.jgrad.DType}, {@link org.jgrad.Shape} helpers, and the seeded,
 * splittable {@link org.jgrad.Rng}.
 */
package org.jgrad;
