package org.hcp.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.hcp.events.EventJson;
import org.hcp.events.outcome.Text;
import org.hcp.kit.rest.ProblemException;
import org.jboss.logging.Logger;

/**
 * The services behind the console, called with the caller's token and language; their answer (status, body, type,
 * download name, paging links) is passed back as it came. The JDK's client: a pass-through needs nothing more.
 */
@ApplicationScoped
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);
    private static final List<String> PASSED_BACK = List.of("Content-Type", "Content-Disposition", "Link", "Location");
    private static final List<String> PASSED_ON = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT,
            HttpHeaders.ACCEPT_LANGUAGE);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** A path segment the console may pass on: letters, digits and - _ . only, never "." or "..". */
    public static String segment(String value) {
        if (value == null || value.length() > 100 || !value.matches("[A-Za-z0-9_.-]+") || value.matches("\\.+")) {
            throw ProblemException.notFound("no such path behind the console");
        }
        return value;
    }

    public Response get(URI service, String path, UriInfo uri, HttpHeaders headers) {
        return forward(service, "GET", path, uri, headers, null);
    }

    /**
     * Passes a request on as it came: method, query, the caller's token and language, and a body with its type
     * ({@code null} for none). The body was bounded by the console's own endpoint before it was read; the service
     * behind checks it again, as it checks every caller's.
     */
    public Response forward(URI service, String method, String path, UriInfo uri, HttpHeaders headers, byte[] body) {
        String query = uri.getRequestUri().getRawQuery();
        URI target = service.resolve(path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (body != null && type != null) {
            request.header(HttpHeaders.CONTENT_TYPE, type);
        }
        for (String name : PASSED_ON) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        HttpResponse<byte[]> answer = send(service, request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Response.ResponseBuilder back = Response.status(answer.statusCode()).entity(answer.body());
        PASSED_BACK.forEach(name -> answer.headers().firstValue(name).ifPresent(value -> back.header(name, value)));
        return back.build();
    }

    /** A public JSON answer the console reads itself (intake's calendar years); 502 when it does not come. */
    public JsonNode read(URI service, String path) {
        return read(service, path, null);
    }

    /** The same, with a token of the console's own (the development sign-in's list of people), or null. */
    public JsonNode read(URI service, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        HttpResponse<String> answer = send(service, request.GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            LOG.warnf("console: %s answered %d to %s", service, answer.statusCode(), path);
            throw unreachable(service);
        }
        try {
            return EventJson.mapper().readTree(answer.body());
        } catch (IOException e) {
            LOG.warnf("console: %s answered no JSON to %s (%s)", service, path, e.toString());
            throw unreachable(service);
        }
    }

    /** One request to a service behind the console; 502 when it does not answer. */
    private <T> HttpResponse<T> send(URI service, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            LOG.warnf("console: %s did not answer (%s)", service, e.toString());
            throw unreachable(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(service);
        }
    }

    private static ProblemException unreachable(URI service) {
        return new ProblemException(502, "upstream-unreachable", Text.of("console.unreachable"),
                service + " did not answer", List.of());
    }
}
