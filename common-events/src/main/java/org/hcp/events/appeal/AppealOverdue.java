package org.hcp.events.appeal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/** AppealOverdue v1: R3.2 — the bureau has not decided by the policy's deadline; escalated, flagged once. */
public record AppealOverdue(
        @JsonProperty(required = true) String appealId,
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) Instant dueAt,
        @JsonProperty(required = true) Instant detectedAt) implements EventPayload {
}
