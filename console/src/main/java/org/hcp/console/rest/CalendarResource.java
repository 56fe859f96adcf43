package org.hcp.console.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.console.service.Services;
import org.hcp.console.service.Upstreams;
import org.hcp.events.ChinaTime;
import org.hcp.events.calendar.WorkingCalendar;

/**
 * The console's banner: which years' official calendars should be loaded by today and are not (docs/rules.md), as
 * intake, which owns the calendar, reports them. Deadlines counted into such a year are provisional.
 */
@Path("/api/v1/console/calendar")
@Tag(name = "console", description = "监管台 / The console's reads of the statistics, bulletins, ledger and appeals")
@RolesAllowed({"handler", "bureau", "auditor", "admin"})
@Blocking
public class CalendarResource {

    private static final WorkingCalendar SHIPPED = WorkingCalendar.shipped();

    private final Upstreams upstreams;
    private final URI intake;
    private final Clock clock;

    public CalendarResource(Upstreams upstreams, Services services, Clock clock) {
        this.upstreams = upstreams;
        this.intake = services.intake();
        this.clock = clock;
    }

    /** How far the screens count working days back (overdue by) and ahead (a complex case's six months). */
    static final int DAYS_BACK = 92;
    static final int DAYS_AHEAD = 200;

    /**
     * @param missingYears the current year when missing, and from 1 November the next one when missing
     * @param workingDays  the working days from {@link #DAYS_BACK} before today to {@link #DAYS_AHEAD} after, by the
     *                     official calendar this release ships (weekends only in a year it lacks): the screens'
     *                     working-day countdowns; the services' deadlines stay the services' own
     */
    public record CalendarStatus(LocalDate today, List<Integer> missingYears, List<Integer> loadedYears,
            List<LocalDate> workingDays) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Which years' official working calendars are missing today (the console's warning), and "
            + "the working days around today (its countdowns)")
    public CalendarStatus status() {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        List<Integer> loaded = new ArrayList<>();
        for (JsonNode year : upstreams.read(intake, "/api/v1/calendar").path("loadedYears")) {
            loaded.add(year.asInt());
        }
        List<LocalDate> workingDays = today.minusDays(DAYS_BACK).datesUntil(today.plusDays(DAYS_AHEAD + 1))
                .filter(SHIPPED::isWorkingDay).toList();
        return new CalendarStatus(today, WorkingCalendar.missingYears(loaded, today), List.copyOf(loaded),
                workingDays);
    }
}
