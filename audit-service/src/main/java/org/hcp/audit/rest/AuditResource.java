package org.hcp.audit.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.audit.AuditFold;
import org.hcp.audit.BulletinAudits;
import org.hcp.audit.CaseHistory;
import org.hcp.audit.tool.AuditQueries;
import org.hcp.events.outcome.Violation;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;

/**
 * The auditor API (R5.3, docs/audit.md): read-only, the same recomputations as {@code ./hcp audit}, from the log alone.
 */
@Path("/api/v1/audit")
@Tag(name = "audit", description = "审计 / Figures as of an instant, bulletins recomputed, a case's history, from the log")
@RolesAllowed({"auditor", "admin"})
@Blocking
public class AuditResource {

    private static final Set<String> GROUPINGS = Set.of("region", "institution", "window", "staff", "platform",
            "item", "channel", "day", "week", "month", "quarter", "year");

    private final AuditQueries audit;

    public AuditResource(AuditQueries audit) {
        this.audit = audit;
    }

    @GET
    @Path("/figures")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Every R4.1 figure of a region (and optionally an institution, days, a grouping) as it stood "
            + "at asOf (ISO-8601 with offset; 24:00 is the end of a day), from the log alone; events=true adds the "
            + "rating events behind them and those a decision took out")
    public Map<String, Object> figures(@QueryParam("asOf") String asOf, @QueryParam("region") String region,
            @QueryParam("institution") String institution, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("by") String by,
            @QueryParam("events") @DefaultValue("false") boolean events) {
        Instant instant = instant(asOf);
        requireRegion(region);
        if (by != null && !GROUPINGS.contains(by)) {
            throw ProblemException.invalid(Violation.of("?by", "audit.by"));
        }
        AuditFold.Query query = new AuditFold.Query(region, institution, null, null, QueryChecks.date("?from", from),
                QueryChecks.date("?to", to), by, Math.min(12, region.length() + 2));
        AuditFold fold = audit.foldAsOf(instant, region);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", instant);
        out.put("figures", fold.figures(query));
        if (events) {
            out.put("events", fold.contributors(query));
        }
        return out;
    }

    @GET
    @Path("/bulletins")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Each published bulletin of a region (and month) recomputed as of its publication: the "
            + "figures that differ (none: reproduced), its erratum now, and the events recorded since that caused it")
    public List<BulletinAudits.BulletinAudit> bulletins(@QueryParam("region") String region,
            @QueryParam("month") String month) {
        requireRegion(region);
        if (month != null && !month.matches("\\d{4}-\\d{2}")) {
            throw ProblemException.invalid(Violation.of("?month", "audit.month"));
        }
        return audit.bulletins(month, region);
    }

    @GET
    @Path("/cases/{caseNumber}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Every event of one case in the order recorded, with its place in the log, without the "
            + "evaluator (R6.1)")
    public List<CaseHistory.Entry> caseHistory(@PathParam("caseNumber") String caseNumber) {
        List<CaseHistory.Entry> history = audit.caseHistory(caseNumber);
        if (history.isEmpty()) {
            throw ProblemException.notFound("the log has no event of case " + caseNumber);
        }
        return history;
    }

    private static void requireRegion(String region) {
        if (region == null) {
            throw ProblemException.invalid(Violation.of("?region", "audit.region"));
        }
        QueryChecks.regionPrefix(region);
    }

    private static Instant instant(String asOf) {
        if (asOf == null) {
            throw ProblemException.invalid(Violation.of("?asOf", "audit.asOf"));
        }
        try {
            return BulletinAudits.parseInstant(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(Violation.of("?asOf", "audit.asOf"));
        }
    }
}
