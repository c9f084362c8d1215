package org.jgrad;

/**
 * The result of a reduction that also locates its values, such as {@link Tensor#max(int, boolean)}:
 * the values (differentiable) and their int64 indices along the reduced dimension.
 */
public record IndexedValues(Tensor values, Tensor indices) {
}
