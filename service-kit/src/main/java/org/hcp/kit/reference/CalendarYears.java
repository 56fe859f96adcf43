package org.hcp.kit.reference;

import java.util.List;
import org.hcp.events.calendar.YearArrangement;

/**
 * Where a service keeps the official calendar years beyond the shipped ones: intake, which owns the calendar, in the
 * years an operator loaded; the others in the years intake published on hcp.directory ({@link PublishedCalendarYears}).
 */
public interface CalendarYears {

    /** Whether this service keeps any (else it counts with the shipped calendar only). */
    boolean kept();

    /** Every year kept. Takes a pooled connection: never call it while holding one. */
    List<YearArrangement> all();
}
