package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** R1.4: one window visit of a promised or mixed case; each visit may be rated once. */
public record CaseVisit(
        @JsonProperty(required = true) String visitId,
        String windowCode,
        String staffId,
        @JsonProperty(required = true) Instant visitedAt) {
}
