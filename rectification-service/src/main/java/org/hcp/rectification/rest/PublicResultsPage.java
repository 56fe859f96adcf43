package org.hcp.rectification.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.policy.BadReviewTag;
import org.hcp.events.ChinaTime;
import org.hcp.events.Identifiers;
import org.hcp.events.outcome.Violation;
import org.hcp.events.rectification.Classification;
import org.hcp.events.rectification.Resolution;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;
import org.hcp.rectification.repository.LedgerQueries;
import org.hcp.rectification.repository.LedgerQueries.PublicResult;

/**
 * R2.7 (JC Art.21): the public page of rectification results, searchable by unit and month: unit, item, the problem
 * (the bad review's tags, by name), what was done, the dates. Rendered on the server, without JavaScript, Chinese
 * first, readable on a phone. Never the evaluator, never the rating's text: the query reads neither.
 */
@Path("/public/rectification-results")
@Tag(name = "public", description = "公开 / Published results")
public class PublicResultsPage {

    private static final int SIZE = 20;

    private final LedgerQueries ledger;
    private final ReferenceData reference;

    public PublicResultsPage(LedgerQueries ledger, ReferenceData reference) {
        this.ledger = ledger;
        this.reference = reference;
    }

    /** A unit in the filter. */
    public record Unit(String code, String name, boolean selected) {
    }

    /** A result as the page shows it: names, never codes (a code only where the directory has no name yet). */
    public record Line(String unit, String item, String problem, String outcome, String measures, String opened,
            String closed) {
    }

    /** What the page shows. */
    public record Results(List<Unit> units, String institution, String month, List<Line> lines, int page,
            boolean more, String previous, String next) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(Results results);
    }

    @GET
    @Produces({"text/html; charset=UTF-8", Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(summary = "Rectification results as a public web page, searchable by unit and month")
    public Uni<String> page(@QueryParam("region") String region, @QueryParam("institution") String institution,
            @QueryParam("month") String month, @QueryParam("page") @DefaultValue("0") int page) {
        String prefix = region == null || region.isBlank() ? null : region.trim();
        QueryChecks.regionPrefix(prefix);
        QueryChecks.page(page, SIZE, SIZE);
        String unit = institution(institution);
        YearMonth closedIn = month(month);
        return ledger.publishedInstitutions(prefix).flatMap(units -> ledger.publicResults(prefix, unit, closedIn,
                page * SIZE, SIZE).map(slice -> {
                    List<Line> lines = new ArrayList<>();
                    slice.items().forEach(r -> lines.add(line(r)));
                    String query = "?region=" + (prefix == null ? "" : prefix) + "&institution="
                            + (unit == null ? "" : unit) + "&month=" + (closedIn == null ? "" : closedIn) + "&page=";
                    return Templates.results(new Results(units.stream().map(u -> new Unit(u[0],
                            u[1] == null ? u[0] : u[1], u[0].equals(unit))).toList(), unit == null ? "" : unit,
                            closedIn == null ? "" : closedIn.toString(), lines, page, slice.more(),
                            page > 0 ? query + (page - 1) : null, slice.more() ? query + (page + 1) : null)).render();
                }));
    }

    private Line line(PublicResult r) {
        var policy = reference.rules(r.regionCode(), r.closed().atStartOfDay(ChinaTime.ZONE).toInstant()).policy();
        String problem = String.join("、", r.tags().stream()
                .map(t -> policy.tag(t).map(BadReviewTag::name).orElse(t)).toList());
        return new Line(r.institutionName() == null ? r.institutionCode() : r.institutionName(),
                r.itemName() == null ? (r.itemCode() == null ? "—" : r.itemCode()) : r.itemName(),
                problem.isEmpty() ? "—" : problem, outcome(r), r.measures() == null ? "—" : r.measures(),
                r.opened().toString(), r.closed().toString());
    }

    private static String outcome(PublicResult r) {
        if (r.resolution() != null && r.resolution().equals(Resolution.EXPLAINED.name())) {
            return "已解释说明";
        }
        if (r.classification() != null && r.classification().equals(Classification.COMPLEX.name())) {
            return "情况复杂，已限期整改";
        }
        return "已整改";
    }

    /** An institution code to filter by, or null for every unit. */
    static String institution(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!Identifiers.isValid(value.trim(), Identifiers.CODE_MAX)) {
            throw ProblemException.invalid(Violation.of("?institution", "results.institution"));
        }
        return value.trim();
    }

    /** The month results closed in, or null for every month. */
    static YearMonth month(String value) {
        return value == null || value.isBlank() ? null : QueryChecks.month("?month", value, "results.month");
    }
}
