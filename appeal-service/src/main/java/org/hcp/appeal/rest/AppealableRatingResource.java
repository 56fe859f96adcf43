package org.hcp.appeal.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.appeal.repository.AppealableRatingRepository;
import org.hcp.kit.rest.Access;
import org.hcp.kit.rest.Problem;

@Path("/api/v1/appeals")
@Tag(name = "appeals", description = "申诉复核 / Appeals and reviews (R3)")
public class AppealableRatingResource {

    private final AppealableRatingRepository appealable;
    private final Access access;

    public AppealableRatingResource(AppealableRatingRepository appealable, Access access) {
        this.appealable = appealable;
        this.access = access;
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
}
