package org.jgrad.nn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrad.Tensor;

/**
 * Frozen reference values computed by another implementation (PyTorch), read from a test
 * resource written by a committed script in {@code src/test/resources/reference/}.
 *
 * <p>Format, one tensor a line: {@code name shape values...}, where {@code shape} is the
 * extents joined by {@code x} ({@code 2x3}) or {@code scalar}, and values are row-major,
 * written with 17 significant digits ({@code %.17g}) so that float64 survives exactly. Blank
 * lines and lines starting with {@code #} are ignored. Tensors load as float64.
 */
public final class ReferenceValues {

    private final String resource;
    private final Map<String, Tensor> tensors;

    private ReferenceValues(String resource, Map<String, Tensor> tensors) {
        this.resource = resource;
        this.tensors = tensors;
    }

    /** Loads {@code /reference/<name>} from the test class path. */
    public static ReferenceValues load(String name) {
        String resource = "/reference/" + name;
        try (InputStream in = ReferenceValues.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\s+");
                int[] shape = fields[1].equals("scalar") ? new int[0]
                        : Arrays.stream(fields[1].split("x")).mapToInt(Integer::parseInt).toArray();
                double[] values = Arrays.stream(fields, 2, fields.length).mapToDouble(Double::parseDouble).toArray();
                if (values.length != Arrays.stream(shape).reduce(1, (a, b) -> a * b)) {
                    throw new IllegalStateException(resource + " line " + (i + 1) + ": " + values.length
                            + " values for shape " + fields[1]);
                }
                tensors.put(fields[0], Tensor.of(values).reshape(shape));
            }
            return new ReferenceValues(resource, tensors);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** The tensor stored under {@code name} (float64). */
    public Tensor get(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException(resource + " has no entry '" + name + "'");
        }
        return t;
    }

    /** The names stored, in file order. */
    public Iterable<String> names() {
        return tensors.keySet();
    }
}
