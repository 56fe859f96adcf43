package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.hcp.events.EventPayload;

/**
 * RectificationCaseAdded v1: R1.5/R1.6 — another case of the batch or chain a rectification answers arrived (each
 * case's rating is its own event, in any order).
 */
public record RectificationCaseAdded(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) String caseNumber) implements EventPayload {
}
