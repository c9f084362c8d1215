package org.jgrad.io;

import java.util.List;
import java.util.function.Supplier;

/**
 * Strict reading of JSON records whose members are fixed, with errors that say where the
 * problem is as a path into the value ({@code epochs[1].trainLoss: expected a number, …}).
 */
final class JsonFields {

    private JsonFields() {
    }

    /** {@code value} as an object with exactly the members {@code keys}; fails at the first missing or extra one. */
    static Json.Obj exactly(Json value, String at, List<String> keys) {
        Json.Obj object = read(at, value::asObject);
        for (String key : keys) {
            if (object.get(key) == null) {
                throw new IllegalArgumentException(located(at, "missing '" + key + "'"));
            }
        }
        for (String key : object.members().keySet()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(located(at, "unexpected key '" + key + "'"));
            }
        }
        return object;
    }

    /** What {@code read} gives; its failure is reported at {@code at}. */
    static <T> T read(String at, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(located(at, e.getMessage()), e);
        }
    }

    /** The path of member {@code key} of the value at {@code at}. */
    static String member(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    private static String located(String at, String problem) {
        return at.isEmpty() ? problem : at + ": " + problem;
    }
}
