package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/** RectificationResumed v1: R3.5 — a withdrawn rectification goes on: its rating was reinstated. */
public record RectificationResumed(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) String decisionId,
        @JsonProperty(required = true) Instant resumedAt) implements EventPayload {
}
