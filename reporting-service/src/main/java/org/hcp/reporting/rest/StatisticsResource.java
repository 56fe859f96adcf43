package org.hcp.reporting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.text.Violation;
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

    public StatisticsResource(StatisticsService service, Access access) {
        this.service = service;
        this.access = access;
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
    public Uni<FigureReport> figures(
            @Parameter(description = "region code prefix, 2 to 12 digits") @QueryParam("region") String region,
            @QueryParam("institution") String institution, @QueryParam("window") String window,
            @QueryParam("staff") String staff, @QueryParam("platform") String platform,
            @QueryParam("item") String item, @QueryParam("channel") String channel,
            @Parameter(description = "first day, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD") @QueryParam("to") String to,
            @Parameter(description = "grouping") @QueryParam("by") String by,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        checkPage(limit, offset);
        TallyQuery q = FigureParameters.read(access, region, institution,
                new FigureParameters.Members(window, staff, platform, item, channel), from, to, by, false);
        return service.figures(q, limit, offset).map(t -> new FigureReport(asked(q, by), t.total(), t.groups(),
                new Page(limit, offset, t.groupCount())));
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
    public Uni<TagReport> tags(@QueryParam("region") String region, @QueryParam("institution") String institution,
            @QueryParam("window") String window, @QueryParam("staff") String staff,
            @QueryParam("platform") String platform, @QueryParam("item") String item,
            @QueryParam("channel") String channel, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") @DefaultValue("10") int limit) {
        checkPage(limit, 0);
        TallyQuery q = FigureParameters.read(access, region, institution,
                new FigureParameters.Members(window, staff, platform, item, channel), from, to, "month", true);
        TallyQuery whole = new TallyQuery(q.dimension(), q.member(), q.regionPrefix(), q.institution(), q.from(),
                q.to(), TallyQuery.Grouping.NONE, 0, false, false);
        return service.tags(whole, limit).map(t -> new TagReport(asked(q, null), t.badReviews(), t.previousFrom(),
                t.previousTo(), t.tags()));
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
        TallyQuery q = FigureParameters.read(access, region, institution,
                new FigureParameters.Members(null, null, null, null, null), from, to, null, false);
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
