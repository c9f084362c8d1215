package org.jgrad.io;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link Json}: values, compact writing as serde_json writes, strict reading with byte offsets. */
class JsonTest {

    @Test
    void readsAndWritesEveryKindOfValue() {
        String text = "{\"a\":[1,-2,2.5,\"x\",true,false,null],\"b\":{},\"c\":[]}";
        Json value = Json.parse(" \n\t" + text + "\r\n ");
        assertEquals(text, value.toJson());
        Json.Obj object = value.asObject();
        assertEquals(List.of("a", "b", "c"), List.copyOf(object.members().keySet()));
        assertEquals(List.of(new Json.Int(1), new Json.Int(-2), new Json.Real(2.5), new Json.Str("x"),
                new Json.Bool(true), new Json.Bool(false), new Json.Null()), object.get("a").asArray());
    }

    @Test
    void integersStayIntegersAndOtherNumbersAreDoubles() {
        assertEquals(new Json.Int(Long.MAX_VALUE), Json.parse("9223372036854775807"));
        assertEquals(new Json.Int(Long.MIN_VALUE), Json.parse("-9223372036854775808"));
        assertEquals(new Json.Int(0), Json.parse("-0"));
        assertEquals(new Json.Real(1.0), Json.parse("1.0"));
        assertEquals(new Json.Real(100.0), Json.parse("1e2"));
        assertEquals(new Json.Real(-0.025), Json.parse("-2.5E-2"));
        assertEquals(3.0, Json.parse("3").asDouble());
    }

    @Test
    void doublesReadBackBitForBit() {
        Rng rng = new Rng(5);
        for (int i = 0; i < 1000; i++) {
            double x = Double.longBitsToDouble(rng.nextLong());
            if (Double.isFinite(x)) {
                assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(Json.parse(Json.of(x).toJson())
                        .asDouble()), () -> "for " + x);
            }
        }
        assertEquals("1.0E-5", Json.of(1e-5).toJson());
        assertEquals("-0.0", Json.of(-0.0).toJson());
    }

    @Test
    void escapesStringsAsSerdeJsonDoes() {
        String nasty = "q\"b\\s/\b\f\n\r\t\u0000\u001f\u007f é €𝄞";
        String expected = "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f é €𝄞\"";
        assertEquals(expected, Json.of(nasty).toJson());
        assertEquals(nasty, Json.parse(expected).asString());
        assertEquals("A\u00e9\ud834\udd1e/", Json.parse("\"\\u0041\\u00E9\\ud834\\udd1e\\/\"").asString());
    }

    @Test
    void listsOfStringsFitInOneMetadataValue() {
        List<String> classes = List.of("setosa", "versi,color", "with \"quotes\"", "ünïcode", "");
        String text = Json.strings(classes).toJson();
        assertEquals("[\"setosa\",\"versi,color\",\"with \\\"quotes\\\"\",\"ünïcode\",\"\"]", text);
        assertEquals(classes, Json.parse(text).asStrings());
    }

    @Test
    void objectsKeepInsertionOrderAndReplaceInPlace() {
        Json.Obj object = Json.object().with("z", Json.of(1)).with("a", Json.of(2)).with("z", Json.of(3));
        assertEquals("{\"z\":3,\"a\":2}", object.toJson());
        Map<String, Json> source = new LinkedHashMap<>(Map.of("k", Json.of(1)));
        Json.Obj copy = new Json.Obj(source);
        source.put("k", Json.of(2));
        assertEquals("{\"k\":1}", copy.toJson());
    }

    @Test
    void typedReadsNameWhatTheyGot() {
        assertAll(
                () -> assertMessage("expected a string, got array [1]", () -> Json.parse("[1]").asString()),
                () -> assertMessage("expected an integer, got number 2.5", () -> Json.parse("2.5").asLong()),
                () -> assertMessage("expected a number, got string \"2\"", () -> Json.parse("\"2\"").asDouble()),
                () -> assertMessage("expected a boolean, got null null", () -> Json.parse("null").asBoolean()),
                () -> assertMessage("expected an object, got integer 1", () -> Json.parse("1").asObject()),
                () -> assertMessage("expected an array of strings, got array [\"a\",1]",
                        () -> Json.parse("[\"a\",1]").asStrings()),
                () -> assertMessage("expected an integer, got string \"" + "x".repeat(39) + "…",
                        () -> Json.parse("\"" + "x".repeat(50) + "\"").asLong()));
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertAll(
                () -> assertMessage("JSON numbers must be finite, got NaN", () -> Json.of(Double.NaN)),
                () -> assertMessage("JSON numbers must be finite, got Infinity",
                        () -> Json.of(Double.POSITIVE_INFINITY)),
                () -> assertMessage("JSON text cannot hold the unpaired surrogate \\ud800 at index 1 of a string",
                        () -> Json.of("a\ud800b").toJson()),
                () -> assertMessage("JSON text cannot hold the unpaired surrogate \\udc00 at index 0 of a string",
                        () -> Json.of("\udc00").toJson()));
    }

    @Test
    void errorsNameTheByteAndTheProblem() {
        assertAll(
                () -> assertInvalid("", 0, "unexpected end of text, expected a value"),
                () -> assertInvalid("  ", 2, "unexpected end of text, expected a value"),
                () -> assertInvalid("{\"a\":1,}", 7, "expected a string key, got '}'"),
                () -> assertInvalid("[1,]", 3, "unexpected ']', expected a value"),
                () -> assertInvalid("{\"a\":1,\"a\":2}", 7, "duplicate key \"a\""),
                () -> assertInvalid("{\"a\" 1}", 5, "expected ':' after an object key, got '1'"),
                () -> assertInvalid("{\"a\":1 \"b\":2}", 7, "expected '}' or ',' after an object member, got '\"'"),
                () -> assertInvalid("[1 2]", 3, "expected ']' or ',' after an array item, got '2'"),
                () -> assertInvalid("{'a':1}", 1, "expected a string key, got '''"),
                () -> assertInvalid("[1] // comment", 4, "unexpected '/' after the value"),
                () -> assertInvalid("NaN", 0, "unexpected 'N', expected a value"),
                () -> assertInvalid("[-Infinity]", 2, "expected a digit, got 'I'"),
                () -> assertInvalid("[tru]", 1, "unexpected 't', expected a value"),
                () -> assertInvalid("01", 1, "unexpected '1' after the value"),
                () -> assertInvalid("-", 1, "expected a digit, got end of text"),
                () -> assertInvalid("1.", 2, "expected a digit after the decimal point, got end of text"),
                () -> assertInvalid(".5", 0, "unexpected '.', expected a value"),
                () -> assertInvalid("1e+", 3, "expected a digit in the exponent, got end of text"),
                () -> assertInvalid("[1e999]", 1, "number 1e999 is too large for a double"),
                () -> assertInvalid("99999999999999999999", 0, "integer 99999999999999999999 does not fit in 64 bits"),
                () -> assertInvalid("\"abc", 4, "unterminated string"),
                () -> assertInvalid("\"a\\qb\"", 2, "invalid escape '\\q'"),
                () -> assertInvalid("\"\\u12G4\"", 1, "invalid \\u escape '\\u12G4'"),
                () -> assertInvalid("\"\\u12", 1, "truncated \\u escape"),
                () -> assertInvalid("\"\\ud800\"", 1, "unpaired surrogate '\\ud800'"),
                () -> assertInvalid("\"\\ud800\\u0041\"", 1, "unpaired surrogate '\\ud800'"),
                () -> assertInvalid("\"\\udc00\"", 1, "unpaired surrogate '\\udc00'"),
                () -> assertInvalid("\"a\nb\"", 2, "control character 0x0A in a string (escape it)"),
                () -> assertInvalid("{} x", 3, "unexpected 'x' after the value"),
                () -> assertInvalid("\u00e9", 0, "unexpected byte 0xC3, expected a value"));
    }

    @Test
    void refusesInvalidUtf8AtItsByte() {
        byte[] text = {'"', 'a', 'b', (byte) 0xC3, '(', '"'};
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
        assertEquals("invalid JSON at byte 3: invalid UTF-8 in a string", e.getMessage());
        byte[] overlong = {'"', (byte) 0xC0, (byte) 0x80, '"'};
        assertEquals(1, assertThrows(JsonException.class, () -> Json.parse(overlong)).offset());
    }

    @Test
    void limitsNesting() {
        String deepest = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertEquals(deepest, Json.parse(deepest).toJson());
        String tooDeep = "{\"a\":".repeat(Json.MAX_DEPTH) + "[1]" + "}".repeat(Json.MAX_DEPTH);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(tooDeep));
        assertEquals(5 * Json.MAX_DEPTH, e.offset());
        assertEquals("nesting deeper than 64 levels", e.reason());
    }

    @Test
    void limitsSize() {
        byte[] huge = new byte[Json.MAX_BYTES + 1];
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(huge));
        assertEquals("invalid JSON at byte 0: text of 100000001 bytes exceeds the limit of 100000000", e.getMessage());
    }

    private static void assertInvalid(String text, int offset, String reason) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text.getBytes(StandardCharsets.UTF_8)),
                text);
        assertEquals("invalid JSON at byte " + offset + ": " + reason, e.getMessage(), text);
        assertEquals(offset, e.offset());
    }

    private static void assertMessage(String expected, Executable executable) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, executable).getMessage());
    }
}
