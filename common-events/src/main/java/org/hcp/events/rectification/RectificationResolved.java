package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * RectificationResolved v1: R2.3 — rectified, or explained, with what was done (published with the results, R2.7:
 * written for the public, never naming the evaluator).
 *
 * @param verificationDueAt R2.6 (TA): the bureau verifies by then; null when the policy sets no term
 */
public record RectificationResolved(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) Resolution resolution,
        @JsonProperty(required = true) String measures,
        Instant verificationDueAt,
        boolean deadlinesProvisional,
        @JsonProperty(required = true) String resolvedBy,
        @JsonProperty(required = true) Instant resolvedAt) implements EventPayload {
}
