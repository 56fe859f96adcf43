package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * RatingReminderIssued v1: R1.9 (TA) — a completed case was not rated in time, so the evaluator is to be reminded
 * (by SMS). System-made; the SMS gateway consumes it. Keyed by case number on {@link Topics#CASES}; an event, so a
 * replay never re-runs the timer.
 */
public record RatingReminderIssued(
        @JsonProperty(required = true) String caseNumber,
        @JsonProperty(required = true) String regionCode,
        String evaluatorPseudonym,
        @JsonProperty(required = true) Instant dueAt,
        Instant defaultRatingDueAt) implements EventPayload {
}
