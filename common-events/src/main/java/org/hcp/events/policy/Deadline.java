package org.hcp.events.policy;

import java.time.Instant;

/**
 * A moment computed from a policy term. {@code provisional}: a year without an official calendar was counted on
 * weekends only, so the moment may move once the operator loads that year.
 */
public record Deadline(Instant at, boolean provisional) {

    /** The later term counted from this deadline; provisional if either count was. */
    public Deadline then(Term term, org.hcp.events.calendar.WorkingCalendar calendar, java.time.ZoneId zone) {
        Deadline next = term.after(at, calendar, zone);
        return new Deadline(next.at(), provisional || next.provisional());
    }
}
