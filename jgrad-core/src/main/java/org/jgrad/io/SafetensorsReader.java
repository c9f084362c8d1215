package org.jgrad.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrad.Shape;
import org.jgrad.Tensor;

/**
 * Reads a safetensors file, trusting nothing in it: sizes are checked against the file's length
 * before anything is allocated, every header entry is validated, and the tensors must cover the
 * data exactly. The first problem ends the read with a {@link FileFormatException} naming the
 * byte or the tensor.
 */
final class SafetensorsReader {

    private static final int LENGTH_BYTES = Long.BYTES;
    private static final Set<String> ENTRY_KEYS = Set.of("dtype", "shape", "data_offsets");

    private final Path path;
    private final FileChannel channel;

    private SafetensorsReader(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    static Safetensors read(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return new SafetensorsReader(path, channel).read();
        }
    }

    private Safetensors read() throws IOException {
        long fileSize = channel.size();
        if (fileSize < LENGTH_BYTES) {
            throw bad("the file has " + fileSize + " bytes, too few for the 8-byte header length");
        }
        long headerLength = bytes(0, LENGTH_BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (Long.compareUnsigned(headerLength, Safetensors.MAX_HEADER_BYTES) > 0) {
            throw bad("header length " + Long.toUnsignedString(headerLength) + " (bytes 0-7) exceeds the limit of "
                    + Safetensors.MAX_HEADER_BYTES + " bytes");
        }
        long dataStart = LENGTH_BYTES + headerLength;
        if (dataStart > fileSize) {
            throw bad("header length " + headerLength + " (bytes 0-7) runs past the end of the file (" + fileSize
                    + " bytes)");
        }
        byte[] header = bytes(LENGTH_BYTES, (int) headerLength).array();
        if (header.length == 0 || header[0] != '{') {
            throw bad("byte " + LENGTH_BYTES + ": the header must start with '{'");
        }
        Json.Obj json;
        try {
            json = Json.parse(header).asObject();
        } catch (JsonException e) {
            throw bad("invalid header JSON at byte " + (LENGTH_BYTES + e.offset()) + ": " + e.reason());
        }
        long dataSize = fileSize - dataStart;
        Map<String, String> metadata = Map.of();
        List<SafetensorsEntry> entries = new ArrayList<>();
        for (var member : json.members().entrySet()) {
            if (member.getKey().equals(Safetensors.METADATA_KEY)) {
                metadata = metadata(member.getValue());
            } else {
                entries.add(entry(member.getKey(), member.getValue(), dataSize));
            }
        }
        entries.sort(Comparator.comparingLong(SafetensorsEntry::begin).thenComparingLong(SafetensorsEntry::end));
        checkCoverage(entries, dataSize);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (SafetensorsEntry entry : entries) {
            long position = dataStart + entry.begin();
            tensors.put(entry.name(), entry.type().read(channel, position, entry.shape(), entry.numel()));
        }
        return new Safetensors(tensors, metadata);
    }

    private Map<String, String> metadata(Json value) throws FileFormatException {
        if (!(value instanceof Json.Obj object)) {
            throw bad("'" + Safetensors.METADATA_KEY + "' must be an object of strings, got " + value.kind());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var member : object.members().entrySet()) {
            if (!(member.getValue() instanceof Json.Str text)) {
                throw bad("'" + Safetensors.METADATA_KEY + "' entry '" + member.getKey() + "' must be a string, got "
                        + member.getValue().kind() + " " + JsonWriter.excerpt(member.getValue()));
            }
            out.put(member.getKey(), text.value());
        }
        return out;
    }

    /** The validated entry of tensor {@code name}; its bytes lie inside the data and match its shape. */
    private SafetensorsEntry entry(String name, Json value, long dataSize) throws FileFormatException {
        String tensor = "tensor '" + name + "': ";
        if (!(value instanceof Json.Obj info)) {
            throw bad(tensor + "expected an object with dtype, shape and data_offsets, got " + value.kind());
        }
        for (String key : info.members().keySet()) {
            if (!ENTRY_KEYS.contains(key)) {
                throw bad(tensor + "unexpected key '" + key + "'");
            }
        }
        for (String key : List.of("dtype", "shape", "data_offsets")) {
            if (info.get(key) == null) {
                throw bad(tensor + "missing '" + key + "'");
            }
        }
        SafetensorsDtype type = info.get("dtype") instanceof Json.Str s ? SafetensorsDtype.named(s.value()) : null;
        if (type == null) {
            throw bad(tensor + "unsupported dtype " + JsonWriter.excerpt(info.get("dtype"))
                    + " (jgrad reads F32, F64 and I64)");
        }
        int[] shape = shape(tensor, info.get("shape"));
        long[] offsets = offsets(tensor, info.get("data_offsets"));
        var entry = new SafetensorsEntry(name, type, shape, offsets[0], offsets[1]);
        if (entry.end() > dataSize) {
            throw bad(tensor + "data_offsets " + entry.offsets() + " run past the end of the data (" + dataSize
                    + " bytes)");
        }
        long bytes = (long) entry.numel() * type.size();
        if (bytes != entry.end() - entry.begin()) {
            throw bad(tensor + "shape " + Shape.format(shape) + " of " + type + " takes " + bytes
                    + " bytes, but data_offsets " + entry.offsets() + " span " + (entry.end() - entry.begin()));
        }
        return entry;
    }

    private int[] shape(String tensor, Json value) throws FileFormatException {
        if (!(value instanceof Json.Arr array)) {
            throw bad(tensor + "shape must be an array of integers, got " + value.kind());
        }
        int[] shape = new int[array.items().size()];
        long numel = 1;
        for (int d = 0; d < shape.length; d++) {
            Json extent = array.items().get(d);
            if (!(extent instanceof Json.Int i) || i.value() < 0 || i.value() > Integer.MAX_VALUE) {
                throw bad(tensor + "shape extent " + JsonWriter.excerpt(extent) + " is not an integer in [0, "
                        + Integer.MAX_VALUE + "]");
            }
            shape[d] = (int) i.value();
            numel = Math.min(numel * shape[d], (long) Integer.MAX_VALUE + 1);  // both factors < 2^32: no overflow
        }
        if (numel > Integer.MAX_VALUE) {
            throw bad(tensor + "shape " + Shape.format(shape) + " has more than the " + Integer.MAX_VALUE
                    + " elements a tensor can hold");
        }
        return shape;
    }

    private long[] offsets(String tensor, Json value) throws FileFormatException {
        if (value instanceof Json.Arr array && array.items().size() == 2
                && array.items().get(0) instanceof Json.Int begin && array.items().get(1) instanceof Json.Int end
                && begin.value() >= 0 && begin.value() <= end.value()) {
            return new long[] {begin.value(), end.value()};
        }
        throw bad(tensor + "data_offsets must be [begin, end] with 0 <= begin <= end, got "
                + JsonWriter.excerpt(value));
    }

    /** Checks that the tensors, sorted by offset, tile the data from its first byte to its last. */
    private void checkCoverage(List<SafetensorsEntry> sorted, long dataSize) throws FileFormatException {
        long covered = 0;
        SafetensorsEntry previous = null;
        for (SafetensorsEntry entry : sorted) {
            if (entry.begin() > covered) {
                throw bad("data bytes [" + covered + ", " + entry.begin() + ") belong to no tensor");
            }
            if (entry.begin() < covered) {
                throw bad("tensor '" + entry.name() + "' (data_offsets " + entry.offsets() + ") overlaps tensor '"
                        + previous.name() + "' (data_offsets " + previous.offsets() + ")");
            }
            covered = entry.end();
            previous = entry;
        }
        if (covered < dataSize) {
            throw bad("data bytes [" + covered + ", " + dataSize + ") belong to no tensor");
        }
    }

    /** {@code length} bytes from {@code position}, the caller having checked that the file holds them. */
    private ByteBuffer bytes(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw bad("the file ended at byte " + (position + buffer.position()) + " while reading");
            }
        }
        return buffer.flip();
    }

    private FileFormatException bad(String problem) {
        return new FileFormatException(path, problem);
    }
}
