package org.jgrad.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.jgrad.Rng;
import org.jgrad.Tensor;
import org.jgrad.data.DataSet;
import org.jgrad.data.Scaler;
import org.jgrad.data.Schema;
import org.jgrad.data.Split;
import org.jgrad.data.StandardScaler;
import org.jgrad.data.Task;
import org.jgrad.data.TextTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Csv} with {@link Schema}: quoting, gzip, and a corpus of bad files with the exact errors. */
class CsvTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    /** The error of reading {@code file} and encoding it with a schema fitted on it for target {@code y}. */
    private static String error(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> {
            TextTable table = Csv.read(file);
            Schema.forTarget("y").fit(table).dataSet(table);
        }).getMessage();
    }

    @Test
    void theCorpusOfBadFiles() throws IOException {
        assertEquals("missing.csv: line 3, column 'b': missing value",
                error(write("missing.csv", "a,b,y\n1,2,x\n3,,y\n5,6,x\n")));
        assertEquals("ragged.csv: 2 problems:\n  line 3 has 2 fields, the header has 3\n"
                + "  line 4 has 4 fields, the header has 3",
                error(write("ragged.csv", "a,b,y\n1,2,x\n3,4\n5,6,x,7\n")));
        assertEquals("number.csv: line 3, column 'b': '4x' is not a number",
                error(write("number.csv", "a,b,y\n1,2,x\n3,4x,y\n5,6,x\n")));
        assertEquals("target.csv: no column 'y' for the target (the columns are a, b, label)",
                error(write("target.csv", "a,b,label\n1,2,x\n")));
        assertEquals("empty.csv: the file is empty (expected a header row)", error(write("empty.csv", "")));
        assertEquals("blank.csv: the file is empty (expected a header row)", error(write("blank.csv", "\n\n  \n")));
        assertEquals("header.csv: no data rows after the header", error(write("header.csv", "a,b,y\n")));
        assertEquals("twice.csv: column 'a' appears twice in the header (columns 1 and 3)",
                error(write("twice.csv", "a,y,a\n1,2,3\n")));
        String quote = error(write("quote.csv", "a,b,y\n1,2,x\n3,\"4\"5,y\n"));
        assertTrue(quote.startsWith("quote.csv: line 3: unreadable CSV (Invalid character between encapsulated"
                + " token and delimiter"), quote);
        Path latin = Files.write(dir.resolve("latin.csv"), "a,b,y\n1,caf\u00e9,x\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("latin.csv: line 2, field 2: not UTF-8 text", error(latin));
        byte[] zipped = gzip("a,b,y\n1,2,x\n".repeat(200).getBytes(StandardCharsets.UTF_8));
        Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(zipped, zipped.length / 2));
        assertEquals("cut.csv.gz: the gzip stream is cut off", error(cut));
    }

    @Test
    void quotedFieldsAndLineNumbersAfterMultiLineFields() throws IOException {
        Path file = write("quoted.csv", "name,note,y\n\"Smith, J\",\"said \"\"hi\"\"\",1\n\"two\nlines\",x,2\n\n"
                + "z,w,oops\n");
        TextTable table = Csv.read(file);
        assertEquals(List.of("Smith, J", "said \"hi\"", "1"), table.rows().get(0).cells());
        assertEquals(List.of("two\nlines", "x", "2"), table.rows().get(1).cells());
        assertEquals(List.of(2L, 3L, 6L), table.rows().stream().map(TextTable.Row::line).toList());
        assertEquals("quoted.csv: line 6, column 'y': 'oops' is not a number",
                assertThrows(IllegalArgumentException.class, () -> Schema.forTarget("y").task(Task.REGRESSION)
                        .fit(table).dataSet(table)).getMessage());
    }

    @Test
    void gzipAndByteOrderMarkAreHandled() throws IOException {
        String text = "\uFEFFa,b,y\n1,red,x\n2,blue,y\n";
        Path zipped = Files.write(dir.resolve("data.csv.gz"), gzip(text.getBytes(StandardCharsets.UTF_8)));
        TextTable table = Csv.read(zipped);
        assertEquals(List.of("a", "b", "y"), table.header());
        assertEquals(table.rows(), Csv.read(write("data.csv", text)).rows());
        DataSet data = Schema.forTarget("y").fit(table).dataSet(table);
        assertEquals(List.of("a", "b=blue", "b=red"), data.featureNames());
        assertArrayEquals(new float[] {1, 0, 1, 2, 1, 0}, data.features().toFloatArray());
        assertEquals(List.of("x", "y"), data.classNames());
    }

    /** The command line's round: train on a CSV, save schema and scaler, re-read both and encode a new CSV. */
    @Test
    void schemaAndScalerSurviveTheModelFile() throws IOException {
        TextTable table = Csv.read(write("pets.csv", "weight,color,kind\n4,black,cat\n30,brown,dog\n6,brown,cat\n"
                + "25,black,dog\n"));
        Schema schema = Schema.forTarget("kind").fit(table);
        Split split = Split.of(schema.dataSet(table), 0, 0.5, new Rng(0));
        StandardScaler scaler = StandardScaler.fit(split.train());
        Map<String, List<String>> savedSchema = schema.describe();
        Map<String, Tensor> savedScaler = scaler.state();

        TextTable fresh = Csv.read(write("new.csv", "color,weight\nbrown,17\n"));
        Tensor features = Scaler.fromState(savedScaler).transform(Schema.fromDescription(savedSchema).features(fresh));
        assertArrayEquals(scaler.transform(Tensor.of(new float[] {17, 0, 1}, 1, 3)).toFloatArray(),
                features.toFloatArray());
        assertEquals(List.of("cat", "dog"), Schema.fromDescription(savedSchema).classNames());
    }

    @Test
    void predictionFilesAreReadWithTheSavedSchemaTargetOptional() throws IOException {
        TextTable train = Csv.read(write("train.csv", "size,color,kind\n1.5,red,a\n,blue,b\n4.5,red,b\n"));
        Schema schema = Schema.forTarget("kind").impute(true).fit(train);
        Map<String, List<String>> saved = schema.describe();
        Schema restored = Schema.fromDescription(saved);
        TextTable predict = Csv.read(write("predict.csv", "color,size,id\nblue,2\u0030,7\nred,NA,8\n"));
        assertEquals(false, restored.hasTarget(predict));
        assertArrayEquals(new float[] {20, 1, 0, 3, 0, 1}, restored.features(predict).toFloatArray());
        TextTable evaluate = Csv.read(write("evaluate.csv", "kind,color,size\nb,blue,2\nc,red,3\n"));
        assertEquals("evaluate.csv: line 3, column 'kind': unseen class 'c' (known: a, b)",
                assertThrows(IllegalArgumentException.class, () -> restored.dataSet(evaluate)).getMessage());
    }
}
