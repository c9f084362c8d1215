package org.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.junit.jupiter.api.Test;

/** {@link Schema}: column kinds, encoders, imputation, every problem named by line and column, saved descriptions. */
class SchemaTest {

    /** A table named {@code t.csv} from comma-separated lines, the first the header (line 1). */
    static TextTable table(String... lines) {
        List<TextTable.Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            rows.add(new TextTable.Row(i + 1, Arrays.asList(lines[i].split(",", -1))));
        }
        return new TextTable("t.csv", Arrays.asList(lines[0].split(",", -1)), rows);
    }

    private static final TextTable PETS = table(
            "weight,color,legs,kind",
            "4.5,black,4,cat",
            "30,brown,4,dog",
            "0.1,green,2,bird",
            "5.5,brown,4,cat");

    private static String error(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @Test
    void numbersStayAndCategoriesBecomeOneHotBlocks() {
        Schema schema = Schema.forTarget("kind").fit(PETS);
        assertEquals(Task.CLASSIFICATION, schema.task());
        assertEquals(List.of("bird", "cat", "dog"), schema.classNames());
        assertEquals(List.of("weight", "color=black", "color=brown", "color=green", "legs"), schema.featureNames());
        DataSet data = schema.dataSet(PETS);
        assertArrayEquals(new float[] {
            4.5f, 1, 0, 0, 4,
            30, 0, 1, 0, 4,
            0.1f, 0, 0, 1, 2,
            5.5f, 0, 1, 0, 4}, data.features().toFloatArray());
        assertArrayEquals(new long[] {1, 2, 0, 1}, data.targets().toLongArray());
        assertEquals(schema.featureNames(), data.featureNames());
        assertEquals(3, data.classCount());
    }

    @Test
    void theTaskFollowsTheTargetsValues() {
        TextTable digits = table("x,digit", "1,3", "2,10", "3,2.0", "4,3");
        Schema classes = Schema.forTarget("digit").fit(digits);
        assertEquals(List.of("2", "3", "10"), classes.classNames(), "whole numbers sorted as numbers, 2.0 is 2");
        assertArrayEquals(new long[] {1, 2, 0, 1}, classes.dataSet(digits).targets().toLongArray());
        TextTable fractional = table("x,y", "1,0.5", "2,1", "3,0.5");
        assertEquals(Task.REGRESSION, Schema.forTarget("y").fit(fractional).task());
        List<String> lines = new ArrayList<>(List.of("x,y"));
        for (int i = 0; i <= SchemaFitter.MAX_INTEGER_CLASSES; i++) {
            lines.add(i + "," + 10 * i);
        }
        TextTable manyWholeNumbers = table(lines.toArray(String[]::new));
        Schema regression = Schema.forTarget("y").fit(manyWholeNumbers);
        assertEquals(Task.REGRESSION, regression.task());
        DataSet values = regression.dataSet(manyWholeNumbers);
        assertEquals(DType.FLOAT32, values.targets().dtype());
        assertArrayEquals(new int[] {11, 1}, values.targets().shape());
        assertEquals(Task.CLASSIFICATION, Schema.forTarget("y").task(Task.CLASSIFICATION).fit(manyWholeNumbers).task());
        assertEquals(Task.REGRESSION, Schema.forTarget("digit").task(Task.REGRESSION).fit(digits).task());
    }

    @Test
    void forcedCategoricalAndIgnoredColumns() {
        TextTable zips = table("id,zip,price", "1,01234,3", "2,90210,4", "3,01234,5.5");
        Schema schema = Schema.forTarget("price").categorical("zip").ignore("id").fit(zips);
        assertEquals(List.of("zip=01234", "zip=90210"), schema.featureNames());
        assertArrayEquals(new float[] {1, 0, 0, 1, 1, 0}, schema.features(zips).toFloatArray());
    }

    @Test
    void badCellsAreNamedByLineAndColumnAllAtOnce() {
        TextTable missing = table("a,b,y", "1,2,x", "3,,y", "5,6,x");
        Schema schema = Schema.forTarget("y").fit(missing);
        assertEquals("t.csv: line 3, column 'b': missing value", error(() -> schema.dataSet(missing)));
        TextTable notANumber = table("a,b,y", "1,2,x", "3,4,y", "5,x1,x", "7,8,");
        assertEquals("t.csv: 2 problems:\n  line 4, column 'b': 'x1' is not a number\n  line 5, column 'y': missing value",
                error(() -> Schema.forTarget("y").fit(notANumber).dataSet(notANumber)));
        List<String> lines = new ArrayList<>(List.of("a,y"));
        for (int i = 0; i < 13; i++) {
            lines.add("NA,1");
        }
        lines.add("1,1");
        TextTable manyMissing = table(lines.toArray(String[]::new));
        assertEquals("t.csv: 13 problems:\n" + String.join("\n", java.util.stream.IntStream.rangeClosed(2, 11)
                .mapToObj(line -> "  line " + line + ", column 'a': missing value").toList()) + "\n  and 3 more",
                error(() -> Schema.forTarget("y").fit(manyMissing).features(manyMissing)));
    }

    @Test
    void tableAndFitterProblems() {
        assertEquals("t.csv: no column 'kinds' for the target (the columns are weight, color, legs, kind)",
                error(() -> Schema.forTarget("kinds").fit(PETS)));
        assertEquals("t.csv: no column 'zip' to treat as categorical (the columns are weight, color, legs, kind)",
                error(() -> Schema.forTarget("kind").categorical("zip").fit(PETS)));
        assertEquals("t.csv: column 'b' has no values", error(() -> Schema.forTarget("y").fit(table("a,b,y", "1,,x"))));
        assertEquals("t.csv: no rows to learn a schema from", error(() -> Schema.forTarget("y").fit(table("a,y"))));
        assertEquals("t.csv: no input columns besides the target 'y'",
                error(() -> Schema.forTarget("y").fit(table("y", "1"))));
        assertEquals("t.csv: 3 problems:\n  column 2 of the header is empty\n  column 'a' appears twice in the header"
                + " (columns 1 and 3)\n  line 3 has 2 fields, the header has 3",
                error(() -> table("a, ,a", "1,2,3", "1,2")));
    }

    @Test
    void imputationFillsWithTrainingValuesAlsoAtPredictTime() {
        TextTable train = table("a,c,y", "1,red,x", ",blue,y", "5,,x", "3,blue,y");
        Schema schema = Schema.forTarget("y").impute(true).fit(train);
        assertEquals(Map.of("a", "3.0", "c", "blue"), schema.fills());
        assertArrayEquals(new float[] {1, 0, 1, 3, 1, 0, 5, 1, 0, 3, 1, 0}, schema.features(train).toFloatArray());
        Schema restored = Schema.fromDescription(schema.describe());
        assertArrayEquals(new float[] {3, 1, 0}, restored.features(table("c,a", "NA,?")).toFloatArray());
    }

    @Test
    void predictionTablesAreEncodedByNameWithoutTheTarget() {
        Schema schema = Schema.forTarget("kind").fit(PETS);
        TextTable reordered = table("legs,id,color,weight", "2,7,green,0.25");
        assertFalse(schema.hasTarget(reordered));
        assertArrayEquals(new float[] {0.25f, 0, 0, 1, 2}, schema.features(reordered).toFloatArray());
        assertEquals("t.csv: no target column 'kind' (the columns are legs, id, color, weight)",
                error(() -> schema.dataSet(reordered)));
        assertEquals("t.csv: no columns 'weight', 'legs' in the header (its columns are color)",
                error(() -> schema.features(table("color", "black"))));
        TextTable purple = table("weight,color,legs", "1,purple,4", "2,black,4");
        assertEquals("t.csv: line 2, column 'color': unseen category 'purple' (known: black, brown, green)",
                error(() -> schema.features(purple)));
        Schema zeros = Schema.forTarget("kind").unseen(UnseenCategory.ZEROS).fit(PETS);
        assertArrayEquals(new float[] {1, 0, 0, 0, 4, 2, 1, 0, 0, 4}, zeros.features(purple).toFloatArray());
        TextTable unseenClass = table("weight,color,legs,kind", "1,black,4,fish");
        assertEquals("t.csv: line 2, column 'kind': unseen class 'fish' (known: bird, cat, dog)",
                error(() -> schema.dataSet(unseenClass)));
    }

    @Test
    void descriptionsRoundTrip() {
        Schema schema = Schema.forTarget("kind").unseen(UnseenCategory.ZEROS).impute(true).fit(PETS);
        Map<String, List<String>> description = schema.describe();
        assertEquals(List.of("schema", "columns", "column.weight", "column.color", "column.legs", "fill.weight",
                "fill.color", "fill.legs", "target"), List.copyOf(description.keySet()));
        assertEquals(List.of("categorical", "zeros", "black", "brown", "green"), description.get("column.color"));
        assertEquals(List.of("kind", "classification", "bird", "cat", "dog"), description.get("target"));
        Schema restored = Schema.fromDescription(description);
        assertEquals(description, restored.describe());
        assertArrayEquals(schema.features(PETS).toFloatArray(), restored.features(PETS).toFloatArray());
        Schema regression = Schema.forTarget("weight").fit(PETS);
        assertEquals(List.of("weight", "regression"), regression.describe().get("target"));
        assertEquals(regression.describe(), Schema.fromDescription(regression.describe()).describe());
    }

    @Test
    void badDescriptionsAreNamed() {
        Map<String, List<String>> good = Schema.forTarget("kind").fit(PETS).describe();
        Map<String, List<String>> bad = new LinkedHashMap<>(good);
        bad.remove("column.legs");
        assertEquals("Schema.fromDescription: no entry 'column.legs'", error(() -> Schema.fromDescription(bad)));
        bad.put("column.legs", List.of("integer"));
        assertEquals("Schema.fromDescription: 'column.legs' must be [numeric] or [categorical, error|zeros,"
                + " categories...], got [integer]", error(() -> Schema.fromDescription(bad)));
        bad.put("column.legs", List.of("numeric"));
        bad.put("colour", List.of());
        assertEquals("Schema.fromDescription: unexpected entry 'colour'", error(() -> Schema.fromDescription(bad)));
        bad.remove("colour");
        bad.put("target", List.of("kind", "classification", "cat", "cat"));
        assertEquals("LabelEncoder: column 'kind' lists category 'cat' twice", error(() -> Schema.fromDescription(bad)));
        bad.put("schema", List.of("2"));
        assertEquals("Schema.fromDescription: unsupported schema version [2] (this jgrad reads 1)",
                error(() -> Schema.fromDescription(bad)));
    }

    @Test
    void encodersStandAlone() {
        LabelEncoder labels = LabelEncoder.fit("y", List.of("b", "a", "c", "a"));
        assertArrayEquals(new long[] {1, 0, 2}, labels.encode(List.of("b", "a", "c")).toLongArray());
        assertEquals("c", labels.decode(2));
        assertEquals("LabelEncoder: class index 3 is outside 0..2 for column 'y'", error(() -> labels.decode(3)));
        OneHotEncoder oneHot = OneHotEncoder.fit("c", List.of("x", "y"), UnseenCategory.ERROR);
        Tensor rows = oneHot.encode(List.of("y", "x"));
        assertArrayEquals(new float[] {0, 1, 1, 0}, rows.toFloatArray());
        assertEquals("column 'c': unseen category 'z' (known: x, y)", error(() -> oneHot.encode(List.of("z"))));
    }
}
