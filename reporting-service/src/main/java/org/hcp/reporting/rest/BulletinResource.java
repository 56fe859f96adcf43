package org.hcp.reporting.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.ChinaTime;
import org.hcp.events.RegionCodes;
import org.hcp.events.bulletin.BulletinPublished;
import org.hcp.events.bulletin.BulletinScope;
import org.hcp.events.outcome.Text;
import org.hcp.events.outcome.Violation;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.InputLimits;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;
import org.hcp.reporting.domain.Bulletins;
import org.hcp.reporting.service.BulletinService;
import org.hcp.reporting.service.BulletinSnapshot;
import org.hcp.reporting.publication.BulletinView;
import org.hcp.reporting.publication.ChartRenderer;
import org.hcp.reporting.publication.Edition;
import org.hcp.events.policy.BadReviewTag;
import org.hcp.events.policy.JurisdictionPolicy;
import org.hcp.kit.reference.ReferenceData;

/**
 * R4.3 / R4.7: monthly bulletins. Reading them is public (no login): they hold aggregates only, never an evaluator
 * or a rating's text. Publishing one for a past month is for the bureau of its region and for admins.
 */
@Path("/api/v1/bulletins")
@Tag(name = "bulletins", description = "月度通报 / Monthly bulletins (R4.3)")
public class BulletinResource {

    private final BulletinService bulletins;
    private final Access access;
    private final BulletinPdf pdf;
    private final ChartRenderer charts;
    private final ReferenceData reference;

    public BulletinResource(BulletinService bulletins, Access access, BulletinPdf pdf, ChartRenderer charts,
            ReferenceData reference) {
        this.pdf = pdf;
        this.charts = charts;
        this.reference = reference;
        this.bulletins = bulletins;
        this.access = access;
    }

    /** A request to publish: a month, and one scope, or none for every scope of the month. */
    public record PublishRequest(String month, BulletinScope scope, String code) {
    }

    /** A published bulletin in a list; {@code created} says whether this request published it. */
    public record Summary(String bulletinId, String month, BulletinScope scope, String scopeCode, String regionCode,
            String contentHash, Boolean created) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"bureau", "admin"})
    @Blocking
    @Operation(summary = "Publish a month's bulletins now (R4.3)",
            description = "The scheduler publishes each month's bulletins when it ends; this publishes them for a "
                    + "past month on demand: one scope (REGION with a county code, INSTITUTION with its code), or "
                    + "every scope of the month (admin). A bulletin already published is answered as it was "
                    + "(frozen), with created=false. 201 when something new was published, else 200; 409 while a "
                    + "producer's events of the month cannot yet be known to have arrived (its watermark is behind). "
                    + "A bulletin's figures are those of the log as of its publishedAt, its cut-off.")
    public Response publish(PublishRequest request) {
        List<Violation> errors = new ArrayList<>();
        YearMonth month = null;
        if (request == null || request.month() == null) {
            errors.add(Violation.of("/month", "bulletin.month"));
        } else {
            try {
                month = YearMonth.parse(request.month().trim());
            } catch (DateTimeParseException e) {
                errors.add(Violation.of("/month", "bulletin.month"));
            }
            if (month != null && !InputLimits.inRange(month.atDay(1))) {
                errors.add(Violation.of("/month", "bulletin.month"));
                month = null;
            }
        }
        if (month != null && !month.isBefore(YearMonth.now(ChinaTime.ZONE))) {
            errors.add(Violation.of("/month", "bulletin.monthNotOver"));
        }
        boolean one = request != null && request.scope() != null;
        if (one && (request.code() == null || request.code().isBlank())) {
            errors.add(Violation.of("/code", "bulletin.code"));
        } else if (one && request.scope() == BulletinScope.REGION && !RegionCodes.isCode(request.code().trim())) {
            errors.add(Violation.of("/code", "bulletin.regionCode"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<BulletinService.Published> published;
        try {
            if (one) {
                String code = request.code().trim();
                String region = request.scope() == BulletinScope.REGION ? code : institutionRegion(month, code);
                access.requireWithin(request.scope() == BulletinScope.INSTITUTION ? code : null, region);
                published = List.of(bulletins.publish(month, request.scope(), code, region));
            } else {
                // Every scope of a month is national: only an unscoped caller (admin) is within it.
                access.requireWithin(null, "000000");
                published = bulletins.publishMonth(month);
            }
        } catch (BulletinSnapshot.NotComplete e) {
            throw ProblemException.conflict("events-on-their-way", Text.of("bulletin.catchingUp"),
                    e.getMessage() + "; try again in a moment");
        }
        List<Summary> out = published.stream().map(p -> new Summary(p.bulletin().bulletinId(), p.bulletin().month(),
                p.bulletin().scope(), p.bulletin().scopeCode(), p.bulletin().regionCode(),
                p.bulletin().contentHash(), p.created())).toList();
        boolean created = published.stream().anyMatch(BulletinService.Published::created);
        return Response.status(created ? 201 : 200).entity(out).build();
    }

    private String institutionRegion(YearMonth month, String institution) {
        return bulletins.regionOf(month, institution).orElseThrow(() -> ProblemException.invalid(
                Violation.of("/code", "bulletin.noRatings")));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Blocking
    @Operation(summary = "The bulletins of a month (public)", description = "region: a GB/T 2260 prefix.")
    public List<Summary> list(@QueryParam("month") String month, @QueryParam("region") String region) {
        YearMonth m = month(month);
        QueryChecks.regionPrefix(region == null || region.isBlank() ? null : region.trim());
        return bulletins.list(m.toString(), region == null || region.isBlank() ? null : region.trim()).stream()
                .map(BulletinService::read).map(b -> new Summary(b.bulletinId(), b.month(), b.scope(),
                        b.scopeCode(), b.regionCode(), b.contentHash(), null)).toList();
    }

    /** A bulletin as published, and what changed in its month since (R4.3). */
    public record BulletinWithErrata(BulletinPublished bulletin, List<Bulletins.Erratum> errata) {
    }

    @GET
    @Path("/{month}/{scope}/{code}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @PermitAll
    @Blocking
    @Operation(summary = "A bulletin and its errata (public)",
            description = "The bulletin exactly as published, and every figure of its month that differs now "
                    + "(an upheld appeal, a late rating), as published and as now.")
    public BulletinWithErrata get(@PathParam("month") String month, @PathParam("scope") String scope,
            @PathParam("code") String code) {
        BulletinPublished b = BulletinService.read(stored(month, scope, code));
        return new BulletinWithErrata(b, bulletins.errata(b));
    }

    @GET
    @Path("/{month}/{scope}/{code}/bulletin.json")
    @Produces(MediaType.APPLICATION_JSON)
    @PermitAll
    @Blocking
    @Operation(summary = "The bulletin's frozen content, byte for byte as published (public)")
    public String json(@PathParam("month") String month, @PathParam("scope") String scope,
            @PathParam("code") String code) {
        return stored(month, scope, code).payload();
    }

    @GET
    @Path("/{month}/{scope}/{code}/bulletin.csv")
    @Produces("text/csv; charset=UTF-8")
    @PermitAll
    @Blocking
    @Operation(summary = "The bulletin as CSV (public); the same bytes whatever happens to its month later")
    public Response csv(@PathParam("month") String month, @PathParam("scope") String scope,
            @PathParam("code") String code) {
        BulletinPublished b = BulletinService.read(stored(month, scope, code));
        return Response.ok(BulletinDocuments.csv(b)).header("Content-Disposition",
                "attachment; filename=\"" + BulletinDocuments.fileName(b, "csv") + "\"").build();
    }

    @GET
    @Path("/{month}/{scope}/{code}/bulletin.html")
    @Produces("text/html; charset=UTF-8")
    @PermitAll
    @Blocking
    @Operation(summary = "The bulletin as a web page (public), its errata below it",
            description = "The Chinese edition, the public one; lang=en: its English translation. Charts are drawn "
                    + "on the server into the page; each has its table beside it. No JavaScript.")
    public String html(@PathParam("month") String month, @PathParam("scope") String scope,
            @PathParam("code") String code, @QueryParam("lang") String lang) {
        BulletinPublished b = BulletinService.read(stored(month, scope, code));
        return BulletinDocuments.html(view(b, lang), charts);
    }

    @GET
    @Path("/{month}/{scope}/{code}/bulletin.pdf")
    @Produces({"application/pdf", Problem.MEDIA_TYPE})
    @PermitAll
    @Blocking
    @Operation(summary = "The bulletin as a PDF (public), its errata after it",
            description = "The Chinese edition; lang=en: the English one. 503 when the server has no CJK font to draw "
                    + "it with (hcp.bulletin.pdf-fonts).")
    public Response pdf(@PathParam("month") String month, @PathParam("scope") String scope,
            @PathParam("code") String code, @QueryParam("lang") String lang) {
        BulletinPublished b = BulletinService.read(stored(month, scope, code));
        BulletinView view = view(b, lang);
        byte[] document = pdf.render(view).orElseThrow(() -> new ProblemException(503,
                "pdf-font-missing", Text.of("bulletin.pdfFont"), "no CJK font to draw the PDF with: install Debian's "
                        + "fonts-wqy-microhei or set hcp.bulletin.pdf-fonts", List.of()));
        String name = BulletinDocuments.fileName(b, view.edition() == Edition.EN ? "en.pdf" : "pdf");
        return Response.ok(document, "application/pdf").header("Content-Disposition",
                "inline; filename=\"" + name + "\"").build();
    }

    /** The publication in the edition asked for, with the errata of its month now. */
    private BulletinView view(BulletinPublished b, String lang) {
        if (lang != null && lang.length() > 8) {
            throw ProblemException.invalid(Violation.of("?lang", "bulletin.lang"));
        }
        JurisdictionPolicy policy = reference.rules(b.regionCode(), YearMonth.parse(b.month()).atEndOfMonth()
                .atStartOfDay(ChinaTime.ZONE).toInstant()).policy();
        return BulletinView.of(b, bulletins.errata(b), Edition.of(lang), new BulletinView.Naming(
                policy.levelLabels(), code -> policy.tag(code).map(BadReviewTag::englishName).orElse(null)));
    }

    private org.hcp.reporting.repository.BulletinRepository.Stored stored(String month, String scope, String code) {
        YearMonth m = month(month);
        BulletinScope s;
        try {
            s = BulletinScope.valueOf(scope);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no bulletin scope " + scope);
        }
        return bulletins.find(Bulletins.id(m, s, code))
                .orElseThrow(() -> ProblemException.notFound("no bulletin " + Bulletins.id(m, s, code)));
    }

    private static YearMonth month(String month) {
        return QueryChecks.month("?month", month, "bulletin.month");
    }
}
