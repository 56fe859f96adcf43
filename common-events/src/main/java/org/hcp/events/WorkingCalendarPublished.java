package org.hcp.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.hcp.events.calendar.CalendarDay;

/**
 * WorkingCalendarPublished v1: an operator loaded the official holiday arrangement of a year, so every service
 * counts working days alike. Keyed by {@code CALENDAR:year} on {@link Topics#DIRECTORY}; a later one for the same
 * year replaces it.
 */
public record WorkingCalendarPublished(
        @JsonProperty(required = true) int year,
        @JsonProperty(required = true) List<CalendarDay> days,
        String source) implements EventPayload {

    public WorkingCalendarPublished {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
