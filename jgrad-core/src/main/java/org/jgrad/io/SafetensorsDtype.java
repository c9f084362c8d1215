package org.jgrad.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import org.jgrad.DType;
import org.jgrad.Tensor;
import org.jgrad.backend.Storage;
import org.jgrad.backend.Strided;

/**
 * The safetensors element types jgrad reads and writes, each with its little-endian encoding.
 * Declared in the reference implementation's order, which is by increasing alignment: its
 * writer puts tensors of later types first, so that every tensor starts aligned.
 */
enum SafetensorsDtype {
    F32(DType.FLOAT32, Float.BYTES),
    F64(DType.FLOAT64, Double.BYTES),
    I64(DType.INT64, Long.BYTES);

    /** Elements converted per buffer, bounding the temporary memory of large tensors. */
    private static final int CHUNK = 1 << 14;

    private final DType dtype;
    private final int size;

    SafetensorsDtype(DType dtype, int size) {
        this.dtype = dtype;
        this.size = size;
    }

    /** Bytes per element. */
    int size() {
        return size;
    }

    /** The type that stores tensors of {@code dtype}. */
    static SafetensorsDtype of(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> F32;
            case FLOAT64 -> F64;
            case INT64 -> I64;
        };
    }

    /** The type named {@code name} in a header, or {@code null} if jgrad does not read it. */
    static SafetensorsDtype named(String name) {
        for (SafetensorsDtype type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** Writes the elements of {@code tensor} (of this type) in row-major order at the channel's position. */
    void write(Tensor tensor, FileChannel channel) throws IOException {
        Storage values = switch (this) {
            case F32 -> new Storage.Floats(tensor.toFloatArray());
            case F64 -> new Storage.Doubles(tensor.toDoubleArray());
            case I64 -> new Storage.Longs(tensor.toLongArray());
        };
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * size).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < values.size(); from += CHUNK) {
            int count = Math.min(CHUNK, values.size() - from);
            buffer.clear();
            switch (values) {
                case Storage.Floats f -> buffer.asFloatBuffer().put(f.data(), from, count);
                case Storage.Doubles d -> buffer.asDoubleBuffer().put(d.data(), from, count);
                case Storage.Longs l -> buffer.asLongBuffer().put(l.data(), from, count);
            }
            buffer.limit(count * size);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** A tensor of {@code shape} read from {@code channel} at {@code position}, the caller having checked the size. */
    Tensor read(FileChannel channel, long position, int[] shape, int numel) throws IOException {
        Storage values = dtype.allocate(numel);
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * size).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < numel; from += CHUNK) {
            int count = Math.min(CHUNK, numel - from);
            buffer.clear().limit(count * size);
            long at = position + (long) from * size;
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at + buffer.position()) < 0) {
                    throw new EOFException("the file ended at byte " + (at + buffer.position()) + " while reading");
                }
            }
            buffer.flip();
            switch (values) {
                case Storage.Floats f -> buffer.asFloatBuffer().get(f.data(), from, count);
                case Storage.Doubles d -> buffer.asDoubleBuffer().get(d.data(), from, count);
                case Storage.Longs l -> buffer.asLongBuffer().get(l.data(), from, count);
            }
        }
        return Tensor.fromStorage(values, shape, Strided.rowMajorStrides(shape), 0);
    }
}
