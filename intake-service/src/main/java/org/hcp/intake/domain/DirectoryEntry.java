package org.hcp.intake.domain;

import java.util.Map;
import org.hcp.events.DirectoryKind;

/** One entry of the directory of what can be rated (R1.11), as it stands now. */
public record DirectoryEntry(DirectoryKind kind, String code, int version, String name, String regionCode,
        String institutionCode, Map<String, String> attributes, boolean active) {

    public DirectoryEntry {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Looks entries up by kind and code; null when there is none. */
    @FunctionalInterface
    public interface Lookup {
        DirectoryEntry find(DirectoryKind kind, String code);
    }

    /** Which entry: its kind and code. */
    public record Key(DirectoryKind kind, String code) {
    }

    /**
     * A lookup over entries read beforehand for {@code keys}: an entry not found is null, a key outside {@code keys}
     * is a programming error (the decision asked for something its caller did not read).
     */
    public static Lookup of(java.util.Set<Key> keys, java.util.Map<Key, DirectoryEntry> found) {
        return (kind, code) -> {
            Key key = new Key(kind, code);
            if (!keys.contains(key)) {
                throw new IllegalStateException("directory entry " + key + " was not read before the decision");
            }
            return found.get(key);
        };
    }
}
