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
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.appeal.domain.AppealDecider;
import org.hcp.appeal.domain.AppealEntry;
import org.hcp.appeal.domain.Evidence;
import org.hcp.appeal.repository.AppealRepository;
import org.hcp.appeal.repository.AttachmentRepository;
import org.hcp.appeal.repository.CaseFileRepository.CaseFile;
import org.hcp.appeal.repository.CaseFileRepository;
import org.hcp.appeal.service.AppealService.Scope;
import org.hcp.appeal.service.AppealService;
import org.hcp.events.EventIds;
import org.hcp.events.appeal.AppealOutcome;
import org.hcp.events.appeal.Appellant;
import org.hcp.events.appeal.VerificationMethod;
import org.hcp.events.outcome.Violation;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.BodyLimit;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.QueryChecks;

/**
 * Appeals (R3): the rated party (role {@code handler}, its institution) appeals a bad review in time; the bureau
 * (role {@code bureau}, its region prefix) verifies and decides. An appeal is known by its rating's id, one open
 * appeal per rating. Out of scope is "not found".
 */
@Path("/api/v1/appeals")
@Tag(name = "appeals", description = "差评申诉复核 / Appeals against bad reviews (R3)")
public class AppealResource {

    private final AppealService service;
    private final AppealRepository appeals;
    private final AttachmentRepository attachments;
    private final CaseFileRepository caseFiles;
    private final Access access;
    private final JsonWebToken caller;

    public AppealResource(AppealService service, AppealRepository appeals, AttachmentRepository attachments,
            CaseFileRepository caseFiles, Access access, JsonWebToken caller) {
        this.service = service;
        this.caseFiles = caseFiles;
        this.appeals = appeals;
        this.attachments = attachments;
        this.access = access;
        this.caller = caller;
    }

    /** R3.1: the appeal, with who appeals (through its department) and on what grounds. */
    public record Filing(String ratingId, Appellant appellant, String grounds) {
    }

    /** R3.3: one check by the bureau. */
    public record Verification(VerificationMethod method, String finding) {
    }

    /** R3.4, R3.5: the bureau's decision; {@code malicious} only for an upheld one. */
    public record Decision(AppealOutcome outcome, Boolean malicious, String reason) {
    }

    /** R3.5: a review that reinstates a rating not adopted. */
    public record Review(String reason) {
    }

    public record Page(List<AppealEntry> items, int page, int size) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "admin"})
    @Blocking
    @Operation(summary = "R3.1, R3.2: appeal a bad review of your institution within the policy's working days",
            description = "409 when late (the problem names the deadline), when an appeal is open already or "
                    + "decided; 404 for a rating that is not your institution's bad review.")
    public AppealEntry file(Filing body) {
        Filing b = ProblemException.requireBody(body);
        if (b.ratingId() == null || b.ratingId().isBlank()) {
            throw ProblemException.invalid(Violation.of("/ratingId", "field.required"));
        }
        String appealId = AppealService.newAppealId();
        return Answers.valueOf(service.act(b.ratingId().strip(), scope(), false, (rating, appeal, now, rules) ->
                AppealDecider.file(rating, appeal, appealId, b.appellant(), b.grounds(), by(), now, rules)));
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "auditor", "admin"})
    @Operation(summary = "The queue: appeals by status (OPEN, UPHELD, REJECTED) and overdue, soonest deadline first",
            description = "A handler sees its institution's, a bureau its region's (R6.1).")
    public Uni<Page> list(@QueryParam("region") String region, @QueryParam("status") String status,
            @QueryParam("overdue") Boolean overdue, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        QueryChecks.regionPrefix(region);
        QueryChecks.page(page, size, 500);
        if (status != null && !List.of("OPEN", "UPHELD", "REJECTED").contains(status)) {
            throw ProblemException.invalid(Violation.of("?status", "field.unknownValue", status,
                    List.of("OPEN", "UPHELD", "REJECTED")));
        }
        Access.Filter visible = access.filter(region, null);
        return appeals.list(visible.regionPrefix(), visible.institution(), status, overdue, page * size, size)
                .map(items -> new Page(items, page, size));
    }

    @GET
    @Path("/{ratingId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "auditor", "admin"})
    @Blocking
    @Operation(summary = "The appeal case file: the rating, the appeal, its rectification, notices and one timeline",
            description = "Never the evaluator's identity; the timeline merges the appeal's events with the "
                    + "rectification's steps in time order.")
    public CaseFile caseFile(@PathParam("ratingId") String ratingId) {
        Scope scope = scope();
        return caseFiles.caseFile(ratingId, scope.regionPrefix(), scope.institution()).orElseThrow(
                () -> ProblemException.notFound("no appeal on rating " + ratingId + " within the caller's scope"));
    }

    @POST
    @Path("/{ratingId}/verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"bureau", "admin"})
    @Blocking
    @Operation(summary = "R3.3: record a check (SPOT_CHECK, FILE_REVIEW, SITE_VISIT, PHONE_CALLBACK)")
    public AppealEntry verify(@PathParam("ratingId") String ratingId, Verification body) {
        Verification b = ProblemException.requireBody(body);
        return Answers.valueOf(service.act(ratingId, scope(), true, (rating, appeal, now, rules) ->
                AppealDecider.verify(appeal, b.method(), b.finding(), by(), now)));
    }

    @POST
    @Path("/{ratingId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"bureau", "admin"})
    @Blocking
    @Operation(summary = "R3.4, R3.5: UPHELD (the rating is not adopted everywhere) or REJECTED (it stands)")
    public AppealEntry decide(@PathParam("ratingId") String ratingId, Decision body) {
        Decision b = ProblemException.requireBody(body);
        String decisionId = "d-" + EventIds.newTimeOrdered();
        return Answers.valueOf(service.act(ratingId, scope(), true, (rating, appeal, now, rules) ->
                AppealDecider.decide(appeal, b.outcome(), Boolean.TRUE.equals(b.malicious()), b.reason(), decisionId,
                        by(), now)));
    }

    @POST
    @Path("/{ratingId}/reinstatement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"bureau", "admin"})
    @Blocking
    @Operation(summary = "R3.5: a review reinstates a rating that was not adopted")
    public AppealEntry reinstate(@PathParam("ratingId") String ratingId, Review body) {
        Review b = ProblemException.requireBody(body);
        String decisionId = "d-" + EventIds.newTimeOrdered();
        return Answers.valueOf(service.act(ratingId, scope(), true, (rating, appeal, now, rules) ->
                AppealDecider.reinstate(appeal, b.reason(), decisionId, by(), now)));
    }

    @POST
    @Path("/{ratingId}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "admin"})
    @Blocking
    @Operation(summary = "R3.1: add evidence to an open appeal: the file's bytes as the body, ?fileName= its name",
            description = "PDF, JPEG or PNG, judged by the content (not the name or Content-Type), at most 5 MB; "
                    + "stored with its SHA-256, which AppealEvidenceAdded carries instead of the bytes.")
    // R3.1: the evidence file itself, 5 MB at most
    @BodyLimit(Evidence.MAX_BYTES)
    public AppealEntry addEvidence(@PathParam("ratingId") String ratingId, @QueryParam("fileName") String fileName,
            byte[] content) {
        return Answers.valueOf(service.addEvidence(ratingId, scope(), fileName, content, by()));
    }

    @GET
    @Path("/{ratingId}/attachments/{attachmentId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "admin"})
    @Operation(summary = "Download evidence: the appellant's institution and the bureau over its region only")
    public Uni<Response> attachment(@PathParam("ratingId") String ratingId,
            @PathParam("attachmentId") String attachmentId) {
        Scope scope = scope();
        return attachments.find(ratingId, attachmentId, scope.regionPrefix(), scope.institution()).map(found -> {
            AttachmentRepository.Attachment a = found.orElseThrow(() -> ProblemException.notFound("no attachment "
                    + attachmentId + " on an appeal within the caller's scope"));
            return Response.ok(a.content(), a.mediaType()).header("X-Content-Type-Options", "nosniff")
                    .header("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(a.fileName(),
                            StandardCharsets.UTF_8).replace("+", "%20"))
                    .header("Digest", "sha-256=" + a.sha256()).build();
        });
    }

    private Scope scope() {
        Access.Filter own = access.filter(null, null);
        return new Scope(own.regionPrefix(), own.institution());
    }

    private String by() {
        return caller.getName();
    }
}
