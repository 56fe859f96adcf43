package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * RectificationVerified v1: R2.6 — the bureau checked the rectification by callback. R2.5: for a "very
 * dissatisfied" (level 1) review it is a phone callback with a satisfaction re-survey, whose answer is recorded.
 *
 * @param resurveyLevel the evaluator's answer to the re-survey, 1..5; null when none was taken
 */
public record RectificationVerified(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) boolean confirmed,
        @JsonProperty(required = true) boolean phoneCallback,
        Integer resurveyLevel,
        String note,
        @JsonProperty(required = true) String verifiedBy,
        @JsonProperty(required = true) Instant verifiedAt) implements EventPayload {
}
