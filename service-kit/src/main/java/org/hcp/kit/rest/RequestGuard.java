package org.hcp.kit.rest;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.hcp.events.outcome.Text;
import org.hcp.events.outcome.Violation;
import org.hcp.kit.text.LogText;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The first look at every request, before a resource or a parser sees it (docs/security.md, "Input limits"): every
 * path segment and query parameter is bounded and free of control characters (a NUL would reach PostgreSQL, a CR/LF
 * a header or a log line), and a body larger than its endpoint reads is refused by its declared length, unread.
 */
@Singleton
public class RequestGuard {

    @ServerRequestFilter(preMatching = true)
    public void checkAddress(ContainerRequestContext request) {
        List<PathSegment> segments;
        MultivaluedMap<String, String> query;
        try {
            segments = request.getUriInfo().getPathSegments(true);
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException badEncoding) {
            throw new ProblemException(400, "malformed-request", Text.of("problem.malformed"),
                    "the address is not valid", List.of(Violation.of("/", "url.invalid")));
        }
        for (PathSegment segment : segments) {
            refuse("/" + segment.getPath(), InputLimits.urlPartProblem(segment.getPath()), "the path");
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            refuse("?", InputLimits.urlPartProblem(name), "a query parameter's name");
            for (String value : parameter.getValue()) {
                refuse("?" + name, InputLimits.urlPartProblem(value), "?" + name);
            }
        }
    }

    @ServerRequestFilter
    public void checkBodySize(ContainerRequestContext request, ResourceInfo resource) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return; // chunked: quarkus.http.limits.max-body-size bounds it
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "malformed-request", Text.of("problem.malformed"),
                    "Content-Length is not a number", List.of(Violation.of("/", "body.tooLarge", 0)));
        }
        long max = limitOf(resource.getResourceMethod());
        if (length > max) {
            throw new ProblemException(413, "payload-too-large", Text.of("problem.tooLarge"),
                    "the body has " + length + " bytes; this endpoint reads " + max + " at most",
                    List.of(Violation.of("/", "body.tooLarge", max)));
        }
    }

    static long limitOf(Method method) {
        BodyLimit limit = method == null ? null : method.getAnnotation(BodyLimit.class);
        return limit == null ? InputLimits.BODY_DEFAULT_MAX : limit.value();
    }

    private static void refuse(String pointer, String problem, String where) {
        if (problem == null) {
            return;
        }
        // The pointer of a segment could itself be huge or hold controls: cut and escape it for the answer.
        String shown = LogText.safe(pointer);
        throw new ProblemException(400, "malformed-request", Text.of("problem.malformed"),
                where + " is not valid", List.of(Violation.of(shown.length() > 64 ? shown.substring(0, 64) + "…" : shown,
                        problem, InputLimits.URL_PART_MAX)));
    }
}
