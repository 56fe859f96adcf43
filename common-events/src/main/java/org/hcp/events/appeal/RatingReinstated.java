package org.hcp.events.appeal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * RatingReinstated v1: R3.4/R3.5 — a later decision (a review) undid a {@link RatingNotAdopted}: the rating counts
 * again and its rectification goes on. Keyed by rating id on {@code hcp.appeals}.
 */
public record RatingReinstated(
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) String caseNumber,
        @JsonProperty(required = true) String decisionId,
        @JsonProperty(required = true) String reason,
        @JsonProperty(required = true) String decidedBy,
        @JsonProperty(required = true) Instant decidedAt) implements EventPayload {
}
