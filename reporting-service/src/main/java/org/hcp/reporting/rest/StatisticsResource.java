package org.hcp.reporting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.ChinaTime;
import org.hcp.events.RegionCodes;
import org.hcp.events.outcome.Violation;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.events.text.Csv;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;
import org.hcp.reporting.domain.Bulletins;
import org.hcp.reporting.domain.FairRanking;
import org.hcp.reporting.domain.Figures;
import org.hcp.reporting.domain.TallyQuery;
import org.hcp.reporting.service.StatisticsService;

@Path("/api/v1/stats")
@Tag(name = "statistics", description = "统计 / Statistics (R4)")
@RolesAllowed({"bureau", "auditor", "sync", "admin"})
public class StatisticsResource {

    private static final int MAX_LIMIT = 1000;

    private final StatisticsService service;
    private final Access access;
    private final ReferenceData reference;

    public StatisticsResource(StatisticsService service, Access access, ReferenceData reference) {
        this.service = service;
        this.access = access;
        this.reference = reference;
    }

    /** What was asked, after the caller's scope was applied. */
    public record Asked(String region, String institution, String dimension, String member, LocalDate from,
            LocalDate to, String by) {
    }

    public record Page(int limit, int offset, int groups) {
    }

    public record FigureReport(Asked query, Figures figures, List<StatisticsService.Group> groups, Page page) {
    }

    @GET
    @Path("/figures")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Every R4.1 figure, in total and per group (R4.2)",
            description = "Filters: region (GB/T 2260 prefix, rolled up), institution, and at most one of window, "
                    + "staff, platform, item, channel. by groups by region (the next level below the prefix), "
                    + "institution, one of those dimensions, or a period (day, week, month, quarter, year). Days are "
                    + "Asia/Shanghai, inclusive. Window, staff, platform and item are counted per month: their "
                    + "periods must be whole months. Definitions: docs/figures.md. A bureau token sees its region "
                    + "only.")
    public Uni<FigureReport> figures(@BeanParam Filters filters,
            @Parameter(description = "grouping") @QueryParam("by") String by,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        checkPage(limit, offset);
        TallyQuery q = FigureParameters.read(access, filters, by, false, false);
        return service.figures(q, limit, offset).map(t -> new FigureReport(asked(q, by), t.total(), t.groups(),
                new Page(limit, offset, t.groupCount())));
    }

    @GET
    @Path("/figures")
    @Produces("text/csv")
    @Operation(summary = "The same figures as CSV (Accept: text/csv): a row for the total, then one per group",
            description = "Columns: group, name, then every figure by its name in docs/figures.md.")
    public Uni<Response> figuresCsv(@BeanParam Filters filters, @QueryParam("by") String by,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        checkPage(limit, offset);
        TallyQuery q = FigureParameters.read(access, filters, by, false, false);
        return service.figures(q, limit, offset).map(t -> {
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("group", "name"));
            header.addAll(Bulletins.figures(t.total()).keySet());
            rows.add(header);
            rows.add(csvRow("", "total", t.total(), header));
            t.groups().forEach(g -> rows.add(csvRow(g.key(), g.name(), g.figures(), header)));
            return Response.ok(Csv.write(rows), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"figures.csv\"").build();
        });
    }

    private static List<String> csvRow(String key, String name, Figures figures, List<String> header) {
        Map<String, Number> values = Bulletins.figures(figures);
        List<String> row = new ArrayList<>(List.of(key, name == null ? "" : name));
        header.subList(2, header.size()).forEach(f -> row.add(values.get(f) == null ? "" : values.get(f).toString()));
        return row;
    }

    public record TagReport(Asked query, long badReviews, LocalDate previousFrom, LocalDate previousTo,
            List<StatisticsService.TagCount> tags) {
    }

    @GET
    @Path("/tags")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The most used bad-review tags (R4.6)",
            description = "Over whole months from..to: each tag's count, its share of the bad reviews, and its count "
                    + "in the same number of months before (month-on-month for one month). Filters as for figures.")
    public Uni<TagReport> tags(@BeanParam Filters filters, @QueryParam("limit") @DefaultValue("10") int limit) {
        checkPage(limit, 0);
        TallyQuery q = FigureParameters.read(access, filters, "month", true, false);
        TallyQuery whole = new TallyQuery(q.dimension(), q.member(), q.regionPrefix(), q.institution(), q.from(),
                q.to(), TallyQuery.Grouping.NONE, 0, false, false);
        return service.tags(whole, limit, q.regionPrefix()).map(t -> new TagReport(asked(q, null), t.badReviews(), t.previousFrom(),
                t.previousTo(), t.tags()));
    }

    public record RankingReport(Asked query, String unit, double z, int minimumRatings, List<FairRanking.Ranked> units,
            Page page) {
    }

    @GET
    @Path("/rankings")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Districts, institutions, windows or staff ranked fairly by satisfaction (R4.4, R4.5)",
            description = "Over whole months from..to within region / institution. Each unit's satisfaction rate "
                    + "(levels 4-5) is standardised for the mix of items it handled and ranked by the lower bound "
                    + "of its 95 % interval, so few ratings never outrank many; the raw rate is given beside it. "
                    + "A unit with fewer ratings than the region's policy's minimumRatings is listed after the ranked "
                    + "ones with rank 0 and ranked=false (样本不足). unit: region (county-level), institution, window "
                    + "or staff. "
                    + "Formula and a worked example: docs/figures.md, \"Fair ranking\".")
    public Uni<RankingReport> rankings(@QueryParam("unit") @DefaultValue("institution") String unit,
            @QueryParam("region") String region, @QueryParam("institution") String institution,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        checkPage(limit, offset);
        StatisticsService.Unit u = unit(unit);
        TallyQuery q = FigureParameters.read(access, Filters.scope(region, institution, from, to), null, true, true);
        int minimum = policyOf(q, q.to()).rankingMinimumRatings();
        return service.ranking(u, q, minimum).map(all -> new RankingReport(asked(q, null), u.name().toLowerCase(
                java.util.Locale.ROOT), FairRanking.Z, minimum, all.stream().skip(offset).limit(limit).toList(),
                new Page(limit, offset, all.size())));
    }

    public record WarningReport(Asked query, String unit, StatisticsService.Warnings warnings) {
    }

    @GET
    @Path("/warnings")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Units at the bottom of the fair ranking month after month (R4.4)",
            description = "The units of region / institution ranked among the last bottomN in each of "
                    + "consecutiveMonths months ending with month (YYYY-MM); both numbers are the region's policy "
                    + "(rankingWarning).")
    public Uni<WarningReport> warnings(@QueryParam("unit") @DefaultValue("institution") String unit,
            @QueryParam("region") String region, @QueryParam("institution") String institution,
            @Parameter(description = "the last month, YYYY-MM") @QueryParam("month") String month) {
        StatisticsService.Unit u = unit(unit);
        LocalDate last = QueryChecks.month("?month", month, "query.month").atDay(1);
        TallyQuery q = FigureParameters.read(access, Filters.scope(region, institution, null, null), null, false,
                true);
        JurisdictionPolicy policy = policyOf(q, last);
        return service.warnings(u, q, last, policy.rankingWarning(), policy.rankingMinimumRatings()).map(w -> new WarningReport(asked(q, null),
                u.name().toLowerCase(java.util.Locale.ROOT), w));
    }

    /**
     * The policy of the query's region on {@code day} (R4.4): a prefix is the division it abbreviates (2202 is
     * 220200); none (00) is national.
     */
    private JurisdictionPolicy policyOf(TallyQuery q, LocalDate day) {
        String policyRegion = RegionCodes.divisionOf(q.regionPrefix() == null ? "00" : q.regionPrefix());
        return reference.rules(policyRegion, (day == null ? LocalDate.now(ChinaTime.ZONE) : day)
                .atStartOfDay(ChinaTime.ZONE).toInstant()).policy();
    }

    private static StatisticsService.Unit unit(String unit) {
        try {
            return StatisticsService.Unit.valueOf(unit.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(Violation.of("?unit", "query.unit"));
        }
    }

    public record SatisfactionReport(String region, String institution, LocalDate from, LocalDate to, long total,
            Map<Integer, Long> byLevel, long good, long bad, Double goodRate, Double satisfactionRate) {
    }

    @GET
    @Path("/satisfaction")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Counts per level, good and bad reviews, the good-review and satisfaction rates (R4.1)",
            description = "The ratings part of /figures, kept for existing clients. region filters by GB/T 2260 "
                    + "code prefix (R4.2); from/to are days (Asia/Shanghai), inclusive.")
    public Uni<SatisfactionReport> satisfaction(
            @Parameter(description = "region code prefix, 2 to 12 digits") @QueryParam("region") String region,
            @Parameter(description = "institution code") @QueryParam("institution") String institution,
            @Parameter(description = "first day, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD") @QueryParam("to") String to) {
        TallyQuery q = FigureParameters.read(access, Filters.scope(region, institution, from, to), null, false,
                false);
        return service.figures(q, 1, 0).map(t -> {
            Figures f = t.total();
            return new SatisfactionReport(q.regionPrefix(), q.institution(), q.from(), q.to(), f.ratings(),
                    f.byLevel(), f.good(), f.bad(), f.goodRate(), f.satisfactionRate());
        });
    }

    private static void checkPage(int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw ProblemException.invalid(Violation.of(offset < 0 ? "?offset" : "?limit", "query.limit", MAX_LIMIT));
        }
    }

    private static Asked asked(TallyQuery q, String by) {
        return new Asked(q.regionPrefix(), q.institution(), q.dimension().code(), q.member(), q.from(), q.to(),
                FigureParameters.blankToNull(by));
    }
}
