package org.hcp.events.appeal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.hcp.events.EventPayload;

/**
 * AppealRedated v1: the official calendar of a year was loaded, and the R3.2 deadlines of this open appeal, counted
 * provisionally on weekends alone, were counted again (the window from the receipt of the bad review, the decision
 * from the filing). An appeal flagged overdue whose new deadline is still ahead at {@code redatedAt} is no longer
 * overdue.
 *
 * @param calendarYear the year whose calendar was loaded
 * @param deadlinesProvisional still counted through a year without a calendar
 */
public record AppealRedated(
        @JsonProperty(required = true) String appealId,
        @JsonProperty(required = true) String ratingId,
        @JsonProperty(required = true) int calendarYear,
        Instant windowDueAt,
        Instant decisionDueAt,
        boolean deadlinesProvisional,
        @JsonProperty(required = true) Instant redatedAt) implements EventPayload {
}
