package org.hcp.console.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.console.service.Services;
import org.hcp.console.service.Upstreams;
import org.hcp.kit.rest.Problem;

/**
 * The public pages (R4.7), at the one address the public is given: the index of bulletins (reporting-service) and the
 * rectification results (rectification-service), forwarded as they are. No sign-in: they hold nothing personal.
 */
@Path("/public")
@Tag(name = "public", description = "公开 / The public pages")
public class PublicPagesResource {

    private final Upstreams upstreams;
    private final URI reporting;
    private final URI rectification;

    public PublicPagesResource(Upstreams upstreams, Services services) {
        this.upstreams = upstreams;
        this.reporting = services.reporting();
        this.rectification = services.rectification();
    }

    @GET
    @Path("/bulletins")
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(summary = "reporting-service's public index of bulletins, same parameters")
    public Response bulletins(@Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(reporting, "/public/bulletins", uri, headers);
    }

    @GET
    @Path("/rectification-results")
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(summary = "rectification-service's public page of rectification results, same parameters")
    public Response rectificationResults(@Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(rectification, "/public/rectification-results", uri, headers);
    }
}
