package org.hcp.intake.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.outcome.Violation;
import org.hcp.intake.domain.SubmitRating;
import org.hcp.intake.repository.RatingRepository;
import org.hcp.intake.service.BatchRatings;
import org.hcp.intake.service.RatingService;
import org.hcp.kit.rest.BodyLimit;
import org.hcp.kit.rest.Language;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;

@Path("/api/v1/ratings")
@Tag(name = "ratings", description = "评价接入 / Ratings from channels")
public class RatingResource {

    private final RatingService service;
    private final BatchRatings batch;
    private final RatingRepository ratings;
    private final JsonWebToken caller;
    private final Language language;

    public RatingResource(RatingService service, BatchRatings batch, RatingRepository ratings, JsonWebToken caller,
            Language language) {
        this.service = service;
        this.batch = batch;
        this.ratings = ratings;
        this.caller = caller;
        this.language = language;
    }

    /** The answer to a submission; a retry of the same rating gets the same answer. */

    /** A rating as intake stored it; no evaluator data. */

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"channel", "admin"})
    @Operation(summary = "Submit one rating",
            description = "The case must have been reported (POST /api/v1/cases). Validated against the rating rules "
                    + "(R1.1-R1.8) and the jurisdiction's policy; a batch case's rating applies to its whole batch "
                    + "(R1.5), scope CHAIN to every case of its chain (R1.6). Accepted ratings are recorded with their "
                    + "RatingSubmitted events in one transaction and published to hcp.ratings. A retry with the "
                    + "same ratingId or Idempotency-Key returns the first answer and publishes nothing twice.")
    @APIResponse(responseCode = "202", description = "Accepted")
    @APIResponse(responseCode = "400", description = "Malformed JSON or a wrong type (problem+json)")
    @APIResponse(responseCode = "409", description = "The case (visit, batch, chain) is rated already (R1.4), or the id "
            + "was used for a different rating (problem+json)")
    @APIResponse(responseCode = "422", description = "A rule is broken; errors name each field (problem+json)")
    public Uni<Response> submit(SubmitRating body,
            @Parameter(description = "Makes a retried request safe when the body carries no ratingId")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        ProblemException.requireBody(body);
        return service.submit(body, idempotencyKey, caller.getName()).map(RatingAnswers::answer);
    }


    public record BatchRequest(List<SubmitRating> ratings) {
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"channel", "admin"})
    @Operation(summary = "Submit up to 500 ratings (channel platforms)",
            description = "Each item is a POST /api/v1/ratings body, decided and recorded on its own; the answer lists "
                    + "every item with outcome accepted, replayed (the same ratingId again) or rejected, the status it "
                    + "would have had alone, and its problem. Give each item a ratingId so that a retried batch "
                    + "records nothing twice.")
    // 500 ratings (BatchRatings.MAX_ITEMS)
    @BodyLimit(1024 * 1024)
    public Uni<RatingAnswers.BatchResult> submitBatch(BatchRequest body) {
        Locale locale = language.ofRequest();
        ProblemException.requireBody(body);
        if (body.ratings() == null) {
            throw ProblemException.invalid(List.of(Violation.of("/ratings", "field.required")));
        }
        List<Violation> size = BatchRatings.sizeViolations(body.ratings().size(), "/ratings");
        if (!size.isEmpty()) {
            throw ProblemException.invalid(size);
        }
        return batch.submitAll(body.ratings()).map(outcomes -> RatingAnswers.batch(outcomes, "/ratings", locale));
    }

    @GET
    @Path("/{ratingId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"channel", "auditor", "admin"})
    @Operation(summary = "Read one accepted rating (no evaluator data)")
    public Uni<RatingRepository.RatingRow> get(@PathParam("ratingId") String ratingId) {
        return ratings.findRow(ratingId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no rating " + ratingId));
    }
}
