package org.jgrad.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * The bytes of one IDX file, plain or gunzipped, read with their offset counted so that every
 * error names the file and the byte. A gzip stream that is cut off reads as an early end.
 */
final class IdxInput {

    private final String file;
    private final InputStream in;
    private final boolean gzip;
    private long offset;
    private boolean cutOff;

    IdxInput(String file, InputStream in, boolean gzip) {
        this.file = file;
        this.in = in;
        this.gzip = gzip;
    }

    /** The file's name, as errors give it. */
    String file() {
        return file;
    }

    /** Whether a gzip stream ended before its end (inside a block or its trailer). */
    boolean cutOff() {
        return cutOff;
    }

    /** The offset of the next byte. */
    long offset() {
        return offset;
    }

    /** Whether the bytes are those of a gzip stream's uncompressed data. */
    boolean gzip() {
        return gzip;
    }

    /** Reads a big-endian 32-bit unsigned integer, {@code what} naming it for the error on an early end. */
    long readUnsigned(String what) throws IOException {
        byte[] bytes = new byte[4];
        long start = offset;
        if (read(bytes, 0, 4) < 4) {
            throw error(where() + " ends at byte " + offset + ", inside " + what + " (bytes " + start + " to "
                    + (start + 3) + ")");
        }
        return ((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFFL) << 16) | ((bytes[2] & 0xFFL) << 8) | (bytes[3] & 0xFFL);
    }

    /**
     * Reads up to {@code length} bytes into {@code buffer} at {@code from}, fewer only at the
     * end of the data; returns how many it read.
     */
    int read(byte[] buffer, int from, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n;
            try {
                n = in.read(buffer, from + done, length - done);
            } catch (EOFException e) {
                cutOff = true;  // a gzip stream that ends inside a block or its trailer
                n = -1;
            } catch (ZipException e) {
                throw error("the gzip stream is corrupt at byte " + offset + " of its uncompressed data ("
                        + e.getMessage() + ")");
            }
            if (n < 0) {
                break;
            }
            done += n;
            offset += n;
        }
        return done;
    }

    /** Whether any byte follows. */
    boolean hasMore() throws IOException {
        return read(new byte[1], 0, 1) == 1;
    }

    /** "the file" or, for gzip, "the uncompressed data": what the offsets count. */
    String where() {
        return gzip ? "the uncompressed data" : "the file";
    }

    /** An error naming the file. */
    IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(file + ": " + problem);
    }
}
