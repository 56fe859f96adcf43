package org.hcp.rectification.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.ChinaTime;
import org.hcp.events.outcome.Violation;
import org.hcp.events.policy.Term;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.Language;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;
import org.hcp.rectification.domain.LedgerEntry;
import org.hcp.rectification.domain.RectificationDecider;
import org.hcp.rectification.domain.RectificationState.Status;
import org.hcp.rectification.repository.LedgerQueries.Recorded;
import org.hcp.rectification.repository.LedgerQueries.UnitSummary;
import org.hcp.rectification.repository.LedgerQueries;
import org.hcp.rectification.service.RectificationService.Scope;
import org.hcp.rectification.service.RectificationService;

/**
 * The rectification ledger (R2): the handling unit (role {@code handler}, its institution) works its
 * rectifications step by step; the bureau (role {@code bureau}, its region prefix) verifies, interviews, and reads
 * the ledger with its summary and export. Out of scope is "not found": nobody learns what another unit has.
 */
@Path("/api/v1/rectifications")
@Tag(name = "rectifications", description = "差评整改台账 / Bad-review rectification ledger (R2)")
public class RectificationResource {

    private static final int MAX_PAGE = 500;
    private static final int MAX_EXPORT = 10_000;

    private final RectificationService service;
    private final LedgerQueries ledger;
    private final ReferenceData reference;
    private final Access access;
    private final JsonWebToken caller;
    private final Language language;
    private final Clock clock;

    public RectificationResource(RectificationService service, LedgerQueries ledger, ReferenceData reference,
            Access access, JsonWebToken caller, Language language, Clock clock) {
        this.service = service;
        this.ledger = ledger;
        this.reference = reference;
        this.access = access;
        this.caller = caller;
        this.language = language;
        this.clock = clock;
    }

    public record Page(List<LedgerEntry> items, int page, int size, boolean more) {
    }

    /**
     * One rectification, its events in order, and where a real-name evaluator's contact is read for the callback:
     * intake's recorded, scoped contact access (purpose CALLBACK); the contact itself is never kept here.
     */
    public record Detail(LedgerEntry rectification, List<String> callbackContact, List<Recorded> history) {
    }

    public record BadReviewCount(String region, long badReviews) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "auditor", "admin"})
    @Operation(summary = "The ledger, a page at a time, soonest deadline first",
            description = "A handler sees its institution's, a bureau its region's (R6.1). Filters: status (comma "
                    + "separated), overdue (active and late, R2.6), dueWithin (a step due within N working days), "
                    + "institution, region prefix, tag.")
    public Uni<Page> list(@QueryParam("region") String region, @QueryParam("institution") String institution,
            @QueryParam("status") String status, @QueryParam("overdue") Boolean overdue,
            @QueryParam("dueWithin") Integer dueWithin, @QueryParam("tag") String tag,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        QueryChecks.page(page, size, MAX_PAGE);
        return ledger.list(filter(region, institution, status, overdue, dueWithin, tag), page * size, size)
                .map(slice -> new Page(slice.items(), page, size, slice.more()));
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "auditor", "admin"})
    @Operation(summary = "The ledger as CSV (UTF-8 with BOM), same filters as the list",
            description = "Up to 10,000 rows a page; the header Link rel=next names the next page.")
    public Uni<Response> export(@QueryParam("region") String region, @QueryParam("institution") String institution,
            @QueryParam("status") String status, @QueryParam("overdue") Boolean overdue,
            @QueryParam("dueWithin") Integer dueWithin, @QueryParam("tag") String tag,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("10000") int size) {
        QueryChecks.page(page, size, MAX_EXPORT);
        Locale locale = language.ofRequest();
        return ledger.list(filter(region, institution, status, overdue, dueWithin, tag), page * size, size)
                .map(slice -> {
                    Response.ResponseBuilder answer = Response.ok(LedgerCsv.write(slice.items(), locale))
                            .type("text/csv; charset=UTF-8")
                            .header("Content-Disposition", "attachment; filename=\"rectifications-" + page + ".csv\"");
                    if (slice.more()) {
                        answer.header("Link", "<?page=" + (page + 1) + "&size=" + size + ">; rel=\"next\"");
                    }
                    return answer.build();
                });
    }

    @GET
    @Path("/summary")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "auditor", "admin"})
    @Operation(summary = "Per unit: open, overdue, closed, on-time rate (R2.6), withdrawn, bad reviews received")
    public Uni<List<UnitSummary>> summary(@QueryParam("region") String region,
            @QueryParam("institution") String institution) {
        QueryChecks.regionPrefix(region);
        Access.Filter visible = access.filter(region, institution);
        return ledger.summary(visible.regionPrefix(), visible.institution());
    }

    @GET
    @Path("/bad-reviews/count")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "auditor", "admin"})
    @Operation(summary = "How many bad reviews have reached rectification (R2.1), by region code prefix",
            description = "A bureau counts within its region prefix, a handler its own institution's (R6.1).")
    public Uni<BadReviewCount> count(@QueryParam("region") String region) {
        QueryChecks.regionPrefix(region);
        Access.Filter visible = access.filter(region, null);
        return ledger.badReviews(visible.regionPrefix(), visible.institution())
                .map(n -> new BadReviewCount(visible.regionPrefix(), n));
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "auditor", "admin"})
    @Operation(summary = "One rectification with its history")
    public Uni<Detail> get(@PathParam("id") String id) {
        Scope scope = scope();
        return ledger.find(id, scope.regionPrefix(), scope.institution()).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(notFound(id));
            }
            LedgerEntry entry = found.get();
            List<String> contact = entry.realName() ? entry.caseNumbers().stream()
                    .map(c -> "/api/v1/cases/" + c + "/evaluator-contact?purpose=CALLBACK").toList() : List.of();
            return ledger.history(id).map(history -> new Detail(entry, contact, history));
        });
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "admin"})
    @Blocking
    @Operation(summary = "R2.1: name the person responsible")
    public LedgerEntry assign(@PathParam("id") String id, Steps.Assignment body) {
        Steps.Assignment b = ProblemException.requireBody(body);
        return act(id, (s, now, rules) -> RectificationDecider.assign(s, b.responsiblePerson(), by(), now));
    }

    @POST
    @Path("/{id}/callbacks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "admin"})
    @Blocking
    @Operation(summary = "R2.2: record a callback attempt (REACHED or NOT_REACHED)")
    public LedgerEntry callback(@PathParam("id") String id, Steps.Callback body) {
        Steps.Callback b = ProblemException.requireBody(body);
        return act(id, (s, now, rules) -> RectificationDecider.recordCallback(s, b.result(), b.note(), by(), now));
    }

    @POST
    @Path("/{id}/classification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "admin"})
    @Blocking
    @Operation(summary = "R2.3: classify as CLEAR, COMPLEX (with dueAt, at most the policy's cap) or NO_BASIS")
    public LedgerEntry classify(@PathParam("id") String id, Steps.Classifying body) {
        Steps.Classifying b = ProblemException.requireBody(body);
        return act(id, (s, now, rules) -> RectificationDecider.classify(s, b.classification(), b.reason(), b.dueAt(),
                by(), now, rules));
    }

    @POST
    @Path("/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "admin"})
    @Blocking
    @Operation(summary = "R2.3: RECTIFIED or EXPLAINED, with what was done")
    public LedgerEntry resolve(@PathParam("id") String id, Steps.Resolving body) {
        Steps.Resolving b = ProblemException.requireBody(body);
        return act(id, (s, now, rules) -> RectificationDecider.resolve(s, b.resolution(), b.measures(), by(), now,
                rules));
    }

    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "admin"})
    @Blocking
    @Operation(summary = "R2.4: record the feedback given to the evaluator")
    public LedgerEntry feedback(@PathParam("id") String id, Steps.Feedback body) {
        Steps.Feedback b = ProblemException.requireBody(body);
        return act(id, (s, now, rules) -> RectificationDecider.giveFeedback(s, b.means(), b.summary(), by(), now));
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"bureau", "admin"})
    @Blocking
    @Operation(summary = "R2.6: the bureau's verification by callback (R2.5: level 1 by phone, with a re-survey)")
    public LedgerEntry verify(@PathParam("id") String id, Steps.Verification body) {
        Steps.Verification b = ProblemException.requireBody(body);
        return act(id, (s, now, rules) -> RectificationDecider.verify(s, b.confirmed(),
                Boolean.TRUE.equals(b.phoneCallback()), b.resurveyLevel(), b.note(), by(), now));
    }

    @POST
    @Path("/{id}/interview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"bureau", "admin"})
    @Blocking
    @Operation(summary = "R2.6: the interview of the responsible person of a late rectification")
    public LedgerEntry interview(@PathParam("id") String id, Steps.Interview body) {
        Steps.Interview b = ProblemException.requireBody(body);
        return act(id, (s, now, rules) -> RectificationDecider.recordInterview(s, b.interviewee(), b.note(), by(),
                now));
    }

    @POST
    @Path("/{id}/closing")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "admin"})
    @Blocking
    @Operation(summary = "Close: verified (R2.6), feedback on the result (R2.4), real-name callback (R2.5), "
            + "interview when late (R2.6)")
    public LedgerEntry close(@PathParam("id") String id) {
        return act(id, (s, now, rules) -> RectificationDecider.close(s, by(), now));
    }

    private LedgerEntry act(String id, RectificationService.Step step) {
        return Answers.valueOf(service.act(id, scope(), step));
    }

    /** The caller's own scope: a handler its institution, a bureau its region prefix, others everything. */
    private Scope scope() {
        Access.Filter own = access.filter(null, null);
        return new Scope(own.regionPrefix(), own.institution());
    }

    private String by() {
        return caller.getName();
    }

    private LedgerQueries.Filter filter(String region, String institution, String status, Boolean overdue,
            Integer dueWithin, String tag) {
        QueryChecks.regionPrefix(region);
        List<Status> statuses = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            for (String s : status.split(",")) {
                try {
                    statuses.add(Status.valueOf(s.strip()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid(Violation.of("?status", "field.unknownValue", s.strip(),
                            List.of(Status.values())));
                }
            }
        }
        Instant dueBefore = null;
        if (dueWithin != null) {
            if (dueWithin < 0 || dueWithin > 250) {
                throw ProblemException.invalid(Violation.of("?dueWithin", "rectification.dueWithin"));
            }
            dueBefore = Term.workingDays(dueWithin).after(clock.instant(), reference.calendar(), ChinaTime.ZONE).at();
        }
        Access.Filter visible = access.filter(region, institution);
        return new LedgerQueries.Filter(visible.regionPrefix(), visible.institution(), statuses, overdue, dueBefore,
                tag == null || tag.isBlank() ? null : tag.strip());
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no rectification " + id + " within the caller's scope");
    }
}
