package org.jgrad;

/**
 * A seeded, splittable random generator whose streams are the same on every platform.
 *
 * <p>It is SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014), the algorithm of {@link java.util.SplittableRandom}, written out
 * here so that jgrad's streams never depend on a JDK version. Normal variates use the
 * Box–Muller transform with {@link StrictMath}, whose results are specified bit for bit.
 * jgrad has no global generator: every random operation takes an {@code Rng}.
 */
public final class Rng {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long seed;
    private final long gamma;

    /** A generator whose stream is fully determined by {@code seed}. */
    public Rng(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private Rng(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /**
     * A new generator with a stream independent of this one's; this generator advances. Use it
     * to give each consumer (an initializer, a data loader, dropout) its own stream.
     */
    public Rng split() {
        return new Rng(mix64(nextSeed()), mixGamma(nextSeed()));
    }

    /** The next 64 uniformly distributed bits. */
    public long nextLong() {
        return mix64(nextSeed());
    }

    /** A uniform integer in {@code [0, bound)}, without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("Rng.nextInt: bound must be positive, got " + bound);
        }
        long threshold = (1L << 32) % bound;
        while (true) {
            long bits = nextLong() >>> 32;
            if (bits >= threshold) {
                return (int) (bits % bound);
            }
        }
    }

    /** A uniform double in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** A uniform float in {@code [0, 1)} with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** A standard normal variate: Box–Muller on two uniforms, the first kept away from 0. */
    public double nextGaussian() {
        double u = 1.0 - nextDouble();
        double v = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** A uniformly random permutation of {@code 0 … n-1} (Fisher–Yates, drawing {@code n-1} integers). */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Rng.permutation: n must be non-negative, got " + n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** This generator's whole state, to save in a checkpoint and give to {@link #restore(long[])}. */
    public long[] state() {
        return new long[] {seed, gamma};
    }

    /** A generator continuing exactly where the one whose {@link #state()} this is stood. */
    public static Rng restore(long[] state) {
        if (state.length != 2 || (state[1] & 1L) == 0) {
            throw new IllegalArgumentException("Rng.restore: not a generator state (two longs, the second odd)");
        }
        return new Rng(state[0], state[1]);
    }

    private long nextSeed() {
        return seed += gamma;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
