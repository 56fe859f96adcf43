package org.hcp.appeal.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.hcp.appeal.domain.AppealDecider;
import org.hcp.appeal.repository.AppealableRatingRepository;
import org.hcp.events.policy.Deadline;
import org.hcp.kit.reference.ReferenceData;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Problem;

@Path("/api/v1/appeals")
@Tag(name = "appeals", description = "申诉复核 / Appeals and reviews (R3)")
public class AppealableRatingResource {

    private final AppealableRatingRepository appealable;
    private final Access access;
    private final ReferenceData reference;
    private final Clock clock;

    public AppealableRatingResource(AppealableRatingRepository appealable, Access access, ReferenceData reference,
            Clock clock) {
        this.appealable = appealable;
        this.access = access;
        this.reference = reference;
        this.clock = clock;
    }

    /**
     * A bad review the unit may appeal, and until when (null where the policy sets no window); whether an appeal is
     * already filed is the case file's to say.
     */
    public record AppealableRating(String ratingId, String caseNumber, int level, String institutionCode,
            String regionCode, Instant receivedAt, Instant windowDueAt, boolean windowProvisional, boolean windowOpen) {
    }

    public record AppealableCount(String institution, long appealableRatings) {
    }

    @GET
    @Path("/appealable-ratings/count")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "auditor", "admin"})
    @Operation(summary = "How many ratings may be appealed (R3.1: levels 1 and 2), optionally of one institution",
            description = "A handler counts its own institution's, a bureau those in its region prefix (R6.1).")
    public Uni<AppealableCount> count(@QueryParam("institution") String institution) {
        String inst = institution == null || institution.isBlank() ? null : institution.trim();
        Access.Filter visible = access.filter(null, inst);
        return appealable.count(visible.regionPrefix(), visible.institution())
                .map(n -> new AppealableCount(visible.institution(), n));
    }

    @GET
    @Path("/appealable-ratings/{ratingId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "auditor", "admin"})
    @Operation(summary = "One appealable rating and its appeal window (R3.1, R3.2)",
            description = "404 when it is not a bad review an evaluator gave, or outside the caller's scope (R6.1).")
    public Uni<AppealableRating> appealable(@PathParam("ratingId") String ratingId) {
        Access.Filter visible = access.filter(null, null);
        return appealable.find(ratingId, visible.regionPrefix(), visible.institution()).map(found -> {
            AppealDecider.RatedCase rating = found.orElseThrow(() -> ProblemException.notFound(
                    "no appealable rating " + ratingId + " within the caller's scope"));
            Instant now = clock.instant();
            // R3.1: the same window the filing is held to
            Deadline window = AppealDecider.appealWindow(rating, reference.rules(rating.regionCode(), now));
            return new AppealableRating(rating.ratingId(), rating.caseNumber(), rating.level(),
                    rating.institutionCode(), rating.regionCode(), rating.receivedAt(),
                    window == null ? null : window.at(), window != null && window.provisional(),
                    window == null || !now.isAfter(window.at()));
        });
    }
}
