package org.hcp.events.calendar;

/** An entry of the official arrangement: a day off (休), or a weekend day made a working day (调休上班). */
public enum DayKind {
    HOLIDAY,
    WORKDAY
}
