package org.hcp.events;

/**
 * A registered event type: its name on the wire, its schema version, the payload record it reads into and the topic
 * it is published on (docs/events.md; the AsyncAPI document is generated from these).
 */
public record EventType(String name, int version, Class<? extends EventPayload> payloadClass, String topic) {

    /** The name of the published JSON Schema file, e.g. {@code RatingSubmitted.v1.schema.json}. */
    public String schemaFileName() {
        return name + ".v" + version + ".schema.json";
    }
}
