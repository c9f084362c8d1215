package org.jgrad.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.jgrad.Shape;

/**
 * One tensor's line in a safetensors header: its element type, shape, and where its bytes lie,
 * {@code [begin, end)} counted from the start of the data that follows the header.
 */
record SafetensorsEntry(String name, SafetensorsDtype type, int[] shape, long begin, long end) {

    /**
     * Names in the order of their UTF-8 bytes, as the reference implementation (in Rust) sorts
     * them; {@link String#compareTo} differs above U+FFFF.
     */
    static final Comparator<String> NAME_ORDER = Comparator.comparing(
            (String name) -> name.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    /**
     * The reference writer's order: the widest element type first (I64, F64, then F32), then by
     * name; with a header padded to 8 bytes, every tensor starts aligned to its element size.
     */
    static final Comparator<SafetensorsEntry> WRITE_ORDER = Comparator
            .comparing(SafetensorsEntry::type, Comparator.reverseOrder())
            .thenComparing(SafetensorsEntry::name, NAME_ORDER);

    /** The number of elements. */
    int numel() {
        return Shape.numel(shape);
    }

    /** {@code {"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}}. */
    Json.Obj toJson() {
        List<Json> extents = IntStream.of(shape).<Json>mapToObj(Json::of).toList();
        return Json.object()
                .with("dtype", Json.of(type.name()))
                .with("shape", Json.array(extents))
                .with("data_offsets", Json.array(List.of(Json.of(begin), Json.of(end))));
    }

    /** {@code [0, 24]}, as messages show the offsets. */
    String offsets() {
        return "[" + begin + ", " + end + "]";
    }
}
