package org.jgrad.data;

/** How an image transform reads the input between pixel centres; outside the image it reads 0. */
public enum Interpolation {
    /** The nearest pixel: values stay those of the image; edges stay sharp. */
    NEAREST,
    /** The distance-weighted mean of the four surrounding pixels: smooth, no jagged edges. */
    BILINEAR
}
