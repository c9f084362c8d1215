package org.jgrad.backend.simd;

import static org.jgrad.backend.Operands.assertSameBits;
import static org.jgrad.backend.Operands.assertWithinUlps;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jgrad.Rng;
import org.jgrad.backend.Backend;
import org.jgrad.backend.BinaryOp;
import org.jgrad.backend.Operands.Type;
import org.jgrad.backend.Operands.View;
import org.jgrad.backend.Operands;
import org.jgrad.backend.ReferenceBackend;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;
import org.jgrad.backend.UnaryOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code map} and {@code zip} of the SIMD backend against the reference backend, for every op,
 * in float32 and float64, on awkward lengths and on every layout a kernel may be handed: packed
 * at an offset, broadcast (stride 0), stepped, transposed, a scalar; destinations a view into a
 * wider array or transposed. Sources are salted with NaN, infinities, signed zeros, huge and
 * subnormal values; a second test runs every pair of special values.
 *
 * <p>Exactly rounded operations (arithmetic, square root, comparisons, min/max, sign, pow on
 * the reference) must match bit for bit, NaN matching any NaN. The transcendental ones may be
 * vectorized some day with a few ulps of error, so they are held to 2 ulps and the same
 * NaN/infinity/zero classification.
 */
class SimdElementwiseTest {

    /** The ops whose result is not exactly rounded, so a fast path may differ in the last bits. */
    private static final Set<UnaryOp> APPROXIMATE = EnumSet.of(UnaryOp.EXP, UnaryOp.LOG, UnaryOp.TANH, UnaryOp.SIGMOID);

    private final Backend simd = new SimdBackend();
    private final Backend reference = new ReferenceBackend();

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void mapMatchesTheReferenceOnEveryLayout(UnaryOp op) {
        for (Type type : Type.values()) {
            Rng rng = new Rng(op.ordinal() * 31L + type.ordinal());
            for (int[] shape : Operands.elementwiseShapes()) {
                for (View from : Operands.sourceViews(shape)) {
                    Storage src = Operands.random(type, rng, from.storageSize(shape), true);
                    for (View to : Operands.destinationViews(shape)) {
                        checkMap(op, from.on(src), to, type, shape,
                                op + " " + type + " " + Arrays.toString(shape) + " " + from + " -> " + to);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(UnaryOp.class)
    void mapMatchesTheReferenceOnEverySpecialValue(UnaryOp op) {
        float[] floats = Operands.FLOAT_SPECIALS;
        double[] doubles = Operands.DOUBLE_SPECIALS;
        int[] fShape = {floats.length};
        int[] dShape = {doubles.length};
        View packed = new View("packed", 0, new int[] {1});
        checkMap(op, packed.on(new Storage.Floats(floats)), packed, Type.FLOAT32, fShape, op + " float32 specials");
        checkMap(op, packed.on(new Storage.Doubles(doubles)), packed, Type.FLOAT64, dShape, op + " float64 specials");
        // each special as a broadcast scalar, filling a row longer than a vector
        for (int i = 0; i < floats.length; i++) {
            Strided one = new Strided(new Storage.Floats(new float[] {floats[i]}), 0, new int[] {0});
            checkMap(op, one, packed, Type.FLOAT32, new int[] {11}, op + " broadcast " + floats[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void zipMatchesTheReferenceOnEveryLayout(BinaryOp op) {
        for (Type type : Type.values()) {
            Rng rng = new Rng(op.ordinal() * 37L + type.ordinal());
            for (int[] shape : Operands.elementwiseShapes()) {
                for (View left : Operands.sourceViews(shape)) {
                    Storage a = Operands.random(type, rng, left.storageSize(shape), true);
                    for (View right : Operands.sourceViews(shape)) {
                        Storage b = Operands.random(type, rng, right.storageSize(shape), true);
                        for (View to : Operands.destinationViews(shape)) {
                            checkZip(op, left.on(a), right.on(b), to, type, shape, op + " " + type + " "
                                    + Arrays.toString(shape) + " " + left + ", " + right + " -> " + to);
                        }
                    }
                }
            }
        }
    }

    /** Every ordered pair of special values, as two packed rows and as a row against a broadcast value. */
    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void zipMatchesTheReferenceOnEveryPairOfSpecialValues(BinaryOp op) {
        float[] fs = Operands.FLOAT_SPECIALS;
        int count = fs.length;
        float[] left = new float[count * count];
        float[] right = new float[count * count];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < count; j++) {
                left[i * count + j] = fs[i];
                right[i * count + j] = fs[j];
            }
        }
        int[] shape = {count * count};
        View packed = new View("packed", 0, new int[] {1});
        checkZip(op, packed.on(new Storage.Floats(left)), packed.on(new Storage.Floats(right)), packed,
                Type.FLOAT32, shape, op + " float32 special pairs");
        for (int i = 0; i < count; i++) {
            Strided scalar = new Strided(new Storage.Floats(new float[] {fs[i]}), 0, new int[] {0});
            Strided row = packed.on(new Storage.Floats(fs));
            checkZip(op, row, scalar, packed, Type.FLOAT32, new int[] {count}, op + " specials, " + fs[i]);
            checkZip(op, scalar, row, packed, Type.FLOAT32, new int[] {count}, op + " " + fs[i] + ", specials");
        }
        double[] ds = Operands.DOUBLE_SPECIALS;
        double[] dLeft = new double[ds.length * ds.length];
        double[] dRight = new double[ds.length * ds.length];
        for (int i = 0; i < ds.length; i++) {
            for (int j = 0; j < ds.length; j++) {
                dLeft[i * ds.length + j] = ds[i];
                dRight[i * ds.length + j] = ds[j];
            }
        }
        checkZip(op, packed.on(new Storage.Doubles(dLeft)), packed.on(new Storage.Doubles(dRight)), packed,
                Type.FLOAT64, new int[] {dLeft.length}, op + " float64 special pairs");
    }

    /** Mixed element types fall back to the reference, whose conversions go through double. */
    @ParameterizedTest
    @EnumSource(BinaryOp.class)
    void mixedTypesMatchTheReferenceExactly(BinaryOp op) {
        Rng rng = new Rng(op.ordinal());
        int[] shape = {3, 17};
        View packed = new View("packed", 0, Strided.rowMajorStrides(shape));
        Storage floats = Operands.random(Type.FLOAT32, rng, 60, true);
        Storage doubles = Operands.random(Type.FLOAT64, rng, 60, true);
        checkZip(op, packed.on(floats), packed.on(doubles), packed, Type.FLOAT32, shape, op + " f32, f64 -> f32");
        checkZip(op, packed.on(doubles), packed.on(floats), packed, Type.FLOAT64, shape, op + " f64, f32 -> f64");
        checkZip(op, packed.on(floats), packed.on(floats), packed, Type.FLOAT64, shape, op + " f32, f32 -> f64");
        for (UnaryOp unary : UnaryOp.values()) {
            checkMap(unary, packed.on(floats), packed, Type.FLOAT64, shape, unary + " f32 -> f64");
            checkMap(unary, packed.on(doubles), packed, Type.FLOAT32, shape, unary + " f64 -> f32");
        }
    }

    /** Operands that all lie packed, which the kernels walk as one row of every element. */
    @Test
    void packedOperandsMatchTheReference() {
        Rng rng = new Rng(97);
        for (int[] shape : Operands.elementwiseShapes()) {
            View packed = new View("packed", 1, Strided.rowMajorStrides(shape));
            Strided a = packed.on(Operands.random(Type.FLOAT32, rng, packed.storageSize(shape), true));
            Strided b = packed.on(Operands.random(Type.FLOAT32, rng, packed.storageSize(shape), true));
            for (UnaryOp op : UnaryOp.values()) {
                checkMap(op, a, packed, Type.FLOAT32, shape, op + " packed " + Arrays.toString(shape));
            }
            for (BinaryOp op : BinaryOp.values()) {
                checkZip(op, a, b, packed, Type.FLOAT32, shape, op + " packed " + Arrays.toString(shape));
            }
        }
    }

    /** A destination that is its source element for element, which the contract allows: map and zip in place. */
    @Test
    void inPlaceMatchesTheReference() {
        Rng rng = new Rng(99);
        for (int n : Operands.LENGTHS) {
            int[] shape = {3, n};
            View view = Operands.destinationViews(shape).getFirst();
            Storage original = Operands.random(Type.FLOAT32, rng, view.storageSize(shape), true);
            for (UnaryOp op : UnaryOp.values()) {
                Storage expected = Operands.copy(original);
                Storage actual = Operands.copy(original);
                reference.map(op, view.on(expected), view.on(expected), shape);
                simd.map(op, view.on(actual), view.on(actual), shape);
                String context = op + " in place " + Arrays.toString(shape);
                if (APPROXIMATE.contains(op)) {
                    assertWithinUlps(expected, actual, 2, context);
                } else {
                    assertSameBits(expected, actual, context);
                }
            }
            Strided other = Strided.contiguous(Operands.random(Type.FLOAT32, rng, 3 * n, true), shape);
            for (BinaryOp op : BinaryOp.values()) {
                Storage expected = Operands.copy(original);
                Storage actual = Operands.copy(original);
                reference.zip(op, view.on(expected), other, view.on(expected), shape);
                simd.zip(op, view.on(actual), other, view.on(actual), shape);
                assertSameBits(expected, actual, op + " in place " + Arrays.toString(shape));
            }
        }
    }

    /**
     * Reversed operands (stride −1, offset at the last element). The tensor layer makes no
     * negative strides today, but {@link Strided} allows them and the reference walks them.
     */
    @Test
    void reversedOperandsMatchTheReference() {
        Rng rng = new Rng(98);
        for (int n : Operands.LENGTHS) {
            int[] shape = {2, n};
            View packed = new View("packed", 1, new int[] {n, 1});
            View reversed = new View("reversed", 2 * n, new int[] {-n, -1});
            for (View x : List.of(packed, reversed)) {
                Strided a = x.on(Operands.random(Type.FLOAT32, rng, 2 * n + 4, true));
                for (UnaryOp op : UnaryOp.values()) {
                    if (!APPROXIMATE.contains(op)) {
                        checkMap(op, a, x == packed ? reversed : packed, Type.FLOAT32, shape, op + " " + x + " " + n);
                    }
                }
                for (View y : List.of(packed, reversed, new View("broadcast", 3, new int[] {-1, 0}))) {
                    Strided b = y.on(Operands.random(Type.FLOAT32, rng, 2 * n + 4, true));
                    for (BinaryOp op : BinaryOp.values()) {
                        checkZip(op, a, b, packed, Type.FLOAT32, shape, op + " " + x + ", " + y + " " + n);
                    }
                }
            }
        }
    }

    private void checkMap(UnaryOp op, Strided src, View to, Type dstType, int[] shape, String context) {
        Storage expected = Operands.sentinel(dstType, to.storageSize(shape));
        Storage actual = Operands.copy(expected);
        reference.map(op, src, to.on(expected), shape);
        simd.map(op, src, to.on(actual), shape);
        if (APPROXIMATE.contains(op)) {
            assertWithinUlps(expected, actual, 2, context);
        } else {
            assertSameBits(expected, actual, context);
        }
    }

    private void checkZip(BinaryOp op, Strided a, Strided b, View to, Type dstType, int[] shape, String context) {
        Storage expected = Operands.sentinel(dstType, to.storageSize(shape));
        Storage actual = Operands.copy(expected);
        reference.zip(op, a, b, to.on(expected), shape);
        simd.zip(op, a, b, to.on(actual), shape);
        assertSameBits(expected, actual, context);
    }
}
