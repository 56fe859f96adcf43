package org.hcp.events.outcome;

import java.util.Arrays;
import java.util.List;

/**
 * A user-facing text by its message key and arguments, rendered in the reader's language only where it leaves the
 * service ({@link Messages}). The key is stable: clients may switch on it; the wording may change.
 */
public record Text(String key, List<String> args) {

    public Text {
        args = List.copyOf(args);
    }

    /** Arguments are turned into strings now, so a text renders the same in every locale (no digit grouping). */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
