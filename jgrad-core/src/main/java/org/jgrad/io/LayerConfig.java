package org.jgrad.io;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The settings of one layer in a stored architecture ({@code {"type":"Linear","inFeatures":4,…}}),
 * read by type with errors that name the key. Remembers which keys were read, so that a key no
 * codec asked for is reported rather than silently dropped.
 */
final class LayerConfig {

    /** Larger than any product a file can back, yet small enough that sums of a few stay within a long. */
    private static final long PRODUCT_CAP = 1L << 53;

    private final Json.Obj members;
    private final Set<String> read = new LinkedHashSet<>(List.of("type"));

    LayerConfig(Json.Obj members) {
        this.members = members;
    }

    /** The integer {@code key}, within 32 bits. */
    int integer(String key) {
        long value = located(key, get(key)::asLong);
        if (value != (int) value) {
            throw new IllegalArgumentException("'" + key + "': " + value + " does not fit in 32 bits");
        }
        return (int) value;
    }

    /** The number {@code key}. */
    double real(String key) {
        return located(key, get(key)::asDouble);
    }

    /** The boolean {@code key}. */
    boolean bool(String key) {
        return located(key, get(key)::asBoolean);
    }

    /** The items of the array {@code key}. */
    List<Json> array(String key) {
        return located(key, get(key)::asArray);
    }

    /**
     * The product of the integers {@code keys}, 0 if any is not positive (the layer's
     * constructor will refuse it), capped far above what a file could hold: the size of a
     * weight matrix, computed before it is allocated.
     */
    long product(String... keys) {
        long product = 1;
        for (String key : keys) {
            int factor = integer(key);
            if (factor <= 0) {
                return 0;
            }
            product = product > PRODUCT_CAP / factor ? PRODUCT_CAP : product * factor;
        }
        return product;
    }

    /** Fails on the first key that was never read. */
    void requireAllRead() {
        for (String key : members.members().keySet()) {
            if (!read.contains(key)) {
                throw new IllegalArgumentException("unexpected key '" + key + "'");
            }
        }
    }

    private Json get(String key) {
        Json value = members.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        read.add(key);
        return value;
    }

    private static <T> T located(String key, Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "': " + e.getMessage(), e);
        }
    }
}
