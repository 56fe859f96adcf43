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
    private static final List<String> PASSED_BACK = List.of("Content-Type", "Content-Disposition", "Link");
    private static final List<String> PASSED_ON = List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** A path segment the console may pass on: letters, digits and - _ . only, never "." or "..". */
    public static String segment(String value) {
        if (value == null || value.length() > 100 || !value.matches("[A-Za-z0-9_.-]+") || value.matches("\\.+")) {
            throw ProblemException.notFound("no such path behind the console");
        }
        return value;
    }

    public Response get(URI service, String path, UriInfo uri, HttpHeaders headers) {
        String query = uri.getRequestUri().getRawQuery();
        URI target = service.resolve(path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20)).GET();
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        for (String name : PASSED_ON) {
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

    /** A public JSON answer the console reads itself (intake's calendar years); 502 when it does not come. */
    public JsonNode read(URI service, String path) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(service.resolve(path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                LOG.warnf("console: %s answered %d to %s", service, answer.statusCode(), path);
                throw unreachable(service);
            }
            return EventJson.mapper().readTree(answer.body());
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
