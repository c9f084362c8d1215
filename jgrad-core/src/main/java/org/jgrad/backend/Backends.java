package org.jgrad.backend;

import java.util.logging.Logger;

/**
 * Chooses the backend once, at first use. The system property {@code jgrad.backend} forces
 * one by name; the only backend today is {@code reference}.
 */
public final class Backends {

    /** The system property that forces a backend by name. */
    public static final String PROPERTY = "jgrad.backend";

    private static final Backend CURRENT = select(System.getProperty(PROPERTY, "reference"));

    private Backends() {
    }

    /** The backend every tensor operation runs on. */
    public static Backend current() {
        return CURRENT;
    }

    private static Backend select(String name) {
        Backend backend = switch (name) {
            case "reference" -> new ReferenceBackend();
            default -> throw new IllegalArgumentException(
                    PROPERTY + ": unknown backend '" + name + "'; available: reference");
        };
        Logger.getLogger("org.jgrad").fine(() -> "jgrad backend: " + backend.name()
                + ", threads: 1");
        return backend;
    }
}
