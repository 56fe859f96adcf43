package org.hcp.events.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Working days follow the official arrangement loaded as data (docs/rules.md, "Jurisdiction policies shipped"). */
class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.shipped();

    @Test
    void theShippedYearsAreLoadedAndNoOthers() {
        assertTrue(calendar.hasYear(2024));
        assertTrue(calendar.hasYear(2025));
        assertTrue(calendar.hasYear(2026));
        assertFalse(calendar.hasYear(2027));
    }

    /**
     * Issue 26: the official 2026 arrangement ships (State Council General Office, 2025-11-04). Five working days
     * after Monday 2026-09-28: 09-29, 09-30, then 10-08, 10-09 (10-01..10-07 off) and the make-up Saturday 10-10;
     * counted on weekends alone the term fell inside the holiday (10-05).
     */
    @Test
    void theOfficial2026ArrangementShipsWithItsHolidaysAndMakeUpDays() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 10, 5)), "National Day, a Monday");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 1, 4)), "调休 Sunday after New Year");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 10, 10)), "调休 Saturday after National Day");
        WorkingCalendar.WorkingDay due = calendar.plusWorkingDays(LocalDate.of(2026, 9, 28), 5);
        assertEquals(LocalDate.of(2026, 10, 10), due.date());
        assertFalse(due.provisional());
    }

    @Test
    void aPublicHolidayOnAWeekdayIsNoWorkingDay() {
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 10, 1)), "National Day, a Wednesday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 5, 5)), "Labour Day break, a Monday");
    }

    @Test
    void aMakeUpWorkingDayOnAWeekendIsAWorkingDay() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 9, 28)), "调休 Sunday before National Day");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 10, 11)), "调休 Saturday after it");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 10, 12)), "an ordinary Sunday");
    }

    @Test
    void countingWorkingDaysSkipsTheHolidaysAndCountsTheMakeUpDay() {
        // Friday 2025-09-26 + 1 → Sunday 09-28 (make-up working day); + 2 → Monday 09-29; + 4 → Thursday 10-09
        // (10-01..10-08 are the holiday); + 5 → Friday 10-10; + 6 → Saturday 10-11 (make-up working day).
        LocalDate friday = LocalDate.of(2025, 9, 26);
        assertEquals(LocalDate.of(2025, 9, 28), calendar.plusWorkingDays(friday, 1).date());
        assertEquals(LocalDate.of(2025, 9, 29), calendar.plusWorkingDays(friday, 2).date());
        assertEquals(LocalDate.of(2025, 10, 9), calendar.plusWorkingDays(friday, 4).date());
        assertEquals(LocalDate.of(2025, 10, 11), calendar.plusWorkingDays(friday, 6).date());
        assertFalse(calendar.plusWorkingDays(friday, 6).provisional());
    }

    @Test
    void aYearWithoutItsCalendarIsCountedOnWeekendsOnlyAndSaysProvisional() {
        WorkingCalendar.WorkingDay day = calendar.plusWorkingDays(LocalDate.of(2026, 12, 31), 1);
        assertEquals(LocalDate.of(2027, 1, 1), day.date(), "2027's New Year holiday is unknown until loaded");
        assertTrue(day.provisional());

        WorkingCalendar with2027 = calendar.with(YearArrangement.parseCsv(2027, """
                date,kind,name
                2027-01-01,holiday,元旦
                """));
        WorkingCalendar.WorkingDay loaded = with2027.plusWorkingDays(LocalDate.of(2026, 12, 31), 1);
        assertEquals(LocalDate.of(2027, 1, 4), loaded.date());
        assertFalse(loaded.provisional());
    }

    @Test
    void aBrokenArrangementIsRejectedWholeWithEveryBadLine() {
        YearArrangement.InvalidArrangementException e = assertThrows(YearArrangement.InvalidArrangementException.class,
                () -> YearArrangement.parseCsv(2026, """
                        date,kind,name
                        2026-01-01,holiday,元旦
                        2026-13-01,holiday,?
                        2026-01-05,workday,a Monday
                        2027-01-01,holiday,next year
                        2026-02-01,day-off,?
                        """));
        assertEquals(4, e.errors().size(), e.errors().toString());
        assertEquals(3, e.errors().get(0).line(), "line numbers count from the header");
    }

    @Test
    void nextYearsCalendarIsMissedFromTheFirstOfNovemberAndThisYearsAlways() {
        WorkingCalendar shipped = WorkingCalendar.shipped();
        assertEquals(java.util.List.of(), shipped.missingYears(LocalDate.of(2026, 10, 31)));
        assertEquals(java.util.List.of(2027), shipped.missingYears(LocalDate.of(2026, 11, 1)));
        assertEquals(java.util.List.of(2027), shipped.missingYears(LocalDate.of(2026, 12, 4)));
        assertEquals(java.util.List.of(2027), shipped.missingYears(LocalDate.of(2027, 3, 1)));
        assertEquals(java.util.List.of(2027, 2028), shipped.missingYears(LocalDate.of(2027, 11, 2)));
        WorkingCalendar loaded = shipped.with(new YearArrangement(2027, java.util.List.of()));
        assertEquals(java.util.List.of(), loaded.missingYears(LocalDate.of(2026, 12, 4)));
    }
}
