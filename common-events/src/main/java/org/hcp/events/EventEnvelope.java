package org.hcp.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event travels in (docs/architecture.md, "Events").
 *
 * <p>{@code occurredAt} is when it happened in the world, {@code recordedAt} when we recorded it;
 * {@code key} is the aggregate id the topic is keyed by, so per-key order holds.
 */
public record EventEnvelope<P extends EventPayload>(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        Instant recordedAt,
        String region,
        String key,
        UUID causationId,
        UUID correlationId,
        String producer,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(payload, "payload");
    }

    /** Wraps a payload as a new event whose type and version come from the payload's registration. */
    public static <P extends EventPayload> EventEnvelope<P> of(
            P payload, String key, String region, Instant occurredAt, Instant recordedAt,
            UUID causationId, UUID correlationId, String producer) {
        EventType type = EventTypes.typeOf(payload.getClass());
        return new EventEnvelope<>(EventIds.newTimeOrdered(), type.name(), type.version(), occurredAt, recordedAt,
                region, key, causationId, correlationId, producer, payload);
    }
}
