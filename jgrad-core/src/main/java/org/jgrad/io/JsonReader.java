package org.jgrad.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict recursive-descent reader of RFC 8259 JSON over UTF-8 bytes, so that errors name byte
 * offsets. Refuses what lenient readers let through: trailing commas, comments, single quotes,
 * leading zeros, {@code NaN} and infinities, control characters and invalid UTF-8 in strings,
 * unpaired surrogates, duplicate keys, and anything after the value but whitespace. Recursion is
 * bounded by {@link Json#MAX_DEPTH}.
 */
final class JsonReader {

    private final byte[] in;
    private int pos;
    private int depth;

    private JsonReader(byte[] in) {
        this.in = in;
    }

    static Json parse(byte[] utf8) {
        if (utf8.length > Json.MAX_BYTES) {
            throw new JsonException(0, "text of " + utf8.length + " bytes exceeds the limit of " + Json.MAX_BYTES);
        }
        JsonReader reader = new JsonReader(utf8);
        reader.skipWhitespace();
        Json value = reader.value();
        reader.skipWhitespace();
        if (reader.pos < utf8.length) {
            throw reader.error("unexpected " + reader.describe() + " after the value");
        }
        return value;
    }

    private Json value() {
        if (pos >= in.length) {
            throw error("unexpected end of text, expected a value");
        }
        return switch (in[pos]) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> new Json.Str(string());
            case 't' -> literal("true", new Json.Bool(true));
            case 'f' -> literal("false", new Json.Bool(false));
            case 'n' -> literal("null", new Json.Null());
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> number();
            default -> throw error("unexpected " + describe() + ", expected a value");
        };
    }

    private Json.Obj object() {
        enter();
        pos++;
        Map<String, Json> members = new LinkedHashMap<>();
        skipWhitespace();
        if (!consume('}')) {
            do {
                skipWhitespace();
                int keyAt = pos;
                if (peek() != '"') {
                    throw error("expected a string key, got " + describe());
                }
                String key = string();
                skipWhitespace();
                expect(':', "after an object key");
                skipWhitespace();
                if (members.put(key, value()) != null) {
                    throw new JsonException(keyAt, "duplicate key " + JsonWriter.excerpt(new Json.Str(key)));
                }
                skipWhitespace();
            } while (consume(','));
            expect('}', "or ',' after an object member");
        }
        depth--;
        return new Json.Obj(members);
    }

    private Json.Arr array() {
        enter();
        pos++;
        List<Json> items = new ArrayList<>();
        skipWhitespace();
        if (!consume(']')) {
            do {
                skipWhitespace();
                items.add(value());
                skipWhitespace();
            } while (consume(','));
            expect(']', "or ',' after an array item");
        }
        depth--;
        return new Json.Arr(items);
    }

    private void enter() {
        if (++depth > Json.MAX_DEPTH) {
            throw error("nesting deeper than " + Json.MAX_DEPTH + " levels");
        }
    }

    private String string() {
        pos++;  // the opening quote
        StringBuilder out = new StringBuilder();
        int run = pos;  // start of the bytes not yet decoded
        while (true) {
            if (pos >= in.length) {
                throw error("unterminated string");
            }
            int b = in[pos] & 0xFF;
            if (b == '"' || b == '\\') {
                decodeUtf8(run, pos, out);
                if (b == '"') {
                    pos++;
                    return out.toString();
                }
                escape(out);
                run = pos;
            } else if (b < 0x20) {
                throw error(String.format("control character 0x%02X in a string (escape it)", b));
            } else {
                pos++;
            }
        }
    }

    private void escape(StringBuilder out) {
        int at = pos;
        pos++;  // the backslash
        if (pos >= in.length) {
            throw error("unterminated string");
        }
        char c = (char) in[pos++];
        switch (c) {
            case '"', '\\', '/' -> out.append(c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> unicodeEscape(at, out);
            default -> throw new JsonException(at, "invalid escape " + describe(at, 2));
        }
    }

    /** <code>&#92;uXXXX</code>, where a high surrogate must be followed by an escaped low one. */
    private void unicodeEscape(int at, StringBuilder out) {
        char c = hex4(at);
        if (Character.isLowSurrogate(c)) {
            throw new JsonException(at, "unpaired surrogate " + describe(at, 6));
        }
        if (Character.isHighSurrogate(c)) {
            if (pos + 1 >= in.length || in[pos] != '\\' || in[pos + 1] != 'u') {
                throw new JsonException(at, "unpaired surrogate " + describe(at, 6));
            }
            int lowAt = pos;
            pos += 2;
            char low = hex4(lowAt);
            if (!Character.isLowSurrogate(low)) {
                throw new JsonException(at, "unpaired surrogate " + describe(at, 6));
            }
            out.append(c);
            c = low;
        }
        out.append(c);
    }

    private char hex4(int escapeAt) {
        if (pos + 4 > in.length) {
            throw new JsonException(escapeAt, "truncated \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(in[pos + i], 16);
            if (digit < 0) {
                throw new JsonException(escapeAt, "invalid \\u escape " + describe(escapeAt, 6));
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    /** Appends bytes {@code [from, to)} decoded as UTF-8, failing at the first malformed byte. */
    private void decodeUtf8(int from, int to, StringBuilder out) {
        boolean ascii = true;
        for (int i = from; i < to && ascii; i++) {
            ascii = in[i] >= 0;
        }
        if (ascii) {
            for (int i = from; i < to; i++) {
                out.append((char) in[i]);
            }
            return;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(in, from, to - from);
        CharBuffer chars = CharBuffer.allocate(to - from);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            throw new JsonException(bytes.position(), "invalid UTF-8 in a string");
        }
        out.append(chars.flip());
    }

    /** A number, as {@link Json.Int} without fraction or exponent, else as {@link Json.Real}. */
    private Json number() {
        int start = pos;
        consume('-');
        if (!consume('0')) {
            if (digits() == 0) {
                throw error("expected a digit, got " + describe());
            }
        }
        boolean integral = true;
        if (consume('.')) {
            integral = false;
            if (digits() == 0) {
                throw error("expected a digit after the decimal point, got " + describe());
            }
        }
        if (consume('e') || consume('E')) {
            integral = false;
            if (!consume('+')) {
                consume('-');
            }
            if (digits() == 0) {
                throw error("expected a digit in the exponent, got " + describe());
            }
        }
        String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        if (integral) {
            try {
                return new Json.Int(Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new JsonException(start, "integer " + text + " does not fit in 64 bits");
            }
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new JsonException(start, "number " + text + " is too large for a double");
        }
        return new Json.Real(value);
    }

    private int digits() {
        int start = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        return pos - start;
    }

    private Json literal(String word, Json value) {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= in.length || in[pos + i] != word.charAt(i)) {
                throw error("unexpected " + describe() + ", expected a value");
            }
        }
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
            pos++;
        }
    }

    private int peek() {
        return pos < in.length ? in[pos] : -1;
    }

    private boolean consume(char c) {
        if (pos < in.length && in[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c, String context) {
        if (!consume(c)) {
            throw error("expected '" + c + "' " + context + ", got " + describe());
        }
    }

    /** The byte at the current position as an error message shows it, or the end of the text. */
    private String describe() {
        if (pos >= in.length) {
            return "end of text";
        }
        int b = in[pos] & 0xFF;
        return b >= 0x20 && b < 0x7F ? "'" + (char) b + "'" : String.format("byte 0x%02X", b);
    }

    /** Up to {@code length} bytes from {@code at}, quoted, for escape errors. */
    private String describe(int at, int length) {
        return "'" + new String(in, at, Math.min(length, in.length - at), StandardCharsets.UTF_8) + "'";
    }

    private JsonException error(String reason) {
        return new JsonException(pos, reason);
    }
}
