package org.jgrad.backend;

/**
 * The flat array that holds a tensor's elements; several tensors (views) may share one.
 *
 * <p>Element access through {@link #get} and {@link #set} converts to and from {@code double},
 * which is exact for every float32 value and for integers up to 2<sup>53</sup>. Fast kernels
 * match on the concrete record and use its array directly.
 */
public sealed interface Storage permits Storage.Floats, Storage.Doubles, Storage.Longs {

    /** Number of elements. */
    int size();

    /** Element {@code i} as a double. */
    double get(int i);

    /** Stores {@code value} at {@code i}, rounded to this storage's element type. */
    void set(int i, double value);

    /** An empty storage of the same element type with {@code size} zeros. */
    Storage allocateLike(int size);

    /** 32-bit floating-point elements. */
    record Floats(float[] data) implements Storage {
        public int size() { return data.length; }
        public double get(int i) { return data[i]; }
        public void set(int i, double value) { data[i] = (float) value; }
        public Storage allocateLike(int size) { return new Floats(new float[size]); }
    }

    /** 64-bit floating-point elements. */
    record Doubles(double[] data) implements Storage {
        public int size() { return data.length; }
        public double get(int i) { return data[i]; }
        public void set(int i, double value) { data[i] = value; }
        public Storage allocateLike(int size) { return new Doubles(new double[size]); }
    }

    /** 64-bit integer elements, used for indices and class labels. */
    record Longs(long[] data) implements Storage {
        public int size() { return data.length; }
        public double get(int i) { return data[i]; }
        public void set(int i, double value) { data[i] = (long) value; }
        public Storage allocateLike(int size) { return new Longs(new long[size]); }
    }
}
