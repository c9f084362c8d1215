package org.jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix product {@code C = A·B} in the Goto/BLIS shape: B is packed into
 * 16-column panels and A into 4-row panels, one {@code KC}-deep slice of k at a time, and a
 * 4×16 micro-kernel keeps its tile of C in eight 256-bit registers while it streams the two
 * panels. Packing reads any strides, so transposed operands cost nothing extra.
 *
 * <p>Why this shape: 4×16 is the largest tile whose accumulators, two B vectors and a broadcast
 * fit the 16 AVX2 registers (6×16 spills and runs at half speed); a B panel of 16 × 256 floats
 * (16 KiB) stays in L1 while every A panel of the block passes over it; the A block (128 × 256
 * floats) and the B slice stay in L2. Each element of C is summed in the same order whatever
 * the row range a call covers, so splitting rows between threads changes no bit.
 */
final class FloatGemm {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_256;
    private static final int LANES = 8;
    private static final FloatVector ZERO = FloatVector.zero(SPECIES);
    static final int MR = 4;
    static final int NR = 16;
    private static final int KC = 256;
    private static final int MC = 128;

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[3][]);

    private FloatGemm() {
    }

    /** An operand: array, offset, and the strides of its rows and columns. */
    record Matrix(float[] data, int offset, int rowStride, int colStride) {
        float get(int row, int col) {
            return data[offset + row * rowStride + col * colStride];
        }
    }

    /**
     * What happens to C's elements as the last k slice stores them: {@code bias[biasOffset + j]}
     * (a packed row, or none) is added to column {@code j}, then ReLU applied if {@code relu};
     * each a float operation of its own, as the separate kernels would do it.
     */
    record Epilogue(float[] bias, int biasOffset, boolean relu) {
        /** Nothing: C is the product. */
        static final Epilogue NONE = new Epilogue(null, 0, false);
    }

    /** {@code C[rowStart..rowEnd) = A·B} for an m×k A and a k×n B, rows of C in the given range only. */
    static void multiply(Matrix a, Matrix b, Matrix c, int rowStart, int rowEnd, int n, int k) {
        multiply(a, b, c, rowStart, rowEnd, n, k, Epilogue.NONE);
    }

    /**
     * {@code C[rowStart..rowEnd) = epilogue(A·B)}; {@code k} must be positive when there is an
     * epilogue (with no k there is no last slice to apply it in).
     */
    static void multiply(Matrix a, Matrix b, Matrix c, int rowStart, int rowEnd, int n, int k, Epilogue epilogue) {
        if (rowEnd <= rowStart || n == 0) {
            return;
        }
        if (k == 0) {
            for (int i = rowStart; i < rowEnd; i++) {
                for (int j = 0; j < n; j++) {
                    c.data()[c.offset() + i * c.rowStride() + j * c.colStride()] = 0;
                }
            }
            return;
        }
        int panels = (n + NR - 1) / NR;
        float[][] buffers = BUFFERS.get();
        float[] packedB = buffer(buffers, 0, panels * NR * Math.min(KC, k));
        float[] packedA = buffer(buffers, 1, MC * Math.min(KC, k));
        float[] tile = buffer(buffers, 2, MR * NR);
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            Epilogue last = p0 + kc == k ? epilogue : Epilogue.NONE;
            packB(b, p0, kc, n, packedB);
            for (int i0 = rowStart; i0 < rowEnd; i0 += MC) {
                int mc = Math.min(MC, rowEnd - i0);
                packA(a, i0, mc, p0, kc, packedA);
                for (int jp = 0; jp < panels; jp++) {
                    int cols = Math.min(NR, n - jp * NR);
                    for (int ip = 0; ip * MR < mc; ip++) {
                        int rows = Math.min(MR, mc - ip * MR);
                        kernel(packedA, ip * MR * kc, packedB, jp * NR * kc, kc,
                                c, i0 + ip * MR, jp * NR, rows, cols, p0 > 0, last, tile);
                    }
                }
            }
        }
    }

    private static float[] buffer(float[][] buffers, int which, int size) {
        if (buffers[which] == null || buffers[which].length < size) {
            buffers[which] = new float[size];
        }
        return buffers[which];
    }

    /**
     * B rows {@code p0..p0+kc}, as panels of NR columns: {@code packed[(panel·kc + p)·NR + j]},
     * zero-padded. Reads along whichever stride of B is 1, so a transposed B packs as fast.
     */
    private static void packB(Matrix b, int p0, int kc, int n, float[] packed) {
        for (int jp = 0, panels = (n + NR - 1) / NR; jp < panels; jp++) {
            int cols = Math.min(NR, n - jp * NR);
            int base = jp * kc * NR;
            int from = b.offset() + p0 * b.rowStride() + jp * NR * b.colStride();
            if (b.colStride() == 1 || b.rowStride() != 1) {
                for (int p = 0; p < kc; p++) {
                    for (int j = 0; j < cols; j++) {
                        packed[base + p * NR + j] = b.data()[from + p * b.rowStride() + j * b.colStride()];
                    }
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    for (int p = 0; p < kc; p++) {
                        packed[base + p * NR + j] = b.data()[from + j * b.colStride() + p];
                    }
                }
            }
            if (cols < NR) {
                for (int p = 0; p < kc; p++) {
                    java.util.Arrays.fill(packed, base + p * NR + cols, base + (p + 1) * NR, 0f);
                }
            }
        }
    }

    /**
     * A rows {@code i0..i0+mc}, columns {@code p0..p0+kc}, as panels of MR rows: {@code
     * packed[(panel·kc + p)·MR + r]}, zero-padded. Reads along whichever stride of A is 1.
     */
    private static void packA(Matrix a, int i0, int mc, int p0, int kc, float[] packed) {
        for (int ip = 0; ip * MR < mc; ip++) {
            int base = ip * MR * kc;
            int rows = Math.min(MR, mc - ip * MR);
            int from = a.offset() + (i0 + ip * MR) * a.rowStride() + p0 * a.colStride();
            if (a.rowStride() == 1 && a.colStride() != 1) {
                for (int p = 0; p < kc; p++) {
                    for (int r = 0; r < rows; r++) {
                        packed[base + p * MR + r] = a.data()[from + p * a.colStride() + r];
                    }
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    for (int p = 0; p < kc; p++) {
                        packed[base + p * MR + r] = a.data()[from + r * a.rowStride() + p * a.colStride()];
                    }
                }
            }
            for (int r = rows; r < MR; r++) {
                for (int p = 0; p < kc; p++) {
                    packed[base + p * MR + r] = 0;
                }
            }
        }
    }

    /**
     * One MR×NR tile of C from an A panel and a B panel of depth kc; adds to C when
     * {@code accumulate} (later k slices), else overwrites, then applies {@code epilogue}. Tiles
     * of whole rows of packed C are stored as vectors, the rest through {@code tile}, a scratch
     * of MR×NR floats. (Not with masked stores: those measured several times slower here, as the
     * Vector API checks their lanes one by one.)
     */
    private static void kernel(float[] pa, int aBase, float[] pb, int bBase, int kc, Matrix c, int row, int col,
                               int rows, int cols, boolean accumulate, Epilogue epilogue, float[] tile) {
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = FloatVector.zero(SPECIES);
        FloatVector c10 = FloatVector.zero(SPECIES), c11 = FloatVector.zero(SPECIES);
        FloatVector c20 = FloatVector.zero(SPECIES), c21 = FloatVector.zero(SPECIES);
        FloatVector c30 = FloatVector.zero(SPECIES), c31 = FloatVector.zero(SPECIES);
        for (int p = 0; p < kc; p++) {
            int bi = bBase + p * NR;
            FloatVector b0 = FloatVector.fromArray(SPECIES, pb, bi);
            FloatVector b1 = FloatVector.fromArray(SPECIES, pb, bi + LANES);
            int ai = aBase + p * MR;
            FloatVector a = FloatVector.broadcast(SPECIES, pa[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(SPECIES, pa[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(SPECIES, pa[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(SPECIES, pa[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
        }
        if (c.colStride() == 1 && cols == NR) {
            float[] out = c.data();
            int at = c.offset() + row * c.rowStride() + col;
            int rs = c.rowStride();
            boolean relu = epilogue.relu();
            float[] bias = epilogue.bias();
            // Never a null vector: C2 has crashed on a vector that may be null.
            boolean biased = bias != null;
            FloatVector lowBias = biased ? FloatVector.fromArray(SPECIES, bias, epilogue.biasOffset() + col) : ZERO;
            FloatVector highBias = biased ? FloatVector.fromArray(SPECIES, bias, epilogue.biasOffset() + col + LANES) : ZERO;
            store(c00, c01, out, at, accumulate, biased, lowBias, highBias, relu);
            if (rows > 1) {
                store(c10, c11, out, at + rs, accumulate, biased, lowBias, highBias, relu);
            }
            if (rows > 2) {
                store(c20, c21, out, at + 2 * rs, accumulate, biased, lowBias, highBias, relu);
            }
            if (rows > 3) {
                store(c30, c31, out, at + 3 * rs, accumulate, biased, lowBias, highBias, relu);
            }
            return;
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, LANES);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + LANES);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + LANES);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + LANES);
        float[] out = c.data();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                int at = c.offset() + (row + r) * c.rowStride() + (col + j) * c.colStride();
                float v = accumulate ? out[at] + tile[r * NR + j] : tile[r * NR + j];
                v = epilogue.bias() == null ? v : v + epilogue.bias()[epilogue.biasOffset() + col + j];
                out[at] = epilogue.relu() ? Math.max(v, 0f) : v;
            }
        }
    }

    /**
     * Stores one row of a tile of C, sixteen elements: the old values added when {@code
     * accumulate}, then the bias when {@code biased}, then ReLU if {@code relu}. The vector {@code
     * max} with +0 and the scalar {@code Math.max} of the edge tiles agree with the reference's
     * ReLU on −0 (+0) and NaN (NaN).
     */
    private static void store(FloatVector low, FloatVector high, float[] out, int at, boolean accumulate,
                              boolean biased, FloatVector lowBias, FloatVector highBias, boolean relu) {
        if (accumulate) {
            low = low.add(FloatVector.fromArray(SPECIES, out, at));
            high = high.add(FloatVector.fromArray(SPECIES, out, at + LANES));
        }
        if (biased) {
            low = low.add(lowBias);
            high = high.add(highBias);
        }
        if (relu) {
            low = low.max(ZERO);
            high = high.max(ZERO);
        }
        low.intoArray(out, at);
        high.intoArray(out, at + LANES);
    }
}
