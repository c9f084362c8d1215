package org.jgrad.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one source (a file, a table), collected so that a loader reports them
 * all at once: one problem as {@code "source: problem"}, several as a list, the first
 * {@value #SHOWN} shown.
 */
final class Problems {

    private static final int SHOWN = 10;

    private final String source;
    private final List<String> shown = new ArrayList<>();
    private int count;

    Problems(String source) {
        this.source = source;
    }

    void add(String problem) {
        count++;
        if (shown.size() < SHOWN) {
            shown.add(problem);
        }
    }

    /** Throws an {@link IllegalArgumentException} listing the problems, if there are any. */
    void throwIfAny() {
        if (count == 1) {
            throw new IllegalArgumentException(source + ": " + shown.getFirst());
        }
        if (count > 1) {
            String more = count > SHOWN ? "\n  and " + (count - SHOWN) + " more" : "";
            throw new IllegalArgumentException(source + ": " + count + " problems:\n  " + String.join("\n  ", shown)
                    + more);
        }
    }
}
