package org.hcp.events.rectification;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * RectificationRedated v1: the official calendar of a year was loaded, and the deadlines of this open rectification,
 * counted provisionally on weekends alone, were counted again from the instants they start from (docs/rules.md,
 * "When each term starts"). Carries every computed deadline as it now stands; a step flagged overdue whose new
 * deadline is still ahead at {@code redatedAt} is no longer overdue.
 *
 * @param calendarYear         the year whose calendar was loaded ("re-dated because the 2027 calendar was loaded")
 * @param callbackDueAt        R2.2, as recounted; null when none is owed
 * @param dueAt                R2.3, as recounted; a complex case's date is the unit's and never changes
 * @param feedbackDueAt        R2.4 (JE), as recounted
 * @param verificationDueAt    R2.6, as recounted
 * @param deadlinesProvisional still counted through a year without a calendar
 */
public record RectificationRedated(
        @JsonProperty(required = true) String rectificationId,
        @JsonProperty(required = true) int calendarYear,
        Instant callbackDueAt,
        Instant dueAt,
        Instant feedbackDueAt,
        Instant verificationDueAt,
        boolean deadlinesProvisional,
        @JsonProperty(required = true) Instant redatedAt) implements EventPayload {
}
