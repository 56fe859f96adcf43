package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One producer's watermark on {@link Topics#WATERMARKS}: every event {@code producer} recorded at or before
 * {@code recordedUpTo} (its envelope's {@code recordedAt}) has been acknowledged by the broker on its topic. Its
 * outbox relay publishes one after a round that left its outbox empty (docs/events.md, "Watermarks").
 */
public record Watermark(
        @JsonProperty(required = true) String producer,
        @JsonProperty(required = true) Instant recordedUpTo) {

    public String toJson() {
        try {
            return EventJson.mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when {@code json} is not a watermark */
    public static Watermark read(String json) {
        try {
            Watermark w = EventJson.mapper().readValue(json, Watermark.class);
            if (w.producer() == null || w.recordedUpTo() == null) {
                throw new IllegalArgumentException("a watermark names its producer and instant: " + json);
            }
            return w;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a watermark: " + e.getMessage(), e);
        }
    }
}
