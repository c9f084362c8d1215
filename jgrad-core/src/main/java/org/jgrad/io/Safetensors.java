package org.jgrad.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jgrad.Tensor;

/**
 * Named tensors with string metadata, and their file form: the safetensors format of Hugging
 * Face, which PyTorch, JAX and most tools read, and which holds data only (no code runs on
 * loading).
 *
 * <pre>
 * bytes 0–7    N, the header length: unsigned 64-bit little-endian
 * bytes 8…     the header: N bytes of UTF-8 JSON, padded with spaces,
 *              {"__metadata__":{"key":"value",…},
 *               "name":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},…}
 * the rest     the data: each tensor's elements, row-major, little-endian, at its
 *              data_offsets [begin, end) counted from the end of the header
 * </pre>
 *
 * <p>Files are written as the reference implementation writes them, byte for byte: tensors
 * ordered by element type (I64, F64, F32) and then by name, the header padded to a multiple of
 * 8 so that every tensor is aligned; metadata keys are sorted. Types: F32, F64 and I64, jgrad's
 * {@link org.jgrad.DType}s. Reading checks everything before allocating anything large — the
 * header length against the file's size, each tensor's byte count against its shape, that the
 * tensors cover the data exactly, without overlap or hole — and reports the first problem in a
 * {@link FileFormatException}. {@link ModelFile} builds on this; so can checkpoints.
 *
 * @param tensors the tensors by name, in the caller's order (on reading: the file's order)
 * @param metadata the {@code __metadata__} entries (on reading: the file's order)
 */
public record Safetensors(Map<String, Tensor> tensors, Map<String, String> metadata) {

    /** The largest header read or written, in bytes: the reference implementation's limit. */
    public static final int MAX_HEADER_BYTES = Json.MAX_BYTES;

    /** The header key of the metadata; no tensor may be named so. */
    public static final String METADATA_KEY = "__metadata__";

    /** Holds copies of the two maps; no tensor may be called {@value #METADATA_KEY}. */
    public Safetensors {
        tensors.forEach((name, tensor) -> {
            Objects.requireNonNull(name, "Safetensors: tensor name");
            Objects.requireNonNull(tensor, () -> "Safetensors: tensor '" + name + "'");
        });
        if (tensors.containsKey(METADATA_KEY)) {
            throw new IllegalArgumentException("Safetensors: '" + METADATA_KEY + "' is reserved for the metadata"
                    + " and cannot name a tensor");
        }
        metadata.forEach((key, value) -> {
            Objects.requireNonNull(key, "Safetensors: metadata key");
            Objects.requireNonNull(value, () -> "Safetensors: metadata '" + key + "'");
        });
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Reads the safetensors file at {@code path}; fails with a {@link FileFormatException} naming the problem. */
    public static Safetensors read(Path path) throws IOException {
        return SafetensorsReader.read(path);
    }

    /** Writes these tensors and metadata to {@code path} atomically (see {@link AtomicFile}). */
    public void write(Path path) throws IOException {
        List<SafetensorsEntry> layout = layout();
        byte[] header = header(layout);
        AtomicFile.write(path, channel -> {
            ByteBuffer prefix = ByteBuffer.allocate(Long.BYTES + header.length).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(header.length).put(header).flip();
            while (prefix.hasRemaining()) {
                channel.write(prefix);
            }
            for (SafetensorsEntry entry : layout) {
                entry.type().write(tensors.get(entry.name()), channel);
            }
        });
    }

    /** Each tensor's entry, in the order and at the offsets the file will hold them. */
    private List<SafetensorsEntry> layout() {
        List<SafetensorsEntry> unplaced = new ArrayList<>();
        tensors.forEach((name, tensor) ->
                unplaced.add(new SafetensorsEntry(name, SafetensorsDtype.of(tensor.dtype()), tensor.shape(), 0, 0)));
        unplaced.sort(SafetensorsEntry.WRITE_ORDER);
        List<SafetensorsEntry> placed = new ArrayList<>();
        long offset = 0;
        for (SafetensorsEntry entry : unplaced) {
            long end = offset + (long) entry.numel() * entry.type().size();
            placed.add(new SafetensorsEntry(entry.name(), entry.type(), entry.shape(), offset, end));
            offset = end;
        }
        return placed;
    }

    /** The header's bytes, padded with spaces to a multiple of 8. */
    private byte[] header(List<SafetensorsEntry> layout) {
        Json.Obj header = Json.object();
        if (!metadata.isEmpty()) {
            Json.Obj entries = Json.object();
            for (String key : metadata.keySet().stream().sorted(SafetensorsEntry.NAME_ORDER).toList()) {
                entries = entries.with(key, Json.of(metadata.get(key)));
            }
            header = header.with(METADATA_KEY, entries);
        }
        for (SafetensorsEntry entry : layout) {
            header = header.with(entry.name(), entry.toJson());
        }
        byte[] text = header.toJson().getBytes(StandardCharsets.UTF_8);
        int padded = (text.length + 7) / 8 * 8;
        if (padded > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("Safetensors: the header would take " + padded + " bytes, more than"
                    + " the " + MAX_HEADER_BYTES + " readers accept");
        }
        byte[] out = Arrays.copyOf(text, padded);
        Arrays.fill(out, text.length, padded, (byte) ' ');
        return out;
    }
}
