package org.jgrad.data.csv;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jgrad.data.TextTable;

/**
 * Reads CSV files into {@link TextTable}s: a header row naming the columns, then one row per
 * example. Fields are comma-separated and may be quoted as RFC 4180 says ({@code "a, b"},
 * {@code "say ""hi"""}, line breaks inside quotes). The text is UTF-8 (a byte-order mark is
 * skipped); a gzip-compressed file ({@code .csv.gz}) is recognized by its first bytes. Blank
 * lines are skipped.
 *
 * <p>Nothing is dropped silently: a row with more or fewer fields than the header, an empty
 * file, a header with no rows, bad quoting, text that is not UTF-8 and a damaged gzip stream
 * are all {@link IllegalArgumentException}s naming the file and the line. I/O failures stay
 * {@link IOException}s. Then an {@link org.jgrad.data.Schema} turns the table into tensors:
 *
 * <pre>{@code
 * TextTable table = Csv.read(Path.of("iris.csv"));
 * Schema schema = Schema.forTarget("species").fit(table);
 * DataSet data = schema.dataSet(table);
 * }</pre>
 */
public final class Csv {

    /** What the decoder puts for bytes that are no UTF-8 character. */
    private static final char NOT_UTF_8 = '\uFFFD';

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private Csv() {}

    /** The table in {@code file}; errors name the file by its name. */
    public static TextTable read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    /** The table in {@code in} (which is not closed); {@code source} names it in errors. */
    public static TextTable read(InputStream in, String source) throws IOException {
        var buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        InputStream bytes = buffered;
        if (gzip) {
            try {
                bytes = new GZIPInputStream(buffered, 1 << 16);
            } catch (ZipException | EOFException e) {
                throw new IllegalArgumentException(source + ": not a readable gzip stream (" + e.getMessage() + ")");
            }
        }
        Reader text = new InputStreamReader(bytes, StandardCharsets.UTF_8);
        try (CSVParser parser = FORMAT.parse(text)) {
            return table(parser, source);
        }
    }

    private static TextTable table(CSVParser parser, String source) throws IOException {
        Iterator<CSVRecord> records = parser.iterator();
        List<String> header = null;
        List<TextTable.Row> rows = new ArrayList<>();
        long end = 0;
        while (true) {
            long line = end + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw unreadable(source, line, e.getCause());
            }
            end = parser.getCurrentLineNumber();
            List<String> cells = record.toList();
            for (int c = 0; c < cells.size(); c++) {
                if (cells.get(c).indexOf(NOT_UTF_8) >= 0) {
                    throw new IllegalArgumentException(source + ": line " + line + ", field " + (c + 1)
                            + ": not UTF-8 text");
                }
            }
            if (cells.size() == 1 && cells.getFirst().isBlank()) {
                continue;
            }
            if (header == null) {
                header = withoutByteOrderMark(cells);
            } else {
                rows.add(new TextTable.Row(line, cells));
            }
        }
        if (header == null) {
            throw new IllegalArgumentException(source + ": the file is empty (expected a header row)");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data rows after the header");
        }
        return new TextTable(source, header, rows);
    }

    /**
     * The error for a record that cannot be read: bad quoting (at {@code line}, where the record
     * starts) or a damaged gzip stream (found where it was read ahead, so no line is given).
     * Other I/O failures are rethrown as they are.
     */
    private static IllegalArgumentException unreadable(String source, long line, IOException cause) throws IOException {
        return switch (cause) {
            case CSVException e -> new IllegalArgumentException(source + ": line " + line + ": unreadable CSV ("
                    + e.getMessage() + ")", e);
            case EOFException e -> new IllegalArgumentException(source + ": the gzip stream is cut off", e);
            case ZipException e -> new IllegalArgumentException(source + ": the gzip stream is corrupt ("
                    + e.getMessage() + ")", e);
            default -> throw cause;
        };
    }

    private static List<String> withoutByteOrderMark(List<String> header) {
        List<String> names = new ArrayList<>(header);
        if (names.getFirst().startsWith("\uFEFF")) {
            names.set(0, names.getFirst().substring(1));
        }
        return names;
    }
}
