package org.hcp.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.kit.config.Clocks;
import org.hcp.kit.reference.ReferenceData;

/**
 * The console's banner: which years' official calendars should be loaded by today and are not (docs/rules.md), as
 * intake published them on hcp.directory. Deadlines counted into such a year are provisional.
 */
@Path("/api/v1/console/calendar")
@Tag(name = "console", description = "监管台 / The supervisor console's reads of the ledger and the appeal queue")
@RolesAllowed({"bureau", "auditor", "admin"})
public class ConsoleCalendarResource {

    private final ReferenceData reference;
    private final Clock clock;

    public ConsoleCalendarResource(ReferenceData reference, Clock clock) {
        this.reference = reference;
        this.clock = clock;
    }

    /** @param missingYears the current year when missing, and from 1 November the next one when missing */
    public record CalendarStatus(LocalDate today, List<Integer> missingYears, List<Integer> loadedYears) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Which years' official working calendars are missing today (the console's warning)")
    public CalendarStatus status() {
        LocalDate today = LocalDate.now(clock.withZone(Clocks.CHINA));
        return new CalendarStatus(today, reference.calendar().missingYears(today),
                List.copyOf(reference.calendar().loadedYears()));
    }
}
