package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * RectificationWithdrawn v1: R3.4 — the rating was not adopted (an appeal upheld), so nothing is owed any more.
 * Undone by {@link RectificationResumed} when the rating is reinstated.
 */
public record RectificationWithdrawn(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) String decisionId,
        @JsonProperty(required = true) Instant withdrawnAt) implements EventPayload {
}
