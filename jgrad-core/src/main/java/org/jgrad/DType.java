package org.jgrad;

import org.jgrad.backend.Storage;

/** Element types of a tensor. Floating-point types take part in autograd; {@link #INT64} holds indices. */
public enum DType {
    /** 32-bit IEEE 754 floats: the default for data and parameters. */
    FLOAT32("float32"),
    /** 64-bit IEEE 754 floats: for gradient checks and reference computations. */
    FLOAT64("float64"),
    /** 64-bit signed integers: class labels and the indices of gather, argmax and friends. */
    INT64("int64");

    private final String label;

    DType(String label) {
        this.label = label;
    }

    /** Whether values of this type can carry gradients. */
    public boolean isFloatingPoint() {
        return this != INT64;
    }

    /** A zero-filled storage for {@code size} elements of this type. */
    public Storage allocate(int size) {
        return switch (this) {
            case FLOAT32 -> new Storage.Floats(new float[size]);
            case FLOAT64 -> new Storage.Doubles(new double[size]);
            case INT64 -> new Storage.Longs(new long[size]);
        };
    }

    /** The type of the elements held by {@code storage}. */
    public static DType of(Storage storage) {
        return switch (storage) {
            case Storage.Floats f -> FLOAT32;
            case Storage.Doubles d -> FLOAT64;
            case Storage.Longs l -> INT64;
        };
    }

    /**
     * The type of a binary operation's result, as PyTorch promotes: float64 wins over float32,
     * and any float wins over int64.
     */
    public static DType promote(DType a, DType b) {
        if (a == FLOAT64 || b == FLOAT64) {
            return FLOAT64;
        }
        return a == FLOAT32 || b == FLOAT32 ? FLOAT32 : INT64;
    }

    @Override
    public String toString() {
        return label;
    }
}
