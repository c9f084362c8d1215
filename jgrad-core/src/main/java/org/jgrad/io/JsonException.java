package org.jgrad.io;

/**
 * Text that is not valid JSON, or exceeds {@link Json}'s limits: names the byte where reading
 * stopped and why, e.g. {@code invalid JSON at byte 12: expected ':' after an object key}.
 */
public final class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String reason;

    /** A problem {@code reason} found at byte {@code offset} of the text. */
    public JsonException(long offset, String reason) {
        super("invalid JSON at byte " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /** The byte of the text, counted from 0, where the problem was found. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
