package org.jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix product {@code C = A·B} in the Goto/BLIS shape: B is packed into
 * panels of NR columns, one {@code KC}-deep slice of k at a time, and a micro-kernel keeps an
 * MR×NR tile of C in registers while it streams an A panel of MR rows and a B panel. NR is two
 * vectors. With 512-bit vectors, used where the CPU runs them (this is what {@code
 * FloatVector.SPECIES_PREFERRED} says), the tile is 8×32 and a row-major A is read in place;
 * with 256-bit ones it is 4×16 and A is packed too. The system property {@value #BITS_PROPERTY}
 * forces a width. Packing reads any strides, so transposed operands cost nothing extra.
 *
 * <p>Why these shapes: 4×16 is the largest tile whose eight accumulators, two B vectors and a
 * broadcast fit the 16 AVX2 registers (6×16 spills and runs at half speed). AVX-512 has 32
 * registers, room for 8×32's sixteen accumulators, which halve the loads per multiply-add of a
 * 4×32 tile: on a Zen 5 the MLP's large products went from 390 to 264 µs ({@code X·W}) and 338
 * to 265 µs ({@code Xᵀ·dY}), packing included. A B panel of NR × 256 floats (16 or 32 KiB)
 * stays in L1 while every A panel of the block passes over it; the A block (128 × 256 floats)
 * and the B slice stay in L2. A narrow C may be computed as its transpose ({@link
 * #betterTransposed}).
 *
 * <p>Determinism: each element of C is a chain of fused multiply-adds over p in order, restarted
 * at every k slice and added to the earlier slices' total, whatever the rows or columns a call
 * covers (so splitting a product between threads changes no bit), whether it is computed
 * transposed, and whatever the vector width (so AVX2 and AVX-512 machines agree).
 */
final class FloatGemm {

    /** The system property that sets the vector width in bits, 256 or 512; by default the widest the CPU runs, at least 256. */
    static final String BITS_PROPERTY = "jgrad.simd.bits";

    static final VectorSpecies<Float> SPECIES = species(Integer.getInteger(BITS_PROPERTY,
            Math.clamp(FloatVector.SPECIES_PREFERRED.vectorBitSize(), 256, 512)));
    private static final int LANES = SPECIES.length();
    private static final FloatVector ZERO = FloatVector.zero(SPECIES);
    static final int MR = LANES == 16 ? 8 : 4;
    static final int NR = 2 * LANES;
    private static final VectorSpecies<Float> PANEL = MR == 8 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_128;
    private static final int KC = 256;
    private static final int MC = 128;

    private static final ThreadLocal<float[][]> BUFFERS = ThreadLocal.withInitial(() -> new float[3][]);

    private FloatGemm() {
    }

    private static VectorSpecies<Float> species(int bits) {
        return switch (bits) {
            case 256 -> FloatVector.SPECIES_256;
            case 512 -> FloatVector.SPECIES_512;
            default -> throw new IllegalArgumentException(BITS_PROPERTY + ": 256 or 512, got " + bits);
        };
    }

    /** An operand: array, offset, and the strides of its rows and columns. */
    record Matrix(float[] data, int offset, int rowStride, int colStride) {
        float get(int row, int col) {
            return data[offset + row * rowStride + col * colStride];
        }

        /** The columns from {@code col} on. */
        Matrix fromColumn(int col) {
            return new Matrix(data, offset + col * colStride, rowStride, colStride);
        }

        /** The transpose, a view. */
        Matrix transposed() {
            return new Matrix(data, offset, colStride, rowStride);
        }
    }

    /**
     * What happens to C's elements as the last k slice stores them: {@code bias[biasOffset + j]}
     * (a packed vector, or none) is added to column {@code j} (to row {@code j} when {@code
     * perRow}, for a product computed transposed), then ReLU applied if {@code relu}; each a
     * float operation of its own, as the separate kernels would do it.
     */
    record Epilogue(float[] bias, int biasOffset, boolean relu, boolean perRow) {
        /** Nothing: C is the product. */
        static final Epilogue NONE = new Epilogue(null, 0, false, false);

        /** A bias along the columns (or none), then ReLU if {@code relu}. */
        Epilogue(float[] bias, int biasOffset, boolean relu) {
            this(bias, biasOffset, relu, false);
        }

        /** The same for the columns from {@code col} on. */
        Epilogue fromColumn(int col) {
            return bias == null || perRow ? this : new Epilogue(bias, biasOffset + col, relu, false);
        }

        /** The same for the transposed product. */
        Epilogue transposed() {
            return new Epilogue(bias, biasOffset, relu, !perRow);
        }

        float biasAt(int row, int col) {
            return bias[biasOffset + (perRow ? row : col)];
        }
    }

    /**
     * Whether an m×n product is better computed as its transpose, {@code Cᵀ = Bᵀ·Aᵀ}: tiles are
     * MR×NR, so a narrow C (the 10 classes of an output layer) fills a 32-wide tile a third full,
     * while its transpose fills 8-row tiles most of the way. Taken when that at least halves the
     * padded work and A is column-major (a transposed view, as {@code Xᵀ} in a weight gradient),
     * so that {@code Aᵀ} packs as B by plain copies: packed with gathers, a row-major A cost more
     * than the padding saved (the 128→10 forward product went from 47 to 42 GFLOP/s, the weight
     * gradient from 38 to 68). The same multiply-adds in the same order: the same bits.
     */
    static boolean betterTransposed(Matrix a, int m, int n) {
        long padded = (long) roundUp(m, MR) * roundUp(n, NR);
        long transposed = (long) roundUp(n, MR) * roundUp(m, NR);
        return a.rowStride() == 1 && 2 * transposed <= padded;
    }

    private static int roundUp(int size, int unit) {
        return (size + unit - 1) / unit * unit;
    }

    /**
     * Whether threads should share a product by columns rather than rows. Each thread packs
     * the operand the other dimension indexes: split by rows, every thread packs all of B;
     * split by columns, all of A, unless A is read in place. So columns when A is read in
     * place or is the smaller, rows otherwise.
     */
    static boolean splitByColumns(Matrix a, int m, int n) {
        return readsInPlace(a) || m < n;
    }

    /** Whether A's full panels are read where they lie rather than packed. */
    private static boolean readsInPlace(Matrix a) {
        return MR == 8 && a.colStride() == 1;
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
        if (rowEnd <= rowStart || n <= 0) {
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
                boolean inPlace = readsInPlace(a);
                packA(a, i0, mc, p0, kc, packedA, inPlace);
                for (int jp = 0; jp < panels; jp++) {
                    int cols = Math.min(NR, n - jp * NR);
                    int ip = 0;
                    for (; inPlace && cols <= LANES && (ip + 2) * MR <= mc; ip += 2) {
                        int row = i0 + ip * MR;
                        kernelNarrow(a.data(), a.offset() + row * a.rowStride() + p0, a.rowStride(),
                                packedB, jp * NR * kc, kc, c, row, jp * NR, cols, p0 > 0, last, tile);
                    }
                    for (; ip * MR < mc; ip++) {
                        int rows = Math.min(MR, mc - ip * MR);
                        int row = i0 + ip * MR;
                        if (MR == 4) {
                            kernel4(packedA, ip * MR * kc, packedB, jp * NR * kc, kc,
                                    c, row, jp * NR, rows, cols, p0 > 0, last, tile);
                        } else if (inPlace && rows == MR) {
                            kernel8Rows(a.data(), a.offset() + row * a.rowStride() + p0, a.rowStride(),
                                    packedB, jp * NR * kc, kc, c, row, jp * NR, rows, cols, p0 > 0, last, tile);
                        } else {
                            kernel8(packedA, ip * MR * kc, packedB, jp * NR * kc, kc,
                                    c, row, jp * NR, rows, cols, p0 > 0, last, tile);
                        }
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
     * zero-padded. Reads along whichever stride of B is 1: a transposed B's full panels are
     * transposed 16×16 blocks at a time in registers with 512-bit vectors ({@link Transpose16}),
     * gathered a vector at a time otherwise.
     */
    private static void packB(Matrix b, int p0, int kc, int n, float[] packed) {
        // Gather offsets, only for a transposed B (the one layout that gathers, outside the 16×16 blocks).
        int[] columnOffsets = b.rowStride() == 1 && b.colStride() != 1 ? new int[LANES] : null;
        if (columnOffsets != null) {
            java.util.Arrays.setAll(columnOffsets, j -> j * b.colStride());
        }
        for (int jp = 0, panels = (n + NR - 1) / NR; jp < panels; jp++) {
            int cols = Math.min(NR, n - jp * NR);
            int base = jp * kc * NR;
            int from = b.offset() + p0 * b.rowStride() + jp * NR * b.colStride();
            if (b.colStride() == 1 && cols == NR) {
                for (int p = 0; p < kc; p++) {
                    for (int h = 0; h < NR; h += LANES) {
                        FloatVector.fromArray(SPECIES, b.data(), from + p * b.rowStride() + h)
                                .intoArray(packed, base + p * NR + h);
                    }
                }
            } else if (b.colStride() == 1 || b.rowStride() != 1) {
                for (int p = 0; p < kc; p++) {
                    for (int j = 0; j < cols; j++) {
                        packed[base + p * NR + j] = b.data()[from + p * b.rowStride() + j * b.colStride()];
                    }
                }
            } else if (cols == NR) {
                int p = 0;
                for (; LANES == Transpose16.SIZE && p + LANES <= kc; p += LANES) {
                    for (int h = 0; h < NR; h += LANES) {
                        Transpose16.block(b.data(), from + h * b.colStride() + p, b.colStride(),
                                packed, base + p * NR + h, NR);
                    }
                }
                for (; p < kc; p++) {
                    for (int h = 0; h < NR; h += LANES) {
                        FloatVector.fromArray(SPECIES, b.data(), from + h * b.colStride() + p, columnOffsets, 0)
                                .intoArray(packed, base + p * NR + h);
                    }
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    for (int p = 0; p < kc; p++) {
                        packed[base + p * NR + j] = b.data()[from + j * b.colStride() + p];
                    }
                }
            }
            for (int p = 0; cols < NR && p < kc; p++) {
                for (int j = cols; j < NR; j++) {
                    packed[base + p * NR + j] = 0;
                }
            }
        }
    }

    /**
     * A rows {@code i0..i0+mc}, columns {@code p0..p0+kc}, as panels of MR rows: {@code
     * packed[(panel·kc + p)·MR + r]}, zero-padded. Reads along whichever stride of A is 1.
     */
    private static void packA(Matrix a, int i0, int mc, int p0, int kc, float[] packed, boolean onlyEdge) {
        for (int ip = 0; ip * MR < mc; ip++) {
            int base = ip * MR * kc;
            int rows = Math.min(MR, mc - ip * MR);
            if (onlyEdge && rows == MR) {
                continue;
            }
            int from = a.offset() + (i0 + ip * MR) * a.rowStride() + p0 * a.colStride();
            if (a.rowStride() == 1 && a.colStride() != 1 && rows == MR) {
                for (int p = 0; p < kc; p++) {
                    FloatVector.fromArray(PANEL, a.data(), from + p * a.colStride()).intoArray(packed, base + p * MR);
                }
            } else if (a.rowStride() == 1 && a.colStride() != 1) {
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
     * One 4×NR tile of C from an A panel and a B panel of depth kc; adds to C when
     * {@code accumulate} (later k slices), else overwrites, then applies {@code epilogue}. The
     * accumulators go through {@code tile}, a scratch of MR×NR floats (see {@link #store}). Edge
     * tiles are not stored with masks: those measured several times slower here, as the Vector
     * API checks their lanes one by one.
     */
    private static void kernel4(float[] pa, int aBase, float[] pb, int bBase, int kc, Matrix c, int row, int col,
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
        c00.intoArray(tile, 0);
        c01.intoArray(tile, LANES);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + LANES);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + LANES);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + LANES);
        store(tile, c, row, col, rows, cols, accumulate, epilogue);
    }

    /**
     * {@link #kernel4}'s work for an 8×NR tile (sixteen accumulators: AVX-512 has 32 registers)
     * whose eight A rows are read where they lie, {@code aData[aBase + r·rowStride + p]}: a
     * row-major A needs no packing, which cost as much as a tenth of the product.
     */
    private static void kernel8Rows(float[] aData, int aBase, int rowStride, float[] pb, int bBase, int kc,
                                    Matrix c, int row, int col, int rows, int cols, boolean accumulate,
                                    Epilogue epilogue, float[] tile) {
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = FloatVector.zero(SPECIES);
        FloatVector c10 = FloatVector.zero(SPECIES), c11 = FloatVector.zero(SPECIES);
        FloatVector c20 = FloatVector.zero(SPECIES), c21 = FloatVector.zero(SPECIES);
        FloatVector c30 = FloatVector.zero(SPECIES), c31 = FloatVector.zero(SPECIES);
        FloatVector c40 = FloatVector.zero(SPECIES), c41 = FloatVector.zero(SPECIES);
        FloatVector c50 = FloatVector.zero(SPECIES), c51 = FloatVector.zero(SPECIES);
        FloatVector c60 = FloatVector.zero(SPECIES), c61 = FloatVector.zero(SPECIES);
        FloatVector c70 = FloatVector.zero(SPECIES), c71 = FloatVector.zero(SPECIES);
        for (int p = 0; p < kc; p++) {
            int bi = bBase + p * NR;
            FloatVector b0 = FloatVector.fromArray(SPECIES, pb, bi);
            FloatVector b1 = FloatVector.fromArray(SPECIES, pb, bi + LANES);
            int ai = aBase + p;
            FloatVector a = FloatVector.broadcast(SPECIES, aData[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(SPECIES, aData[ai + rowStride]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(SPECIES, aData[ai + 2 * rowStride]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(SPECIES, aData[ai + 3 * rowStride]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(SPECIES, aData[ai + 4 * rowStride]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(SPECIES, aData[ai + 5 * rowStride]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            a = FloatVector.broadcast(SPECIES, aData[ai + 6 * rowStride]);
            c60 = a.fma(b0, c60);
            c61 = a.fma(b1, c61);
            a = FloatVector.broadcast(SPECIES, aData[ai + 7 * rowStride]);
            c70 = a.fma(b0, c70);
            c71 = a.fma(b1, c71);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, LANES);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + LANES);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + LANES);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + LANES);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + LANES);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + LANES);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + LANES);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + LANES);
        store(tile, c, row, col, rows, cols, accumulate, epilogue);
    }

    /**
     * {@link #kernel8Rows}'s work for a C at most one vector wide (a classifier's ten classes):
     * 16 rows of one vector each, so that the sixteen accumulators are full where the 8×32 tile
     * would leave three quarters of its lanes empty. The 128→10 output layer's forward product
     * went from 7.1–8.4 to 6.0–6.3 µs (Zen 5); packing its narrow, transposed B is most of the
     * rest.
     */
    private static void kernelNarrow(float[] aData, int aBase, int rowStride, float[] pb, int bBase, int kc,
                                     Matrix c, int row, int col, int cols, boolean accumulate,
                                     Epilogue epilogue, float[] tile) {
        FloatVector c0 = FloatVector.zero(SPECIES), c1 = FloatVector.zero(SPECIES);
        FloatVector c2 = FloatVector.zero(SPECIES), c3 = FloatVector.zero(SPECIES);
        FloatVector c4 = FloatVector.zero(SPECIES), c5 = FloatVector.zero(SPECIES);
        FloatVector c6 = FloatVector.zero(SPECIES), c7 = FloatVector.zero(SPECIES);
        FloatVector c8 = FloatVector.zero(SPECIES), c9 = FloatVector.zero(SPECIES);
        FloatVector c10 = FloatVector.zero(SPECIES), c11 = FloatVector.zero(SPECIES);
        FloatVector c12 = FloatVector.zero(SPECIES), c13 = FloatVector.zero(SPECIES);
        FloatVector c14 = FloatVector.zero(SPECIES), c15 = FloatVector.zero(SPECIES);
        for (int p = 0; p < kc; p++) {
            FloatVector b = FloatVector.fromArray(SPECIES, pb, bBase + p * NR);
            int ai = aBase + p;
            c0 = FloatVector.broadcast(SPECIES, aData[ai]).fma(b, c0);
            c1 = FloatVector.broadcast(SPECIES, aData[ai + rowStride]).fma(b, c1);
            c2 = FloatVector.broadcast(SPECIES, aData[ai + 2 * rowStride]).fma(b, c2);
            c3 = FloatVector.broadcast(SPECIES, aData[ai + 3 * rowStride]).fma(b, c3);
            c4 = FloatVector.broadcast(SPECIES, aData[ai + 4 * rowStride]).fma(b, c4);
            c5 = FloatVector.broadcast(SPECIES, aData[ai + 5 * rowStride]).fma(b, c5);
            c6 = FloatVector.broadcast(SPECIES, aData[ai + 6 * rowStride]).fma(b, c6);
            c7 = FloatVector.broadcast(SPECIES, aData[ai + 7 * rowStride]).fma(b, c7);
            c8 = FloatVector.broadcast(SPECIES, aData[ai + 8 * rowStride]).fma(b, c8);
            c9 = FloatVector.broadcast(SPECIES, aData[ai + 9 * rowStride]).fma(b, c9);
            c10 = FloatVector.broadcast(SPECIES, aData[ai + 10 * rowStride]).fma(b, c10);
            c11 = FloatVector.broadcast(SPECIES, aData[ai + 11 * rowStride]).fma(b, c11);
            c12 = FloatVector.broadcast(SPECIES, aData[ai + 12 * rowStride]).fma(b, c12);
            c13 = FloatVector.broadcast(SPECIES, aData[ai + 13 * rowStride]).fma(b, c13);
            c14 = FloatVector.broadcast(SPECIES, aData[ai + 14 * rowStride]).fma(b, c14);
            c15 = FloatVector.broadcast(SPECIES, aData[ai + 15 * rowStride]).fma(b, c15);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, NR);
        c2.intoArray(tile, 2 * NR);
        c3.intoArray(tile, 3 * NR);
        c4.intoArray(tile, 4 * NR);
        c5.intoArray(tile, 5 * NR);
        c6.intoArray(tile, 6 * NR);
        c7.intoArray(tile, 7 * NR);
        store(tile, c, row, col, MR, cols, accumulate, epilogue);
        c8.intoArray(tile, 0);
        c9.intoArray(tile, NR);
        c10.intoArray(tile, 2 * NR);
        c11.intoArray(tile, 3 * NR);
        c12.intoArray(tile, 4 * NR);
        c13.intoArray(tile, 5 * NR);
        c14.intoArray(tile, 6 * NR);
        c15.intoArray(tile, 7 * NR);
        store(tile, c, row + MR, col, MR, cols, accumulate, epilogue);
    }

    /**
     * {@link #kernel8Rows} from a packed A panel. Kept apart because the fixed offsets of a packed
     * panel run 10 % faster than strided ones (Zen 5, the MLP's {@code Xᵀ·dY}).
     */
    private static void kernel8(float[] pa, int aBase, float[] pb, int bBase, int kc, Matrix c, int row, int col,
                                int rows, int cols, boolean accumulate, Epilogue epilogue, float[] tile) {
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = FloatVector.zero(SPECIES);
        FloatVector c10 = FloatVector.zero(SPECIES), c11 = FloatVector.zero(SPECIES);
        FloatVector c20 = FloatVector.zero(SPECIES), c21 = FloatVector.zero(SPECIES);
        FloatVector c30 = FloatVector.zero(SPECIES), c31 = FloatVector.zero(SPECIES);
        FloatVector c40 = FloatVector.zero(SPECIES), c41 = FloatVector.zero(SPECIES);
        FloatVector c50 = FloatVector.zero(SPECIES), c51 = FloatVector.zero(SPECIES);
        FloatVector c60 = FloatVector.zero(SPECIES), c61 = FloatVector.zero(SPECIES);
        FloatVector c70 = FloatVector.zero(SPECIES), c71 = FloatVector.zero(SPECIES);
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
            a = FloatVector.broadcast(SPECIES, pa[ai + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(SPECIES, pa[ai + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
            a = FloatVector.broadcast(SPECIES, pa[ai + 6]);
            c60 = a.fma(b0, c60);
            c61 = a.fma(b1, c61);
            a = FloatVector.broadcast(SPECIES, pa[ai + 7]);
            c70 = a.fma(b0, c70);
            c71 = a.fma(b1, c71);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, LANES);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + LANES);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + LANES);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + LANES);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + LANES);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + LANES);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + LANES);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + LANES);
        store(tile, c, row, col, rows, cols, accumulate, epilogue);
    }

    /**
     * Stores the tile's {@code rows × cols} values into C: the old values added when {@code
     * accumulate}, then the bias, then ReLU, each a float operation of its own. Rows of packed C
     * sixteen wide go as vectors, the rest (edges, C with a column stride) element by element; the
     * vector {@code max} with +0 and {@code Math.max} agree with the reference's ReLU on −0 (+0)
     * and NaN (NaN).
     *
     * <p>Why the accumulators pass through {@code tile}: a vector handed to a method C2 did not
     * inline is boxed, and C2 may leave a callee this size out where its profile was cold when
     * the caller was compiled. Arrays cross calls freely; the round trip costs sixteen L1 accesses
     * against the 256 multiply-adds a row of the tile takes.
     */
    private static void store(float[] tile, Matrix c, int row, int col, int rows, int cols, boolean accumulate,
                              Epilogue epilogue) {
        float[] out = c.data();
        float[] bias = epilogue.bias();
        boolean relu = epilogue.relu();
        if (c.colStride() == 1 && cols == NR) {
            for (int r = 0; r < rows; r++) {
                int at = c.offset() + (row + r) * c.rowStride() + col;
                for (int h = 0; h < NR; h += LANES) {
                    FloatVector v = FloatVector.fromArray(SPECIES, tile, r * NR + h);
                    if (accumulate) {
                        v = v.add(FloatVector.fromArray(SPECIES, out, at + h));
                    }
                    if (bias != null) {
                        v = v.add(epilogue.perRow() ? FloatVector.broadcast(SPECIES, epilogue.biasAt(row + r, 0))
                                : FloatVector.fromArray(SPECIES, bias, epilogue.biasOffset() + col + h));
                    }
                    if (relu) {
                        v = v.max(ZERO);
                    }
                    v.intoArray(out, at + h);
                }
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                int at = c.offset() + (row + r) * c.rowStride() + (col + j) * c.colStride();
                float v = accumulate ? out[at] + tile[r * NR + j] : tile[r * NR + j];
                v = bias == null ? v : v + epilogue.biasAt(row + r, col + j);
                out[at] = relu ? Math.max(v, 0f) : v;
            }
        }
    }
}
