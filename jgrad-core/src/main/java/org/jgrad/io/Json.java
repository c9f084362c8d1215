package org.jgrad.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON value (RFC 8259), small and strict: what a safetensors header and jgrad's metadata
 * need, and no more. Objects keep their members in order and refuse duplicate keys; numbers
 * are {@link Int} when written without fraction or exponent (64-bit) and {@link Real}
 * otherwise, always finite.
 *
 * <p>{@link #parse(byte[])} reads UTF-8 text with limits ({@value #MAX_BYTES} bytes, nesting
 * {@value #MAX_DEPTH} deep) and reports the byte offset of the first problem in a {@link
 * JsonException}; {@link #toJson()} writes compact text, escaped as serde_json (the reference
 * safetensors implementation) escapes. To keep a list of strings in one metadata entry: {@code
 * Json.strings(names).toJson()}, and back with {@code Json.parse(text).asStrings()}.
 */
public sealed interface Json permits Json.Obj, Json.Arr, Json.Str, Json.Int, Json.Real, Json.Bool, Json.Null {

    /** The longest text {@link #parse} accepts, in bytes (the reference safetensors header limit). */
    int MAX_BYTES = 100_000_000;

    /** The deepest nesting of objects and arrays {@link #parse} accepts. */
    int MAX_DEPTH = 64;

    /** The value written in {@code text}; throws {@link JsonException} naming the byte and the problem. */
    static Json parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The value written in the UTF-8 bytes {@code utf8}; throws {@link JsonException} naming the byte and problem. */
    static Json parse(byte[] utf8) {
        return JsonReader.parse(utf8);
    }

    /** This value as compact JSON text, e.g. {@code {"a":[1,2.5,"x"]}}. */
    default String toJson() {
        return JsonWriter.write(this);
    }

    // ---------------------------------------------------------------- building

    /** A string value. */
    static Str of(String value) {
        return new Str(value);
    }

    /** An integer value. */
    static Int of(long value) {
        return new Int(value);
    }

    /** A number with a fraction; must be finite. */
    static Real of(double value) {
        return new Real(value);
    }

    /** {@code true} or {@code false}. */
    static Bool of(boolean value) {
        return new Bool(value);
    }

    /** An empty object, to grow with {@link Obj#with}. */
    static Obj object() {
        return new Obj(Map.of());
    }

    /** An array of {@code items}, in order. */
    static Arr array(List<? extends Json> items) {
        return new Arr(List.copyOf(items));
    }

    /** An array of strings, e.g. class names. */
    static Arr strings(List<String> values) {
        return array(values.stream().map(Json::of).toList());
    }

    // ---------------------------------------------------------------- reading

    /** What kind of value this is, as error messages name it: {@code object}, {@code integer}, …. */
    String kind();

    /** This value as an object; fails if it is something else. */
    default Obj asObject() {
        return this instanceof Obj o ? o : mismatch("an object");
    }

    /** This value as an array's items; fails if it is something else. */
    default List<Json> asArray() {
        return this instanceof Arr a ? a.items() : mismatch("an array");
    }

    /** This value as a string; fails if it is something else. */
    default String asString() {
        return this instanceof Str s ? s.value() : mismatch("a string");
    }

    /** This value as an integer; fails for a number with a fraction or exponent, or another kind. */
    default long asLong() {
        return this instanceof Int i ? i.value() : mismatch("an integer");
    }

    /** This value as a number, integer or not; fails if it is something else. */
    default double asDouble() {
        return switch (this) {
            case Int i -> i.value();
            case Real r -> r.value();
            default -> mismatch("a number");
        };
    }

    /** This value as a boolean; fails if it is something else. */
    default boolean asBoolean() {
        return this instanceof Bool b ? b.value() : mismatch("a boolean");
    }

    /** This value as a list of strings; fails unless it is an array of strings. */
    default List<String> asStrings() {
        List<String> out = new ArrayList<>();
        for (Json item : asArray()) {
            out.add(item instanceof Str s ? s.value() : mismatch("an array of strings"));
        }
        return List.copyOf(out);
    }

    private <T> T mismatch(String expected) {
        throw new IllegalArgumentException("expected " + expected + ", got " + kind() + " " + JsonWriter.excerpt(this));
    }

    // ---------------------------------------------------------------- the values

    /** An object: members in insertion order, keys unique. */
    record Obj(Map<String, Json> members) implements Json {

        /** An object holding a copy of {@code members}, in their iteration order. */
        public Obj {
            members.forEach((key, value) -> {
                Objects.requireNonNull(key, "Json.Obj: key");
                Objects.requireNonNull(value, () -> "Json.Obj: value of '" + key + "'");
            });
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        /** This object with {@code key} set to {@code value}: replaced in place if present, else appended. */
        public Obj with(String key, Json value) {
            Map<String, Json> grown = new LinkedHashMap<>(members);
            grown.put(key, value);
            return new Obj(grown);
        }

        /** The member {@code key}, or {@code null} if absent. */
        public Json get(String key) {
            return members.get(key);
        }

        @Override
        public String kind() {
            return "object";
        }
    }

    /** An array. */
    record Arr(List<Json> items) implements Json {

        /** An array holding a copy of {@code items}. */
        public Arr {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "array";
        }
    }

    /** A string. */
    record Str(String value) implements Json {

        /** A string value; not {@code null}. */
        public Str {
            Objects.requireNonNull(value, "Json.Str: value");
        }

        @Override
        public String kind() {
            return "string";
        }
    }

    /** A number written without fraction or exponent, within 64 bits. */
    record Int(long value) implements Json {

        @Override
        public String kind() {
            return "integer";
        }
    }

    /** A number written with a fraction or an exponent; always finite (JSON has no infinities or NaN). */
    record Real(double value) implements Json {

        /** A finite number. */
        public Real {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("JSON numbers must be finite, got " + value);
            }
        }

        @Override
        public String kind() {
            return "number";
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Json {

        @Override
        public String kind() {
            return "boolean";
        }
    }

    /** {@code null}. */
    record Null() implements Json {

        @Override
        public String kind() {
            return "null";
        }
    }
}
