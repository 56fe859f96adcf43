package org.hcp.events.calendar;

import java.time.LocalDate;

/** One day the official arrangement changes: a holiday, or a make-up working day, with the festival's name. */
public record CalendarDay(LocalDate date, DayKind kind, String name) {
}
