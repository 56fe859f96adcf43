package org.hcp.kit.rebuild;

import io.quarkus.arc.properties.IfBuildProperty;
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

/**
 * The operator's rebuild, one resource for every service that keeps a read model: present where the service says so
 * at build time ({@code hcp.admin.rebuild=true}) and provides its {@link Rebuild}.
 */
@Path("/api/v1/admin")
@Tag(name = "admin", description = "运维 / Operations")
@IfBuildProperty(name = "hcp.admin.rebuild", stringValue = "true")
public class AdminResource {

    private final Rebuild rebuild;

    public AdminResource(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/rebuild")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed("admin")
    @Blocking
    @Operation(summary = "Rebuild this service's read model from the log and put it in place",
            description = "Replays the service's topics from their first offset into scratch tables with the live "
                    + "write path, catches up while writers wait (reads go on), and puts the result in place. The "
                    + "report names the events replayed, the rows that differed from the live tables (0 when "
                    + "healthy) and the time taken (the service's README says what it rebuilds). 409 while another "
                    + "rebuild runs.")
    public Object rebuild() {
        return Answers.valueOf(rebuild.rebuild());
    }
}
