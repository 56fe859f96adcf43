package org.hcp.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hcp.events.calendar.YearArrangement;
import org.hcp.intake.repository.CalendarYearRepository;
import org.hcp.kit.reference.CalendarYears;

/**
 * Intake owns the calendar: the years it counts with are those an operator loaded ({@code PUT /api/v1/calendar}),
 * kept as their CSV, not what it published on hcp.directory.
 */
@ApplicationScoped
public class LoadedCalendarYears implements CalendarYears {

    private final CalendarYearRepository years;

    public LoadedCalendarYears(CalendarYearRepository years) {
        this.years = years;
    }

    @Override
    public boolean kept() {
        return true;
    }

    @Override
    public List<YearArrangement> all() {
        return years.all().stream().map(loaded -> YearArrangement.parseCsv(loaded.year(), loaded.csv())).toList();
    }
}
