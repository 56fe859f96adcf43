package org.hcp.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.policy.CaseDeadlines;
import org.hcp.events.policy.PolicyBook;
import org.junit.jupiter.api.Test;

/**
 * R1.9 timelines from the shipped policies and the 2025 calendar, across the National Day holiday (10-01..10-08)
 * and its make-up working days (Sunday 09-28, Saturday 10-11). Times are UTC; 02:00Z is 10:00 in Shanghai.
 */
class DefaultRatingTimelineTest {

    private final PolicyBook policies = PolicyBook.shipped();
    private final WorkingCalendar calendar = WorkingCalendar.shipped();

    private CaseDeadlines deadlines(String region, Instant completed) {
        return CaseDeadlines.of(policies.resolve(region, LocalDate.of(2025, 9, 26)), completed, calendar);
    }

    @Test
    void r1_9_taian_reminderAfterOneWorkingDayCountsTheMakeUpSundayAndDefaultAfterFourMoreSkipsTheHoliday() {
        // Completed Friday 2025-09-26 10:00. Working day 1 is the make-up Sunday 09-28 → reminder. Four more:
        // Mon 09-29, Tue 09-30, then the holiday, then Thu 10-09, Fri 10-10 → default rating, level 4.
        CaseDeadlines d = deadlines("370902", Instant.parse("2025-09-26T02:00:00Z"));
        assertEquals(Instant.parse("2025-09-28T02:00:00Z"), d.reminderDueAt());
        assertEquals(Instant.parse("2025-10-10T02:00:00Z"), d.defaultRatingDueAt());
        assertEquals(4, d.defaultLevel());
        assertFalse(d.provisional());
    }

    @Test
    void r1_9_taian_aCaseCompletedBeforeTheHolidayIsRemindedAfterIt() {
        // Completed Tuesday 09-30: working day 1 is Thursday 10-09; then 10-10, Sat 10-11 (make-up), 10-13, 10-14.
        CaseDeadlines d = deadlines("370911", Instant.parse("2025-09-30T02:00:00Z"));
        assertEquals(Instant.parse("2025-10-09T02:00:00Z"), d.reminderDueAt());
        assertEquals(Instant.parse("2025-10-14T02:00:00Z"), d.defaultRatingDueAt());
    }

    @Test
    void r1_9_jilinCity_level3AfterSevenCalendarDaysHolidaysIncludedAndNoReminder() {
        CaseDeadlines d = deadlines("220202", Instant.parse("2025-09-30T02:00:00Z"));
        assertNull(d.reminderDueAt());
        assertEquals(Instant.parse("2025-10-07T02:00:00Z"), d.defaultRatingDueAt(), "7 日: calendar days");
        assertEquals(3, d.defaultLevel());
        assertEquals(d.defaultRatingDueAt(), d.supplementaryUntil(), "R1.7: rate until the default is made");
    }

    @Test
    void r1_9_jilinEdzFollowsJilinCity() {
        assertEquals(deadlines("220202", Instant.parse("2025-09-30T02:00:00Z")),
                deadlines("220271", Instant.parse("2025-09-30T02:00:00Z")));
    }

    @Test
    void r1_9_aRegionWithoutADefaultRatingPolicyGetsNone() {
        CaseDeadlines d = deadlines("110101", Instant.parse("2025-09-30T02:00:00Z"));
        assertNull(d.defaultRatingDueAt());
        assertNull(d.defaultLevel());
    }

    @Test
    void aWorkingDayDeadlineInAYearWithoutItsCalendarIsProvisional() {
        CaseDeadlines d = CaseDeadlines.of(policies.resolve("370902", LocalDate.of(2026, 12, 30)),
                Instant.parse("2026-12-30T02:00:00Z"), calendar);
        assertTrue(d.provisional(), "2027 is not loaded: counted on weekends only, and said so");
    }
}
