package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON form of events, shared by every producer and consumer so that all read and write the same bytes.
 *
 * <p>Reading ignores fields it does not know: adding a field to an event type is a compatible change.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
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
     * @throws UnreadableEventException when the bytes are not an event we can read (a poison event)
     */
    public static EventEnvelope<EventPayload> read(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (!(tree instanceof ObjectNode node)) {
                throw new UnreadableEventException("event is not a JSON object");
            }
            String type = text(node, "type");
            int version = required(node, "schemaVersion").asInt();
            EventType eventType = EventTypes.find(type, version);
            EventPayload payload = MAPPER.treeToValue(required(node, "payload"), eventType.payloadClass());
            return new EventEnvelope<>(
                    UUID.fromString(text(node, "eventId")),
                    type,
                    version,
                    Instant.parse(text(node, "occurredAt")),
                    Instant.parse(text(node, "recordedAt")),
                    optionalText(node, "region"),
                    text(node, "key"),
                    optionalUuid(node, "causationId"),
                    optionalUuid(node, "correlationId"),
                    text(node, "producer"),
                    payload);
        } catch (UnreadableEventException e) {
            throw e;
        } catch (JsonProcessingException | RuntimeException e) {
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

    private static JsonNode required(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new UnreadableEventException("event has no '" + field + "'");
        }
        return value;
    }

    private static String text(ObjectNode node, String field) {
        return required(node, field).asText();
    }

    private static String optionalText(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID optionalUuid(ObjectNode node, String field) {
        String value = optionalText(node, field);
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
