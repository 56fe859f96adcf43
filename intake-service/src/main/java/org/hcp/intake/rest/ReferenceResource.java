package org.hcp.intake.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.ChinaTime;
import org.hcp.events.RegionCodes;
import org.hcp.events.calendar.WorkingCalendar;
import org.hcp.events.outcome.Violation;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.intake.service.CalendarService;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;

@Path("/api/v1")
@Tag(name = "policies and calendar", description = "辖区政策与工作日历 / Jurisdiction policies and the working calendar")
public class ReferenceResource {

    private final ReferenceData reference;
    private final CalendarService calendars;
    private final JsonWebToken caller;
    private final Clock clock;

    public ReferenceResource(ReferenceData reference, CalendarService calendars, JsonWebToken caller, Clock clock) {
        this.reference = reference;
        this.calendars = calendars;
        this.caller = caller;
        this.clock = clock;
    }

    public record CalendarStatus(List<Integer> loadedYears, List<Integer> shippedYears, List<String> warnings) {
    }

    @GET
    @Path("/policies/{regionCode}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(summary = "The jurisdiction policy in force for a region on a day (default today), every field "
            + "resolved through the region's parents; includes the bad-review tag catalogue (R1.3)")
    public JurisdictionPolicy policy(@PathParam("regionCode") String regionCode, @QueryParam("date") String date) {
        if (!RegionCodes.isCode(regionCode)) {
            throw ProblemException.invalid(Violation.of("/regionCode", "rating.regionCodeFormat"));
        }
        LocalDate day = date == null ? LocalDate.now(clock.withZone(ChinaTime.ZONE)) : QueryChecks.date("?date", date);
        if (!reference.policies().inForceOn(day)) {
            throw ProblemException.notFound("no policy was in force on " + day + "; the first is of "
                    + reference.policies().firstDay());
        }
        return reference.policies().resolve(regionCode, day);
    }

    @GET
    @Path("/calendar")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Which years' official calendars are loaded; warns about this year and next if missing")
    public CalendarStatus calendar() {
        return new CalendarStatus(List.copyOf(reference.calendar().loadedYears()), WorkingCalendar.SHIPPED_YEARS,
                reference.calendarWarnings());
    }

    @PUT
    @Path("/calendar/{year}")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed("admin")
    @Operation(summary = "Load a year's official holiday arrangement (CSV: date,kind,name; kind holiday|workday)",
            description = "Validated whole (errors point at the line); published as WorkingCalendarPublished; "
                    + "provisional deadlines of unrated cases are counted again with it.")
    public CalendarService.Loaded load(@PathParam("year") int year, String csv) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid(Violation.of("/year", "calendar.yearRange", 2000, 2100));
        }
        return Answers.valueOf(calendars.load(year, csv, caller.getName()));
    }
}
