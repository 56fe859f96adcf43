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
}
