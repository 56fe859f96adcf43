package org.hcp.reporting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.RegionCodes;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.text.Violation;
import org.hcp.reporting.domain.Satisfaction;
import org.hcp.reporting.service.StatisticsService;

@Path("/api/v1/stats")
@Tag(name = "statistics", description = "统计 / Statistics (R4)")
public class StatisticsResource {

    private final StatisticsService service;
    private final Access access;

    public StatisticsResource(StatisticsService service, Access access) {
        this.service = service;
        this.access = access;
    }

    public record SatisfactionReport(String region, String institution, LocalDate from, LocalDate to, long total,
            Map<Integer, Long> byLevel, long good, long bad, Double satisfactionRate) {
    }

    @GET
    @Path("/satisfaction")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"bureau", "auditor", "sync", "admin"})
    @Operation(summary = "Counts per level, good and bad reviews and the satisfaction rate (R4.1)",
            description = "region filters by GB/T 2260 code prefix (R4.2); from/to are days (Asia/Shanghai), "
                    + "inclusive. A bureau token sees only its own region prefix.")
    public Uni<SatisfactionReport> satisfaction(
            @Parameter(description = "region code prefix, 2 to 12 digits") @QueryParam("region") String region,
            @Parameter(description = "institution code") @QueryParam("institution") String institution,
            @Parameter(description = "first day, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD") @QueryParam("to") String to) {
        List<Violation> errors = new ArrayList<>();
        String regionPrefix = region == null || region.isBlank() ? null : region.trim();
        if (regionPrefix != null && !RegionCodes.isPrefix(regionPrefix)) {
            errors.add(Violation.of("?region", "query.regionPrefix"));
        }
        LocalDate fromDay = day(errors, "?from", from);
        LocalDate toDay = day(errors, "?to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            errors.add(Violation.of("?from", "query.fromAfterTo"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String inst = institution == null || institution.isBlank() ? null : institution.trim();
        Access.Filter visible = access.filter(regionPrefix, inst);
        return service.satisfaction(visible.regionPrefix(), visible.institution(), fromDay, toDay)
                .map(s -> report(visible.regionPrefix(), visible.institution(), fromDay, toDay, s));
    }

    private static LocalDate day(List<Violation> errors, String pointer, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(Violation.of(pointer, "query.date"));
            return null;
        }
    }

    private static SatisfactionReport report(String region, String institution, LocalDate from, LocalDate to,
            Satisfaction s) {
        return new SatisfactionReport(region, institution, from, to, s.total(), s.byLevel(), s.good(), s.bad(),
                s.satisfactionRate());
    }
}
