package org.hcp.events;

/** A registered event type: its name on the wire, its schema version and the payload record it reads into. */
public record EventType(String name, int version, Class<? extends EventPayload> payloadClass) {

    /** The name of the published JSON Schema file, e.g. {@code RatingSubmitted.v1.schema.json}. */
    public String schemaFileName() {
        return name + ".v" + version + ".schema.json";
    }
}
