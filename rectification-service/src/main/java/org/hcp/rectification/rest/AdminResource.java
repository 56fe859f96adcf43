package org.hcp.rectification.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.Problem;
import org.hcp.rectification.service.RebuildService;

@Path("/api/v1/admin")
@Tag(name = "admin", description = "运维 / Operations")
public class AdminResource {

    private final RebuildService rebuild;

    public AdminResource(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/rebuild")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed("admin")
    @Blocking
    @Operation(summary = "Rebuild the ledger from hcp.rectifications and put it in place",
            description = "Replays the log into scratch tables, folds it as the live path does, then (writers "
                    + "waiting, readers not) catches up, counts the rows that differ from the live ledger (0 when "
                    + "healthy) and replaces them. Answers when done; 409 while another rebuild runs.")
    public RebuildService.RebuildResult rebuild() {
        return Answers.valueOf(rebuild.rebuild());
    }
}
