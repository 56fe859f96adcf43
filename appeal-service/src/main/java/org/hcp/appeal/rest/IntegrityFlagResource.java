package org.hcp.appeal.rest;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.appeal.domain.IntegrityFlag;
import org.hcp.appeal.repository.IntegrityRepository.FlagFile;
import org.hcp.appeal.repository.IntegrityRepository;
import org.hcp.appeal.service.IntegrityService;
import org.hcp.events.appeal.IntegrityOutcome;
import org.hcp.events.appeal.IntegrityRule;
import org.hcp.events.outcome.Violation;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;

/**
 * Integrity reviews (R6.3): the flags the detection rules raised, in the bureau's queue (role {@code bureau}, its
 * region prefix; {@code auditor} reads), and the bureau's review of one. Out of scope is "not found".
 */
@Path("/api/v1/integrity-flags")
@Tag(name = "integrity", description = "刷好评与恶意差评核查 / Integrity reviews of fake and malicious ratings (R6.3)")
public class IntegrityFlagResource {

    private static final List<String> STATUSES = List.of("PENDING", "NOT_ADOPTED", "DISMISSED");

    private final IntegrityService service;
    private final IntegrityRepository flags;
    private final Access access;
    private final JsonWebToken caller;

    public IntegrityFlagResource(IntegrityService service, IntegrityRepository flags, Access access,
            JsonWebToken caller) {
        this.service = service;
        this.flags = flags;
        this.access = access;
        this.caller = caller;
    }

    /** R6.3: the review; {@code malicious} only when the ratings are not adopted. */
    public record Review(IntegrityOutcome outcome, Boolean malicious, String reason) {
    }

    /** A flag in the queue: which rule fired on what, and what awaits review. */
    public record FlagEntry(String flagId, IntegrityRule rule, String subject, LocalDate day, String regionCode,
            String status, int ratings, int pending, int distinct, Instant firstAt, Instant lastAt, int reviews) {

        static FlagEntry of(IntegrityFlag f) {
            return new FlagEntry(f.flagId(), f.rule(), f.subject(), f.day(), f.regionCode(), f.status(),
                    f.ratingIds().size(), f.pending().size(), f.distinct(), f.firstAt(), f.lastAt(), f.reviews());
        }
    }

    public record Page(List<FlagEntry> items, int page, int size) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"bureau", "auditor", "admin"})
    @Operation(summary = "R6.3: the review queue: flags by status (PENDING, NOT_ADOPTED, DISMISSED) and rule",
            description = "A bureau sees the flags of its region; a flag's region is the one all its ratings are in.")
    public Uni<Page> list(@QueryParam("region") String region, @QueryParam("status") String status,
            @QueryParam("rule") String rule, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        QueryChecks.regionPrefix(region);
        QueryChecks.page(page, size, 500);
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid(Violation.of("?status", "field.unknownValue", status, STATUSES));
        }
        IntegrityRule r = rule == null ? null : Arrays.stream(IntegrityRule.values())
                .filter(v -> v.name().equals(rule)).findFirst().orElseThrow(() -> ProblemException.invalid(
                        Violation.of("?rule", "field.unknownValue", rule, Arrays.asList(IntegrityRule.values()))));
        Access.Filter visible = access.filter(region, null);
        return flags.list(visible.regionPrefix(), status, r, page * size, size)
                .map(items -> new Page(items.stream().map(FlagEntry::of).toList(), page, size));
    }

    @GET
    @Path("/{flagId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"bureau", "auditor", "admin"})
    @Blocking
    @Operation(summary = "R6.3: one flag: its rule, evidence (the ratings, without evaluator) and reviews")
    public FlagFile flag(@PathParam("flagId") String flagId) {
        return flags.file(flagId, access.filter(null, null).regionPrefix()).orElseThrow(
                () -> ProblemException.notFound("no integrity flag " + flagId + " within the caller's scope"));
    }

    @POST
    @Path("/{flagId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"bureau", "admin"})
    @Blocking
    @Operation(summary = "R6.3: review a flag: NOT_ADOPTED (every pending rating leaves every figure) or DISMISSED",
            description = "409 when every rating of the flag was reviewed already.")
    public FlagEntry review(@PathParam("flagId") String flagId, Review body) {
        Review b = ProblemException.requireBody(body);
        return FlagEntry.of(Answers.valueOf(service.review(flagId, access.filter(null, null).regionPrefix(),
                b.outcome(), Boolean.TRUE.equals(b.malicious()), b.reason(), caller.getName())));
    }
}
