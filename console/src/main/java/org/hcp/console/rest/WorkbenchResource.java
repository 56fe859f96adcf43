package org.hcp.console.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.console.service.Services;
import org.hcp.console.service.Upstreams;
import org.hcp.kit.rest.BodyLimit;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;

/**
 * The staff's work through the console: a handling unit's steps on its rectifications and appeals, a bureau's
 * verification, decisions and reviews, and what those screens read (a rectification, a case file, evidence, the
 * evaluator's contact for a callback, the directory's names, the tag catalogue). Each call goes on with the caller's
 * own token to the service that owns the data, which decides the role, the scope and the rules (R2, R3, R6.1); the
 * console only keeps to its routes and bounds what it passes on.
 */
@Path("/api/v1")
@Tag(name = "workbench", description = "工作台 / The handling units' and bureaus' work: steps, appeals, reviews")
@RolesAllowed({"handler", "bureau", "auditor", "admin"})
@Blocking
public class WorkbenchResource {

    /** R2.1-R2.6: the rectification steps a screen may take, as rectification-service names them. */
    static final Set<String> RECTIFICATION_STEPS = Set.of("assignment", "callbacks", "classification", "resolution",
            "feedback", "verification", "interview", "closing");
    /** R3: what a bureau records on an appeal. */
    static final Set<String> APPEAL_STEPS = Set.of("verifications", "decision", "reinstatement");
    private static final long STEP_MAX = 16 * 1024;
    private static final long EVIDENCE_MAX = 5 * 1024 * 1024;

    private final Upstreams upstreams;
    private final URI intake;
    private final URI reporting;
    private final URI rectification;
    private final URI appeal;

    public WorkbenchResource(Upstreams upstreams, Services services) {
        this.upstreams = upstreams;
        this.intake = services.intake();
        this.reporting = services.reporting();
        this.rectification = services.rectification();
        this.appeal = services.appeal();
    }

    @GET
    @Path("/console/rectifications/{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "rectification-service's GET /api/v1/rectifications/{id}: one rectification, its history")
    public Response rectification(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(rectification, "/api/v1/rectifications/" + Upstreams.segment(id), uri, headers);
    }

    @POST
    @Path("/console/rectifications/{id}/{step}")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @BodyLimit(STEP_MAX)
    @Operation(summary = "rectification-service's POST /api/v1/rectifications/{id}/{step}: assignment, callbacks, "
            + "classification, resolution, feedback (the unit), verification, interview (the bureau), closing")
    public Response rectificationStep(@PathParam("id") String id, @PathParam("step") String step, byte[] body,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.forward(rectification, "POST", "/api/v1/rectifications/" + Upstreams.segment(id) + "/"
                + oneOf(step, RECTIFICATION_STEPS), uri, headers, body);
    }

    @POST
    @Path("/console/appeals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @BodyLimit(STEP_MAX)
    @Operation(summary = "appeal-service's POST /api/v1/appeals: the unit files an appeal (R3.1)")
    public Response file(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.forward(appeal, "POST", "/api/v1/appeals", uri, headers, body);
    }

    @GET
    @Path("/console/appeals/{ratingId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "appeal-service's GET /api/v1/appeals/{ratingId}: the case file")
    public Response caseFile(@PathParam("ratingId") String ratingId, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return upstreams.get(appeal, "/api/v1/appeals/" + Upstreams.segment(ratingId), uri, headers);
    }

    @GET
    @Path("/console/appealable-ratings/{ratingId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "appeal-service's GET /api/v1/appeals/appealable-ratings/{ratingId}: whether and until "
            + "when the unit may appeal a bad review (R3.1, R3.2)")
    public Response appealable(@PathParam("ratingId") String ratingId, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return upstreams.get(appeal, "/api/v1/appeals/appealable-ratings/" + Upstreams.segment(ratingId), uri,
                headers);
    }

    @POST
    @Path("/console/appeals/{ratingId}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @BodyLimit(EVIDENCE_MAX)
    @Operation(summary = "appeal-service's POST /api/v1/appeals/{ratingId}/attachments?fileName=: evidence (PDF, "
            + "JPEG, PNG, 5 MB at most)")
    public Response addEvidence(@PathParam("ratingId") String ratingId, byte[] body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return upstreams.forward(appeal, "POST", "/api/v1/appeals/" + Upstreams.segment(ratingId) + "/attachments",
                uri, headers, body);
    }

    @GET
    @Path("/console/appeals/{ratingId}/attachments/{attachmentId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", Problem.MEDIA_TYPE})
    @Operation(summary = "appeal-service's GET of one piece of evidence")
    public Response evidence(@PathParam("ratingId") String ratingId, @PathParam("attachmentId") String attachmentId,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(appeal, "/api/v1/appeals/" + Upstreams.segment(ratingId) + "/attachments/"
                + Upstreams.segment(attachmentId), uri, headers);
    }

    @POST
    @Path("/console/appeals/{ratingId}/{step}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @BodyLimit(STEP_MAX)
    @Operation(summary = "appeal-service's POST /api/v1/appeals/{ratingId}/{step}: verifications, decision, "
            + "reinstatement (the bureau, R3.2-R3.4)")
    public Response appealStep(@PathParam("ratingId") String ratingId, @PathParam("step") String step, byte[] body,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.forward(appeal, "POST", "/api/v1/appeals/" + Upstreams.segment(ratingId) + "/"
                + oneOf(step, APPEAL_STEPS), uri, headers, body);
    }

    @GET
    @Path("/console/appeal-notices")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "appeal-service's GET /api/v1/appeal-notices: decision notices, newest first")
    public Response notices(@Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(appeal, "/api/v1/appeal-notices", uri, headers);
    }

    @GET
    @Path("/console/integrity-flags")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "appeal-service's GET /api/v1/integrity-flags: ratings flagged for review (R3.5)")
    public Response flags(@Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(appeal, "/api/v1/integrity-flags", uri, headers);
    }

    @GET
    @Path("/console/integrity-flags/{flagId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "appeal-service's GET /api/v1/integrity-flags/{flagId}: a flag with its evidence")
    public Response flag(@PathParam("flagId") String flagId, @Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(appeal, "/api/v1/integrity-flags/" + Upstreams.segment(flagId), uri, headers);
    }

    @POST
    @Path("/console/integrity-flags/{flagId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @BodyLimit(STEP_MAX)
    @Operation(summary = "appeal-service's POST /api/v1/integrity-flags/{flagId}/review: the bureau's review")
    public Response review(@PathParam("flagId") String flagId, byte[] body, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return upstreams.forward(appeal, "POST", "/api/v1/integrity-flags/" + Upstreams.segment(flagId) + "/review",
                uri, headers, body);
    }

    @GET
    @Path("/console/credit-records")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "appeal-service's GET /api/v1/credit-records, where the policy keeps them (R3.4)")
    public Response creditRecords(@Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(appeal, "/api/v1/credit-records", uri, headers);
    }

    /** Personal data (R6.1): intake reveals it to the case's unit or bureau for the stated purpose and records it. */
    @GET
    @Path("/console/cases/{caseNumber}/evaluator-contact")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "intake's GET /api/v1/cases/{caseNumber}/evaluator-contact?purpose=: the evaluator's "
            + "contact for a callback or re-survey, each reading recorded")
    public Response contact(@PathParam("caseNumber") String caseNumber, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return upstreams.get(intake, "/api/v1/cases/" + Upstreams.segment(caseNumber) + "/evaluator-contact", uri,
                headers);
    }

    @GET
    @Path("/console/directory")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "intake's GET /api/v1/directory/entries: the names of regions, institutions, windows, "
            + "staff and items, by kind and region prefix")
    public Response directory(@Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(intake, "/api/v1/directory/entries", uri, headers);
    }

    @GET
    @Path("/console/policies/{regionCode}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "intake's GET /api/v1/policies/{regionCode}: the policy in force, with its tag catalogue")
    public Response policy(@PathParam("regionCode") String regionCode, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return upstreams.get(intake, "/api/v1/policies/" + Upstreams.segment(regionCode), uri, headers);
    }

    @POST
    @Path("/console/bulletins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @BodyLimit(STEP_MAX)
    @Operation(summary = "reporting-service's POST /api/v1/bulletins: publish a past month's bulletins (R4.3)")
    public Response publish(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.forward(reporting, "POST", "/api/v1/bulletins", uri, headers, body);
    }

    private static String oneOf(String step, Set<String> steps) {
        if (!steps.contains(step)) {
            throw ProblemException.notFound("no such step behind the console");
        }
        return step;
    }
}
