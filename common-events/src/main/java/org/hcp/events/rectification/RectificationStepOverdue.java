package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * RectificationStepOverdue v1: R2.6 — a step missed its deadline; escalated to the bureau of the region. Once per
 * step; the rectification is late from then on and closes only after an interview.
 */
public record RectificationStepOverdue(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) RectificationStep step,
        @JsonProperty(required = true) Instant dueAt,
        @JsonProperty(required = true) Instant detectedAt) implements EventPayload {
}
