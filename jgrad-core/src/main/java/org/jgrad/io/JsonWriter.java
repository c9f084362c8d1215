package org.jgrad.io;

/**
 * Writes {@link Json} values as compact text, byte for byte as serde_json does (which writes the
 * headers of the reference safetensors implementation): no spaces, {@code "}, {@code \} and
 * control characters escaped ({@code \n}, {@code \t} … by name, the others as <code>&#92;u00XX</code>),
 * everything else, non-ASCII included, as is.
 */
final class JsonWriter {

    private static final int EXCERPT = 40;

    private JsonWriter() {
    }

    static String write(Json value) {
        StringBuilder out = new StringBuilder();
        append(value, out);
        return out.toString();
    }

    /** {@code value}'s text cut to a length fit for an error message. */
    static String excerpt(Json value) {
        String text = write(value);
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    private static void append(Json value, StringBuilder out) {
        switch (value) {
            case Json.Obj o -> {
                out.append('{');
                String separator = "";
                for (var member : o.members().entrySet()) {
                    out.append(separator);
                    quote(member.getKey(), out);
                    out.append(':');
                    append(member.getValue(), out);
                    separator = ",";
                }
                out.append('}');
            }
            case Json.Arr a -> {
                out.append('[');
                String separator = "";
                for (Json item : a.items()) {
                    out.append(separator);
                    append(item, out);
                    separator = ",";
                }
                out.append(']');
            }
            case Json.Str s -> quote(s.value(), out);
            case Json.Int i -> out.append(i.value());
            // Double.toString gives the shortest text that reads back to the same double, and it is valid JSON.
            case Json.Real r -> out.append(r.value());
            case Json.Bool b -> out.append(b.value());
            case Json.Null n -> out.append("null");
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (!Character.isSurrogate(c)) {
                        out.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else {
                        // UTF-8 cannot encode half a pair: it would turn into '?' silently.
                        throw new IllegalArgumentException("JSON text cannot hold the unpaired surrogate \\u"
                                + Integer.toHexString(c) + " at index " + i + " of a string");
                    }
                }
            }
        }
        out.append('"');
    }
}
