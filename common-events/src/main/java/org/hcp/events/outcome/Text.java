package org.hcp.events.outcome;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hcp.events.policy.Term;

/**
 * A user-facing text by its message key and arguments, rendered in the reader's language only where it leaves the
 * service ({@link Messages}). The key is stable: clients may switch on it; the wording may change.
 */
public record Text(String key, List<Object> args) {

    public Text {
        args = List.copyOf(args);
    }

    /**
     * Arguments are turned into strings now, so a text renders the same in every locale (no digit grouping); an
     * instant and a policy's term stay what they are, for the reader's language to say (Beijing time, "5 个工作日").
     * A caller's value is a string, and is said back as it came.
     */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.stream(args)
                .map(a -> a instanceof Instant || a instanceof Term ? a : (Object) String.valueOf(a)).toList());
    }
}
