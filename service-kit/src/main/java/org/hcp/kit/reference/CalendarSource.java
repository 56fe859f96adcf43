package org.hcp.kit.reference;

import org.hcp.events.calendar.WorkingCalendar;

/** Where a service's working calendar comes from (intake keeps its own; the others follow intake's publications). */
public interface CalendarSource {

    WorkingCalendar calendar();
}
