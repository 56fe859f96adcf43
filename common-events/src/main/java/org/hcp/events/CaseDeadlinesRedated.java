package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * CaseDeadlinesRedated v1: R1.7, R1.9 — the official calendar of a year was loaded, and the deadlines of this
 * unrated case, counted provisionally on weekends alone, were counted again from its completion. Keyed by case
 * number on {@link Topics#CASES}.
 *
 * @param calendarYear       the year whose calendar was loaded
 * @param supplementaryUntil R1.7: rated until then
 * @param reminderDueAt      R1.9: the reminder; null when the policy sends none
 * @param defaultRatingDueAt R1.9: the default rating; null when the policy has none
 * @param deadlinesProvisional still counted through a year without a calendar
 */
public record CaseDeadlinesRedated(
        @JsonProperty(required = true) String caseNumber,
        @JsonProperty(required = true) String regionCode,
        @JsonProperty(required = true) int calendarYear,
        Instant supplementaryUntil,
        Instant reminderDueAt,
        Instant defaultRatingDueAt,
        boolean deadlinesProvisional,
        @JsonProperty(required = true) Instant redatedAt) implements EventPayload {
}
