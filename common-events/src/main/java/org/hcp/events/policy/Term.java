package org.hcp.events.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.hcp.events.calendar.WorkingCalendar;

/**
 * A period of a policy ("7 days", "4 working days", "6 months"). Counting keeps the local time of day: a case
 * completed at 10:00 with "1 working day" is due at 10:00 on the next working day (the start day is not counted).
 * Zero working days means "at once": by the end of that working day.
 */
public record Term(int amount, TermUnit unit) {

    public Term {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("a term is never negative: " + amount);
        }
    }

    public static Term days(int amount) {
        return new Term(amount, TermUnit.DAYS);
    }

    public static Term workingDays(int amount) {
        return new Term(amount, TermUnit.WORKING_DAYS);
    }

    public static Term months(int amount) {
        return new Term(amount, TermUnit.MONTHS);
    }

    /** When this term, started at {@code from}, ends; provisional when a year without a calendar was counted. */
    public Deadline after(Instant from, WorkingCalendar calendar, ZoneId zone) {
        ZonedDateTime start = from.atZone(zone);
        return switch (unit) {
            case DAYS -> new Deadline(start.plusDays(amount).toInstant(), false);
            case MONTHS -> new Deadline(start.plusMonths(amount).toInstant(), false);
            case WORKING_DAYS -> {
                if (amount == 0) {
                    // "At once" (立行立改): by the end of the working day it starts on, or of the next working day
                    // when it starts on a holiday, so that a deadline is never already past when it is set.
                    WorkingCalendar.WorkingDay day = calendar.workingDayFrom(start.toLocalDate());
                    yield new Deadline(day.date().plusDays(1).atStartOfDay(zone).toInstant(), day.provisional());
                }
                WorkingCalendar.WorkingDay day = calendar.plusWorkingDays(start.toLocalDate(), amount);
                yield new Deadline(day.date().atTime(start.toLocalTime()).atZone(zone).toInstant(), day.provisional());
            }
        };
    }

    @Override
    public String toString() {
        return amount + " " + unit;
    }
}
