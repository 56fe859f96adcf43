package org.hcp.reporting.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.kit.rest.Answers;
import org.hcp.reporting.service.RebuildService;

@Path("/api/v1/admin")
@Tag(name = "admin", description = "运维 / Operations")
public class AdminResource {

    private final RebuildService rebuild;

    public AdminResource(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Blocking
    @Operation(summary = "Rebuild the statistics from the log and switch to them",
            description = "Replays hcp.ratings from its first offset into fresh tables, catches up, and makes them "
                    + "live. Answers when done; 409 while another rebuild runs.")
    public RebuildService.RebuildResult rebuild() {
        return Answers.valueOf(rebuild.rebuild());
    }
}
