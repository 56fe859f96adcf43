package org.hcp.console.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.hcp.kit.rest.ProblemException;

/**
 * The console's one origin: the reads its screens make of the services that own the data, passed through with the
 * caller's own token, so each service applies its own access and scope (R6.1). This resource only keeps out callers
 * that no console screen serves, and paths that are not a service's. Each family of reads is a route of its own, so
 * that the OpenAPI document says what the console reaches; the next screens add theirs here.
 */
@Path("/api/v1")
@Tag(name = "console", description = "监管台 / The console's reads of the statistics, bulletins, ledger and appeals")
@RolesAllowed({"handler", "bureau", "auditor", "admin"})
@Blocking
public class GatewayResource {

    private final Upstreams upstreams;
    private final URI reporting;
    private final URI rectification;
    private final URI appeal;

    public GatewayResource(Upstreams upstreams, Services services) {
        this.upstreams = upstreams;
        this.reporting = services.reporting();
        this.rectification = services.rectification();
        this.appeal = services.appeal();
    }

    @GET
    @Path("/stats/{path}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", Problem.MEDIA_TYPE})
    @Operation(summary = "reporting-service's GET /api/v1/stats/{path} (figures, rankings, warnings, tags, "
            + "satisfaction), same parameters")
    public Response statistics(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(reporting, "/api/v1/stats/" + Upstreams.segment(path), uri, headers);
    }

    @GET
    @Path("/bulletins")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "reporting-service's GET /api/v1/bulletins (the published bulletins), same parameters")
    public Response bulletins(@Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(reporting, "/api/v1/bulletins", uri, headers);
    }

    @GET
    @Path("/bulletins/{month}/{scope}/{code}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "reporting-service's GET /api/v1/bulletins/{month}/{scope}/{code} (one bulletin, its errata)")
    public Response bulletin(@PathParam("month") String month, @PathParam("scope") String scope,
            @PathParam("code") String code, @Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(reporting, bulletinPath(month, scope, code), uri, headers);
    }

    /** The documents are public (R4.7) and opened by a plain link, which carries no token. */
    @GET
    @Path("/bulletins/{month}/{scope}/{code}/{document}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, "text/csv", "application/pdf", Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(summary = "reporting-service's public bulletin.json, .csv, .html or .pdf of one bulletin")
    public Response bulletinDocument(@PathParam("month") String month, @PathParam("scope") String scope,
            @PathParam("code") String code, @PathParam("document") String document, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        if (!document.matches("bulletin\\.(json|csv|html|pdf)")) {
            throw ProblemException.notFound("a bulletin's documents are bulletin.json, .csv, .html and .pdf");
        }
        return upstreams.get(reporting, bulletinPath(month, scope, code) + "/" + document, uri, headers);
    }

    private static String bulletinPath(String month, String scope, String code) {
        return "/api/v1/bulletins/" + Upstreams.segment(month) + "/" + Upstreams.segment(scope) + "/"
                + Upstreams.segment(code);
    }

    @GET
    @Path("/console/rectifications")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "rectification-service's GET /api/v1/rectifications (the ledger), same parameters")
    public Response ledger(@Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(rectification, "/api/v1/rectifications", uri, headers);
    }

    @GET
    @Path("/console/rectifications/summary")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "rectification-service's GET /api/v1/rectifications/summary, same parameters")
    public Response ledgerSummary(@Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(rectification, "/api/v1/rectifications/summary", uri, headers);
    }

    @GET
    @Path("/console/rectifications/export")
    @Produces({"text/csv", Problem.MEDIA_TYPE})
    @Operation(summary = "rectification-service's GET /api/v1/rectifications/export (CSV), same parameters")
    public Response ledgerExport(@Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(rectification, "/api/v1/rectifications/export", uri, headers);
    }

    @GET
    @Path("/console/appeals")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "appeal-service's GET /api/v1/appeals (the queue), same parameters")
    public Response appeals(@Context UriInfo uri, @Context HttpHeaders headers) {
        return upstreams.get(appeal, "/api/v1/appeals", uri, headers);
    }
}
