package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * DirectoryEntryRecorded v1: an entry of the directory of what can be rated (R1.11) was registered or changed.
 * Every service projects the same directory from {@link Topics#DIRECTORY}; keyed by {@code KIND:code}, so the
 * versions of one entry stay in order, and history keeps what a name was at the time.
 *
 * @param version         1 for the first registration, +1 for each change
 * @param regionCode      the region it belongs to (for a REGION: its own code)
 * @param institutionCode for a WINDOW or STAFF: its institution
 * @param attributes      kind-specific facts, e.g. {@code institutionKind}, {@code itemKind}, {@code platformKind}
 * @param active          false once withdrawn; history stays
 * @param effectiveFrom   when this version holds
 */
public record DirectoryEntryRecorded(
        @JsonProperty(required = true) DirectoryKind kind,
        @JsonProperty(required = true) String code,
        @JsonProperty(required = true) int version,
        @JsonProperty(required = true) String name,
        String regionCode,
        String institutionCode,
        Map<String, String> attributes,
        @JsonProperty(required = true) boolean active,
        @JsonProperty(required = true) Instant effectiveFrom) implements EventPayload {

    public DirectoryEntryRecorded {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static String key(DirectoryKind kind, String code) {
        return kind + ":" + code;
    }
}
