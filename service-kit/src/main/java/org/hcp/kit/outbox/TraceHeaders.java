package org.hcp.kit.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.hcp.events.EventJson;

/**
 * Kafka headers that let a consumer or an operator's tool follow an event without reading its body
 * (docs/events.md, "Headers"): its id and type, the request it belongs to and its cause, and a W3C
 * {@code traceparent} whose trace id is the correlation id, so tracing tools join every event of one request.
 */
final class TraceHeaders {

    static final String EVENT_ID = "hcp.event-id";
    static final String EVENT_TYPE = "hcp.event-type";
    static final String CORRELATION_ID = "hcp.correlation-id";
    static final String CAUSATION_ID = "hcp.causation-id";
    static final String TRACEPARENT = "traceparent";

    private TraceHeaders() {
    }

    static void add(Headers headers, UUID eventId, String type, String envelope) {
        put(headers, EVENT_ID, eventId.toString());
        put(headers, EVENT_TYPE, type);
        JsonNode tree;
        try {
            tree = EventJson.mapper().readTree(envelope);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return; // the outbox only holds envelopes we wrote; a body we cannot read still travels, unlabelled
        }
        String correlation = tree.path("correlationId").asText(null);
        String causation = tree.path("causationId").asText(null);
        if (causation != null) {
            put(headers, CAUSATION_ID, causation);
        }
        if (correlation != null) {
            put(headers, CORRELATION_ID, correlation);
            put(headers, TRACEPARENT, traceparent(UUID.fromString(correlation), eventId));
        }
    }

    /** version 00, trace id = the correlation id, span id = the low 64 bits of the event id, sampled. */
    static String traceparent(UUID correlation, UUID eventId) {
        String trace = correlation.toString().replace("-", "");
        String span = String.format("%016x", eventId.getLeastSignificantBits());
        return "00-" + trace + "-" + span + "-01";
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
