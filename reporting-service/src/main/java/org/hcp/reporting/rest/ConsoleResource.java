package org.hcp.reporting.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hcp.kit.rest.Problem;
import org.hcp.kit.rest.ProblemException;
import org.hcp.kit.text.Text;
import org.jboss.logging.Logger;

/**
 * The supervisor console's window on the rectification ledger and the appeal queue, which those services own: a
 * read-only pass-through of four GETs, so that the console is one origin and the browser never needs to reach the
 * other services. The caller's own token goes along, so each service applies its own access and scope (R6.1); this
 * resource only keeps out callers that no console serves.
 */
@Path("/api/v1/console")
@Tag(name = "console", description = "监管台 / The supervisor console's reads of the ledger and the appeal queue")
@RolesAllowed({"bureau", "auditor", "admin"})
@Blocking
public class ConsoleResource {

    private static final Logger LOG = Logger.getLogger(ConsoleResource.class);
    private static final List<String> PASSED_BACK = List.of("Content-Type", "Content-Disposition", "Link");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI rectification;
    private final URI appeal;

    public ConsoleResource(@ConfigProperty(name = "hcp.console.rectification-url") URI rectification,
            @ConfigProperty(name = "hcp.console.appeal-url") URI appeal) {
        this.rectification = rectification;
        this.appeal = appeal;
    }

    @GET
    @Path("/rectifications")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "rectification-service's GET /api/v1/rectifications (the ledger), same parameters")
    public Response ledger(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward(rectification, "/api/v1/rectifications", uri, headers);
    }

    @GET
    @Path("/rectifications/summary")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "rectification-service's GET /api/v1/rectifications/summary, same parameters")
    public Response ledgerSummary(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward(rectification, "/api/v1/rectifications/summary", uri, headers);
    }

    @GET
    @Path("/rectifications/export")
    @Produces({"text/csv", Problem.MEDIA_TYPE})
    @Operation(summary = "rectification-service's GET /api/v1/rectifications/export (CSV), same parameters")
    public Response ledgerExport(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward(rectification, "/api/v1/rectifications/export", uri, headers);
    }

    @GET
    @Path("/appeals")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "appeal-service's GET /api/v1/appeals (the queue), same parameters")
    public Response appeals(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward(appeal, "/api/v1/appeals", uri, headers);
    }

    private Response forward(URI service, String path, UriInfo uri, HttpHeaders headers) {
        String query = uri.getRequestUri().getRawQuery();
        URI target = service.resolve(path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20)).GET()
                .header("Authorization", headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        for (String name : List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE)) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.warnf("console: %s did not answer (%s)", service, e.toString());
            throw unreachable(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(service);
        }
        Response.ResponseBuilder back = Response.status(answer.statusCode()).entity(answer.body());
        PASSED_BACK.forEach(name -> answer.headers().firstValue(name).ifPresent(value -> back.header(name, value)));
        return back.build();
    }

    private static ProblemException unreachable(URI service) {
        return new ProblemException(502, "upstream-unreachable", Text.of("console.unreachable"),
                service + " did not answer; the statistics are still served here", List.of());
    }
}
