package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/** RectificationClosed v1: verified and closed by the bureau; {@code onTime} when no step was ever overdue. */
public record RectificationClosed(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) boolean onTime,
        @JsonProperty(required = true) String closedBy,
        @JsonProperty(required = true) Instant closedAt) implements EventPayload {
}
