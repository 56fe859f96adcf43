package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON form of events, shared by every producer and consumer so that all read and write the same bytes.
 *
 * <p>Reading ignores fields it does not know: adding a field to an event type is a compatible change.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("canonical-instants").addDeserializer(Instant.class,
                    new CanonicalInstants.Deserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(EventEnvelope<?> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.eventId(), e);
        }
    }

    /**
     * Reads any registered event; the payload becomes the record registered for its type and version.
     *
     * <p>One pass over the text: every writer of ours puts {@code type} and {@code schemaVersion} before the
     * payload, so the payload is read straight into its record. Reading a tree first and converting it afterwards
     * decoded each event twice, the largest cost of a rebuild (docs/performance.md). A payload that comes before its
     * type is still read, through a tree.
     *
     * @throws UnreadableEventException when the bytes are not an event we can read (a poison event)
     */
    public static EventEnvelope<EventPayload> read(String json) {
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableEventException("event is not a JSON object");
            }
            Map<String, String> fields = new HashMap<>();
            Integer version = null;
            EventPayload payload = null;
            JsonNode early = null; // a payload read before its type was known
            boolean hasPayload = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("payload")) {
                    hasPayload = value != JsonToken.VALUE_NULL;
                    if (hasPayload && fields.get("type") != null && version != null) {
                        payload = MAPPER.readValue(p, EventTypes.find(fields.get("type"), version).payloadClass());
                        early = null;
                    } else if (hasPayload) {
                        early = MAPPER.readTree(p);
                        payload = null;
                    }
                } else if (field.equals("schemaVersion")) {
                    version = value == JsonToken.VALUE_NULL ? null : p.getValueAsInt();
                } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    fields.put(field, ""); // as JsonNode.asText() reads a container
                } else {
                    fields.put(field, value == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
            String type = required(fields, "type");
            if (version == null) {
                throw new UnreadableEventException("event has no 'schemaVersion'");
            }
            if (!hasPayload) {
                throw new UnreadableEventException("event has no 'payload'");
            }
            EventType eventType = EventTypes.find(type, version);
            if (payload == null) {
                payload = MAPPER.treeToValue(early, eventType.payloadClass());
            } else if (!eventType.payloadClass().isInstance(payload)) {
                // the type or version changed after the payload was read (a repeated field): read as the last says
                throw new UnreadableEventException("event names its type twice");
            }
            return new EventEnvelope<>(
                    UUID.fromString(required(fields, "eventId")),
                    type,
                    version,
                    CanonicalInstants.parse(required(fields, "occurredAt")),
                    CanonicalInstants.parse(required(fields, "recordedAt")),
                    fields.get("region"),
                    required(fields, "key"),
                    optionalUuid(fields, "causationId"),
                    optionalUuid(fields, "correlationId"),
                    required(fields, "producer"),
                    payload);
        } catch (UnreadableEventException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableEventException(e.getMessage(), e);
        }
    }

    /** Reads an event that must be of the given payload type. */
    @SuppressWarnings("unchecked")
    public static <P extends EventPayload> EventEnvelope<P> read(String json, Class<P> payloadClass) {
        EventEnvelope<EventPayload> event = read(json);
        if (!payloadClass.isInstance(event.payload())) {
            throw new UnreadableEventException("expected " + payloadClass.getSimpleName() + " but was " + event.type());
        }
        return (EventEnvelope<P>) (EventEnvelope<?>) event;
    }

    private static String required(Map<String, String> fields, String field) {
        String value = fields.get(field);
        if (value == null) {
            throw new UnreadableEventException("event has no '" + field + "'");
        }
        return value;
    }

    private static UUID optionalUuid(Map<String, String> fields, String field) {
        String value = fields.get(field);
        return value == null ? null : UUID.fromString(value);
    }

    /** An event that cannot be read: it goes to the dead-letter topic with this message as the reason. */
    public static final class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }

        public UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
