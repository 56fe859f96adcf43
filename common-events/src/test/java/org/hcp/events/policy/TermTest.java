package org.hcp.events.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.hcp.events.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

class TermTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar CALENDAR = WorkingCalendar.shipped();

    private static Instant at(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    @Test
    void r2_3_zeroWorkingDaysIsAtOnceByTheEndOfThatWorkingDay() {
        Deadline tuesday = Term.workingDays(0).after(at("2025-09-30T10:00"), CALENDAR, CHINA);
        assertEquals(at("2025-10-01T00:00"), tuesday.at());
        assertFalse(tuesday.provisional());
        // From a holiday (National Day 2025): by the end of the first working day after it, Thursday 9 October.
        assertEquals(at("2025-10-10T00:00"), Term.workingDays(0).after(at("2025-10-03T10:00"), CALENDAR, CHINA).at());
        // A worked Saturday counts as that working day.
        assertEquals(at("2025-10-12T00:00"), Term.workingDays(0).after(at("2025-10-11T09:00"), CALENDAR, CHINA).at());
    }

    @Test
    void workingDaysKeepTheTimeOfDayAndSkipHolidays() {
        assertEquals(at("2025-10-09T10:00"), Term.workingDays(2).after(at("2025-09-29T10:00"), CALENDAR, CHINA).at());
    }
}
