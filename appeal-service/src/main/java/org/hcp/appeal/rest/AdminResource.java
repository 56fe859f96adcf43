package org.hcp.appeal.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.appeal.service.RebuildService;
import org.hcp.kit.rest.Answers;
import org.hcp.kit.rest.Problem;

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
    @Operation(summary = "Rebuild the appeal tables from hcp.appeals and put them in place",
            description = "Writers wait while it runs (reads go on): the outbox drains, the log is refolded by the "
                    + "live write path into a scratch schema, the rows that differ from the live tables are counted "
                    + "(0 when healthy) and replaced. 409 while another rebuild runs.")
    public RebuildService.RebuildResult rebuild() {
        return Answers.valueOf(rebuild.rebuild());
    }
}
