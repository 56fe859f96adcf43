package org.hcp.rectification.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.events.RegionCodes;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.text.Violation;
import org.hcp.rectification.repository.BadReviewRepository;

@Path("/api/v1/rectifications")
@Tag(name = "rectifications", description = "差评整改 / Bad-review rectification (R2)")
public class BadReviewResource {

    private final BadReviewRepository badReviews;
    private final Access access;

    public BadReviewResource(BadReviewRepository badReviews, Access access) {
        this.badReviews = badReviews;
        this.access = access;
    }

    public record BadReviewCount(String region, long badReviews) {
    }

    @GET
    @Path("/bad-reviews/count")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({"handler", "bureau", "auditor", "admin"})
    @Operation(summary = "How many bad reviews have reached rectification (R2.1), by region code prefix",
            description = "A bureau counts within its region prefix, a handler its own institution's (R6.1).")
    public Uni<BadReviewCount> count(@QueryParam("region") String region) {
        if (region != null && !RegionCodes.isPrefix(region)) {
            throw ProblemException.invalid(Violation.of("?region", "query.regionPrefix"));
        }
        Access.Filter visible = access.filter(region, null);
        return badReviews.count(visible.regionPrefix(), visible.institution())
                .map(n -> new BadReviewCount(visible.regionPrefix(), n));
    }
}
