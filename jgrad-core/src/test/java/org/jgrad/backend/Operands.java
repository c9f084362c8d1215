package org.jgrad.backend;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jgrad.Rng;

/**
 * Operands and comparisons for the tests that hold the faster backends to the reference backend:
 * random storages salted with special values, the layouts a kernel may be handed, and
 * element-by-element comparisons of whole storages (so that elements a kernel should not touch
 * are checked as well).
 */
public final class Operands {

    /** Lengths that straddle the 8-float vector: tails of every size, several vectors, more than 128 and 256. */
    public static final int[] LENGTHS = {1, 3, 7, 8, 9, 15, 16, 17, 127, 129, 257};

    /** What every destination storage holds before a kernel runs. */
    public static final double SENTINEL = -12345.5;

    /** NaN, infinities, signed zeros, the largest and smallest values (subnormal included), and a few plain ones. */
    public static final float[] FLOAT_SPECIALS = {
        Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
        Float.MAX_VALUE, -Float.MAX_VALUE, 1e30f, -3e20f, Float.MIN_NORMAL, -Float.MIN_NORMAL,
        Float.MIN_VALUE, -Float.MIN_VALUE, 1e-40f, -3e-39f, 1e-30f, 1f, -1f, 0.5f, 2f, -88.5f, 89f,
    };

    /** The float64 counterparts of {@link #FLOAT_SPECIALS}. */
    public static final double[] DOUBLE_SPECIALS = {
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
        Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -3e200, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, -3e-320, 1e-300, 1.0, -1.0, 0.5, 2.0, -745.5, 710.0,
        Float.MAX_VALUE, 1e-40f,
    };

    /** The element types the kernels are compared in. */
    public enum Type { FLOAT32, FLOAT64 }

    /** A named place for an operand of some shape: offset and strides into a storage. */
    public record View(String name, int offset, int[] strides) {

        /** Elements a storage needs so that this view of {@code shape} fits, plus a little slack. */
        public int storageSize(int[] shape) {
            int last = offset;
            for (int d = 0; d < shape.length; d++) {
                last += Math.max(shape[d] - 1, 0) * Math.max(strides[d], 0);
            }
            return last + 4;
        }

        public Strided on(Storage storage) {
            return new Strided(storage, offset, strides);
        }

        @Override
        public String toString() {
            return name + "@" + offset + Arrays.toString(strides);
        }
    }

    private Operands() {
    }

    /** Shapes for element-wise kernels: each length as a vector and as the rows of a 3-row matrix, a scalar, a 3-D block. */
    public static List<int[]> elementwiseShapes() {
        List<int[]> shapes = new ArrayList<>();
        shapes.add(new int[0]);
        for (int n : LENGTHS) {
            shapes.add(new int[] {n});
            shapes.add(new int[] {3, n});
        }
        shapes.add(new int[] {2, 3, 9});
        return shapes;
    }

    /**
     * Ways a source of {@code shape} may be laid out: packed at an offset, its last dimension
     * broadcast (stride 0), every second element, transposed (column-major; stride 3 for a
     * vector), and one broadcast scalar.
     */
    public static List<View> sourceViews(int[] shape) {
        int rank = shape.length;
        int[] packed = Strided.rowMajorStrides(shape);
        int[] broadcast = packed.clone();
        int[] stepped = new int[rank];
        int[] transposed = new int[rank];
        int step = 1;
        for (int d = 0; d < rank; d++) {
            stepped[d] = 2 * packed[d];
            transposed[d] = step;
            step *= Math.max(shape[d], 1);
        }
        if (rank > 0) {
            int[] rowShape = shape.clone();
            rowShape[rank - 1] = 1;
            broadcast = Strided.rowMajorStrides(rowShape);
            broadcast[rank - 1] = 0;
        }
        if (rank == 1) {
            transposed[0] = 3;
        }
        return List.of(new View("packed", 3, packed), new View("broadcast", 1, broadcast),
                new View("stepped", 1, stepped), new View("transposed", 2, transposed),
                new View("scalar", 5, new int[rank]));
    }

    /**
     * Ways a destination may be laid out: a view into a wider array (rows padded by 4, at an
     * offset), and a transposed one whose inner stride is not 1.
     */
    public static List<View> destinationViews(int[] shape) {
        int rank = shape.length;
        int[] padded = new int[rank];
        int[] transposed = new int[rank];
        int stride = 1;
        int step = 1;
        for (int d = rank - 1; d >= 0; d--) {
            padded[d] = stride;
            stride *= d == rank - 1 ? shape[d] + 4 : Math.max(shape[d], 1);
        }
        for (int d = 0; d < rank; d++) {
            transposed[d] = rank == 1 ? 2 : step;
            step *= Math.max(shape[d], 1);
        }
        return List.of(new View("view", 2, padded), new View("transposedDst", 1, transposed));
    }

    /**
     * Random values in [-4, 4) where, if {@code specials}, about one element in four is one of
     * the special values instead.
     */
    public static Storage random(Type type, Rng rng, int size, boolean specials) {
        return switch (type) {
            case FLOAT32 -> {
                float[] data = new float[size];
                for (int i = 0; i < size; i++) {
                    data[i] = specials && rng.nextInt(4) == 0
                            ? FLOAT_SPECIALS[rng.nextInt(FLOAT_SPECIALS.length)] : 8 * rng.nextFloat() - 4;
                }
                yield new Storage.Floats(data);
            }
            case FLOAT64 -> {
                double[] data = new double[size];
                for (int i = 0; i < size; i++) {
                    data[i] = specials && rng.nextInt(4) == 0
                            ? DOUBLE_SPECIALS[rng.nextInt(DOUBLE_SPECIALS.length)] : 8 * rng.nextDouble() - 4;
                }
                yield new Storage.Doubles(data);
            }
        };
    }

    /** A storage of the given type filled with {@code value}. */
    public static Storage filled(Type type, int size, double value) {
        return switch (type) {
            case FLOAT32 -> {
                float[] data = new float[size];
                Arrays.fill(data, (float) value);
                yield new Storage.Floats(data);
            }
            case FLOAT64 -> {
                double[] data = new double[size];
                Arrays.fill(data, value);
                yield new Storage.Doubles(data);
            }
        };
    }

    /** A storage of {@code size} elements filled with {@link #SENTINEL}. */
    public static Storage sentinel(Type type, int size) {
        return filled(type, size, SENTINEL);
    }

    /** An independent copy. */
    public static Storage copy(Storage storage) {
        return switch (storage) {
            case Storage.Floats f -> new Storage.Floats(f.data().clone());
            case Storage.Doubles d -> new Storage.Doubles(d.data().clone());
            case Storage.Longs l -> new Storage.Longs(l.data().clone());
        };
    }

    /** The type of a floating-point storage. */
    public static Type typeOf(Storage storage) {
        return storage instanceof Storage.Floats ? Type.FLOAT32 : Type.FLOAT64;
    }

    /**
     * Every element the same bits, except that any NaN matches any NaN; zeros must agree in sign.
     */
    public static void assertSameBits(Storage expected, Storage actual, String context) {
        assertSameSize(expected, actual, context);
        for (int i = 0; i < expected.size(); i++) {
            if (!sameBits(expected, actual, i)) {
                fail(context + ": element " + i + " is " + describe(actual, i) + ", reference " + describe(expected, i));
            }
        }
    }

    /**
     * Every element within {@code ulps} units in the last place of the reference value (in the
     * storage's precision), with the same classification: NaN where the reference is NaN, the
     * same infinity, the same signed zero.
     */
    public static void assertWithinUlps(Storage expected, Storage actual, int ulps, String context) {
        assertSameSize(expected, actual, context);
        for (int i = 0; i < expected.size(); i++) {
            if (sameBits(expected, actual, i)) {
                continue;
            }
            double e = expected.get(i);
            double a = actual.get(i);
            boolean special = Double.isNaN(e) || Double.isNaN(a) || Double.isInfinite(e) || Double.isInfinite(a)
                    || e == 0 || a == 0;
            double ulp = expected instanceof Storage.Floats ? Math.ulp((float) e) : Math.ulp(e);
            if (special || Math.abs(a - e) > ulps * ulp) {
                fail(context + ": element " + i + " is " + describe(actual, i) + ", reference " + describe(expected, i)
                        + " (allowed " + ulps + " ulps)");
            }
        }
    }

    private static void assertSameSize(Storage expected, Storage actual, String context) {
        if (expected.getClass() != actual.getClass() || expected.size() != actual.size()) {
            fail(context + ": storages differ in type or size");
        }
    }

    private static boolean sameBits(Storage expected, Storage actual, int i) {
        return switch (expected) {
            case Storage.Floats f -> Float.floatToIntBits(f.data()[i]) == Float.floatToIntBits(((Storage.Floats) actual).data()[i]);
            case Storage.Doubles d -> Double.doubleToLongBits(d.data()[i]) == Double.doubleToLongBits(((Storage.Doubles) actual).data()[i]);
            case Storage.Longs l -> l.data()[i] == ((Storage.Longs) actual).data()[i];
        };
    }

    private static String describe(Storage storage, int i) {
        return switch (storage) {
            case Storage.Floats f -> f.data()[i] + "f (0x" + Integer.toHexString(Float.floatToRawIntBits(f.data()[i])) + ")";
            case Storage.Doubles d -> d.data()[i] + " (0x" + Long.toHexString(Double.doubleToRawLongBits(d.data()[i])) + ")";
            case Storage.Longs l -> l.data()[i] + "L";
        };
    }
}
