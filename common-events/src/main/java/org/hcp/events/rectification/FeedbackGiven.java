package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/** FeedbackGiven v1: R2.4 — the evaluator was told what is being or was done (件件有反馈). */
public record FeedbackGiven(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) String means,
        String summary,
        @JsonProperty(required = true) String givenBy,
        @JsonProperty(required = true) Instant givenAt) implements EventPayload {
}
