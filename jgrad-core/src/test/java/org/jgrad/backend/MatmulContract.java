package org.jgrad.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.jgrad.Rng;
import org.jgrad.backend.Operands.Type;
import org.junit.jupiter.api.Test;

/**
 * What every fast {@code matmul} owes the reference backend; a subclass names the backend. A
 * float32 product sums in float (the reference sums in double), so each element of C may differ
 * by the error bound of a float dot product, {@code |Δ| ≤ 4·k·u·Σₚ|aᵢₚ·bₚⱼ|} with {@code u =
 * 2⁻²⁴}; float64 products must match exactly unless {@link #float64Exact()} says otherwise, and
 * then within the same bound with {@code u = 2⁻⁵³}. Mixed element types fall back and must match
 * exactly. Every C storage starts full of a sentinel, and elements outside the m×n tile must
 * keep it. Sizes straddle the SIMD kernel's 4-row and 16-column tiles, its 128-row block and
 * 256-deep slice.
 */
public abstract class MatmulContract {

    private static final int[] SIZES = {1, 3, 15, 16, 17, 127, 129, 257};

    private final Backend reference = new ReferenceBackend();

    /** The backend under test. */
    protected abstract Backend backend();

    /** Whether float64 products must equal the reference's bit for bit (the reference's own loop). */
    protected abstract boolean float64Exact();

    /** How an r×c operand sits in its storage. */
    enum Layout {
        /** Row-major, from index 0. */
        PACKED,
        /** Row-major inside a wider array (rows padded by 3), at an offset. */
        PADDED,
        /** The transpose of a packed c×r array, padded: strides {1, r + 2}, so the column stride is not 1. */
        TRANSPOSED,
        /** Every second column of a wider array: neither stride is 1. */
        STRIDED;

        int[] strides(int rows, int cols) {
            return switch (this) {
                case PACKED -> new int[] {cols, 1};
                case PADDED -> new int[] {cols + 3, 1};
                case TRANSPOSED -> new int[] {1, rows + 2};
                case STRIDED -> new int[] {2 * cols + 1, 2};
            };
        }

        int offset() {
            return switch (this) {
                case PACKED -> 0;
                case PADDED -> 5;
                case TRANSPOSED -> 1;
                case STRIDED -> 3;
            };
        }

        Operands.View view(int rows, int cols) {
            return new Operands.View(name(), offset(), strides(rows, cols));
        }
    }

    @Test
    void eachSizeAsRowsColumnsAndDepth() {
        for (int s : SIZES) {
            checkFloats(s, 3, 17, Layout.PACKED, Layout.PACKED, Layout.PACKED);
            checkFloats(17, s, 3, Layout.PACKED, Layout.PACKED, Layout.PACKED);
            checkFloats(3, 17, s, Layout.PACKED, Layout.PACKED, Layout.PACKED);
            checkFloats(s, 15, s, Layout.PADDED, Layout.TRANSPOSED, Layout.PADDED);
        }
        checkFloats(129, 127, 257, Layout.PACKED, Layout.PACKED, Layout.PACKED);
        checkFloats(257, 129, 16, Layout.TRANSPOSED, Layout.PADDED, Layout.PACKED);
    }

    /** The products of the 784-256-128-10 MLP at batch 128: X·W, Xᵀ·dY and dY·Wᵀ, and the output layer. */
    @Test
    void mlpShapes() {
        checkFloats(128, 256, 784, Layout.PACKED, Layout.PACKED, Layout.PACKED);
        checkFloats(784, 256, 128, Layout.TRANSPOSED, Layout.PACKED, Layout.PACKED);
        checkFloats(128, 784, 256, Layout.PACKED, Layout.TRANSPOSED, Layout.PACKED);
        checkFloats(128, 10, 128, Layout.PACKED, Layout.PACKED, Layout.PACKED);
    }

    /** Every layout of A, B and C: transposes, offsets, padding, and C with a column stride other than 1. */
    @Test
    void everyLayoutOfEveryOperand() {
        for (Layout la : Layout.values()) {
            for (Layout lb : Layout.values()) {
                for (Layout lc : Layout.values()) {
                    checkFloats(9, 19, 21, la, lb, lc);
                    checkFloats(33, 16, 260, la, lb, lc);
                }
            }
        }
    }

    @Test
    void emptyDepthWritesZeros() {
        for (Layout lc : Layout.values()) {
            for (int[] mn : new int[][] {{1, 1}, {5, 7}, {17, 33}}) {
                Storage[] c = checkFloats(mn[0], mn[1], 0, Layout.PACKED, Layout.PACKED, lc);
                Strided view = new Strided(c[1], lc.offset(), lc.strides(mn[0], mn[1]));
                for (int i = 0; i < mn[0]; i++) {
                    for (int j = 0; j < mn[1]; j++) {
                        assertEquals(0, Float.floatToRawIntBits((float) view.storage().get(at(view, i, j))),
                                "k = 0: C[" + i + ", " + j + "] must be +0");
                    }
                }
            }
        }
    }

    @Test
    void emptyRowsOrColumnsWriteNothing() {
        for (int[] mnk : new int[][] {{0, 5, 7}, {5, 0, 7}, {0, 0, 7}, {0, 5, 0}, {5, 0, 0}, {0, 300, 300}}) {
            for (Type type : Type.values()) {
                Storage[] c = check(type, mnk[0], mnk[1], mnk[2], Layout.PADDED, Layout.PADDED, Layout.PADDED, new Rng(1));
                Storage untouched = Operands.sentinel(type, c[1].size());
                Operands.assertSameBits(untouched, c[1], "m, n, k = " + java.util.Arrays.toString(mnk));
            }
        }
    }

    @Test
    void float64MatchesTheReference() {
        for (int s : new int[] {1, 3, 16, 17, 129}) {
            for (Layout layout : Layout.values()) {
                check(Type.FLOAT64, s, 17, 19, layout, Layout.PACKED, layout, new Rng(s));
                check(Type.FLOAT64, 15, s, 257, Layout.PACKED, layout, Layout.PADDED, new Rng(s));
            }
        }
    }

    /** A float32 operand with a float64 one, or a float64 C, falls back: exactly the reference's result. */
    @Test
    void mixedTypesAreExactlyTheReference() {
        Rng rng = new Rng(3);
        int m = 17, n = 33, k = 19;
        Storage[][] combos = {
            {Operands.random(Type.FLOAT32, rng, m * k, false), Operands.random(Type.FLOAT64, rng, k * n, false),
                Operands.sentinel(Type.FLOAT32, m * n)},
            {Operands.random(Type.FLOAT64, rng, m * k, false), Operands.random(Type.FLOAT32, rng, k * n, false),
                Operands.sentinel(Type.FLOAT64, m * n)},
            {Operands.random(Type.FLOAT32, rng, m * k, false), Operands.random(Type.FLOAT32, rng, k * n, false),
                Operands.sentinel(Type.FLOAT64, m * n)},
        };
        for (Storage[] s : combos) {
            Storage expected = Operands.copy(s[2]);
            Storage actual = Operands.copy(s[2]);
            Strided a = Strided.contiguous(s[0], new int[] {m, k});
            Strided b = Strided.contiguous(s[1], new int[] {k, n});
            reference.matmul(a, b, Strided.contiguous(expected, new int[] {m, n}), m, n, k);
            backend().matmul(a, b, Strided.contiguous(actual, new int[] {m, n}), m, n, k);
            Operands.assertSameBits(expected, actual, "mixed " + s[0].getClass().getSimpleName() + " · "
                    + s[1].getClass().getSimpleName() + " -> " + s[2].getClass().getSimpleName());
        }
    }

    /**
     * NaN and infinities propagate as in the reference: NaN from a NaN input, from ∞·0 and from
     * ∞ − ∞; an infinity of the same sign elsewhere. Depth 300 crosses a k slice.
     */
    @Test
    void nanAndInfinityPropagate() {
        int m = 9, n = 19, k = 300;
        for (Layout la : new Layout[] {Layout.PACKED, Layout.TRANSPOSED}) {
            Rng rng = new Rng(11);
            Operands.View av = la.view(m, k);
            Operands.View bv = Layout.PACKED.view(k, n);
            float[] a = floats(rng, av.storageSize(new int[] {m, k}));
            float[] b = floats(rng, bv.storageSize(new int[] {k, n}));
            Strided as = av.on(new Storage.Floats(a));
            Strided bs = bv.on(new Storage.Floats(b));
            a[at(as, 1, 5)] = Float.NaN;                  // row 1 all NaN
            a[at(as, 2, 7)] = Float.POSITIVE_INFINITY;    // row 2: ±∞, NaN in column 4 (∞·0)
            b[at(bs, 7, 4)] = 0;
            a[at(as, 3, 260)] = Float.POSITIVE_INFINITY;  // row 3: ∞ − ∞ in every column
            a[at(as, 3, 261)] = Float.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                b[at(bs, 260, j)] = Math.abs(b[at(bs, 260, j)]) + 0.5f;
                b[at(bs, 261, j)] = -Math.abs(b[at(bs, 261, j)]) - 0.5f;
            }
            b[at(bs, 100, 9)] = Float.NEGATIVE_INFINITY;  // column 9: -∞ times row values, NaN with rows 1-3
            Storage[] c = compare(as, bs, Layout.PADDED.view(m, n), Type.FLOAT32, m, n, k, "NaN/∞ " + la);
            Strided cv = Layout.PADDED.view(m, n).on(c[1]);
            assertTrue(Float.isNaN((float) c[1].get(at(cv, 1, 0))));
            assertTrue(Float.isNaN((float) c[1].get(at(cv, 2, 4))));
            assertTrue(Float.isInfinite((float) c[1].get(at(cv, 2, 3))));
            assertTrue(Float.isNaN((float) c[1].get(at(cv, 3, 0))));
            assertTrue(Float.isInfinite((float) c[1].get(at(cv, 0, 9))));
        }
    }

    /**
     * Reversed rows or columns (negative strides). The tensor layer makes no negative strides
     * today, but {@link Strided} allows them and the reference walks them.
     */
    @Test
    void reversedOperands() {
        int m = 21, n = 35, k = 270;
        Rng rng = new Rng(12);
        Operands.View[] as = {
            new Operands.View("A rows reversed", (m - 1) * k, new int[] {-k, 1}),
            new Operands.View("A transposed, columns reversed", (k - 1) * m, new int[] {1, -m}),
        };
        Operands.View[] bs = {
            new Operands.View("B columns reversed", n - 1, new int[] {n, -1}),
            new Operands.View("B transposed, rows reversed", (n - 1) * k, new int[] {1, -k}),
        };
        Operands.View[] cs = {
            new Operands.View("C rows reversed", (m - 1) * n + 2, new int[] {-n, 1}),
            new Operands.View("C columns reversed", n, new int[] {n + 1, -1}),
        };
        for (Operands.View av : as) {
            Strided a = av.on(new Storage.Floats(floats(rng, m * k + 4)));
            for (Operands.View bv : bs) {
                Strided b = bv.on(new Storage.Floats(floats(rng, k * n + 4)));
                for (Operands.View cv : cs) {
                    compare(a, b, cv, Type.FLOAT32, m, n, k, av + ", " + bv + ", " + cv);
                }
            }
        }
    }

    /** Runs a float32 product with random operands in [-1, 1); returns {reference C, tested C}. */
    private Storage[] checkFloats(int m, int n, int k, Layout la, Layout lb, Layout lc) {
        return check(Type.FLOAT32, m, n, k, la, lb, lc, new Rng(1000L * m + 31L * n + k));
    }

    private Storage[] check(Type type, int m, int n, int k, Layout la, Layout lb, Layout lc, Rng rng) {
        Operands.View av = la.view(m, k);
        Operands.View bv = lb.view(k, n);
        Storage a = type == Type.FLOAT32 ? new Storage.Floats(floats(rng, av.storageSize(new int[] {m, k})))
                : Operands.random(type, rng, av.storageSize(new int[] {m, k}), false);
        Storage b = type == Type.FLOAT32 ? new Storage.Floats(floats(rng, bv.storageSize(new int[] {k, n})))
                : Operands.random(type, rng, bv.storageSize(new int[] {k, n}), false);
        return compare(av.on(a), bv.on(b), lc.view(m, n), type, m, n, k,
                type + " " + m + "×" + n + "×" + k + " A " + la + ", B " + lb + ", C " + lc);
    }

    /**
     * C by both backends into sentinel-filled storages, within the dot-product bound (float64
     * exactly, if so promised); the same NaN and infinities; every element outside the tile
     * untouched. Returns {reference C, tested C}.
     */
    private Storage[] compare(Strided a, Strided b, Operands.View cv, Type type, int m, int n, int k, String context) {
        Storage expected = Operands.sentinel(type, cv.storageSize(new int[] {m, n}));
        Storage actual = Operands.copy(expected);
        reference.matmul(a, b, cv.on(expected), m, n, k);
        backend().matmul(a, b, cv.on(actual), m, n, k);
        if (type == Type.FLOAT64 && float64Exact()) {
            Operands.assertSameBits(expected, actual, context);
            return new Storage[] {expected, actual};
        }
        double unit = type == Type.FLOAT32 ? 0x1p-24 : 0x1p-53;
        boolean[] inTile = new boolean[expected.size()];
        Strided c = cv.on(actual);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int at = at(c, i, j);
                inTile[at] = true;
                double e = expected.get(at);
                double x = actual.get(at);
                String where = context + ": C[" + i + ", " + j + "] = " + x + ", reference " + e;
                if (Double.isNaN(e) || Double.isInfinite(e)) {
                    assertEquals(e, x, where);
                    continue;
                }
                double bound = 0;
                for (int p = 0; p < k; p++) {
                    bound += Math.abs(a.storage().get(at(a, i, p)) * b.storage().get(at(b, p, j)));
                }
                bound *= 4.0 * k * unit;
                if (!(Math.abs(x - e) <= bound)) {
                    fail(where + ", allowed ±" + bound);
                }
            }
        }
        for (int i = 0; i < inTile.length; i++) {
            if (!inTile[i] && actual.get(i) != Operands.SENTINEL) {
                fail(context + ": element " + i + " outside the tile was overwritten with " + actual.get(i));
            }
        }
        return new Storage[] {expected, actual};
    }

    private static int at(Strided s, int row, int col) {
        return s.offset() + row * s.strides()[0] + col * s.strides()[1];
    }

    private static float[] floats(Rng rng, int size) {
        float[] data = new float[size];
        for (int i = 0; i < size; i++) {
            data[i] = 2 * rng.nextFloat() - 1;
        }
        return data;
    }
}
