package org.hcp.events.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Working days of the official calendar (public holidays and make-up working days), per year, as an operator
 * loaded them. Immutable: loading a year gives a new calendar.
 *
 * <p>A year with no arrangement loaded is counted on weekends only, and every answer that touched it says
 * {@code provisional} (docs/rules.md, "Jurisdiction policies shipped"): holidays are never silently treated as working days
 * without saying so.
 */
public final class WorkingCalendar {

    /** The official arrangements shipped with the platform (State Council notices); see the README. */
    public static final List<Integer> SHIPPED_YEARS = List.of(2024, 2025, 2026);

    private final Map<Integer, YearArrangement> years;
    private final Map<LocalDate, DayKind> overrides;

    private WorkingCalendar(Map<Integer, YearArrangement> years) {
        this.years = Map.copyOf(years);
        Map<LocalDate, DayKind> days = new HashMap<>();
        years.values().forEach(y -> y.days().forEach(d -> days.put(d.date(), d.kind())));
        this.overrides = Map.copyOf(days);
    }

    public static WorkingCalendar of(Collection<YearArrangement> arrangements) {
        Map<Integer, YearArrangement> years = new HashMap<>();
        arrangements.forEach(a -> years.put(a.year(), a));
        return new WorkingCalendar(years);
    }

    /** The calendars shipped in this jar ({@link #SHIPPED_YEARS}). */
    public static WorkingCalendar shipped() {
        List<YearArrangement> years = new ArrayList<>();
        for (int year : SHIPPED_YEARS) {
            years.add(YearArrangement.parseCsv(year, shippedCsv(year)));
        }
        return of(years);
    }

    public static String shippedCsv(int year) {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream("/calendar/" + year + ".csv")) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped calendar for " + year);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This calendar with one more year (or a year replaced by a corrected arrangement). */
    public WorkingCalendar with(YearArrangement arrangement) {
        Map<Integer, YearArrangement> next = new HashMap<>(years);
        next.put(arrangement.year(), arrangement);
        return new WorkingCalendar(next);
    }

    public boolean hasYear(int year) {
        return years.containsKey(year);
    }

    public SortedSet<Integer> loadedYears() {
        return new TreeSet<>(years.keySet());
    }

    /**
     * The years whose calendar should be loaded by {@code today} and is not: the current year always, and from
     * 1 November the next one too (the State Council publishes it in late October or November, and deadlines counted
     * in November and December already reach into it).
     */
    public List<Integer> missingYears(LocalDate today) {
        return missingYears(years.keySet(), today);
    }

    /** {@link #missingYears(LocalDate)} of a calendar that holds {@code loaded} (another service's, read over HTTP). */
    public static List<Integer> missingYears(java.util.Collection<Integer> loaded, LocalDate today) {
        List<Integer> missing = new ArrayList<>();
        if (!loaded.contains(today.getYear())) {
            missing.add(today.getYear());
        }
        if (today.getMonthValue() >= NEXT_YEAR_DUE_MONTH && !loaded.contains(today.getYear() + 1)) {
            missing.add(today.getYear() + 1);
        }
        return List.copyOf(missing);
    }

    /** From this month on, next year's calendar is expected (see {@link #missingYears}). */
    private static final int NEXT_YEAR_DUE_MONTH = 11;

    public boolean isWorkingDay(LocalDate date) {
        DayKind kind = overrides.get(date);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return !YearArrangement.isWeekend(date);
    }

    /** A day found by counting working days, and whether a year without a loaded calendar was counted through. */
    public record WorkingDay(LocalDate date, boolean provisional) {
    }

    /** The first working day on or after {@code start}: today when it is one, else the next. */
    public WorkingDay workingDayFrom(LocalDate start) {
        boolean provisional = !hasYear(start.getYear());
        LocalDate day = start;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
            provisional |= !hasYear(day.getYear());
        }
        return new WorkingDay(day, provisional);
    }

    /**
     * The {@code n}th working day after {@code start} (start itself not counted): completed on a Friday before a
     * week of holidays, "1 working day later" is the first working day after the holidays.
     */
    public WorkingDay plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
        boolean provisional = !hasYear(start.getYear());
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            provisional |= !hasYear(day.getYear());
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return new WorkingDay(day, provisional);
    }
}
