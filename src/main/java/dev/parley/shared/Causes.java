package dev.parley.shared;

import java.util.Optional;

/** Looks through a failure's chain of causes. */
public final class Causes {

    private Causes() {
    }

    /** The first of {@code failure} and its causes that is a {@code type}, if any. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
