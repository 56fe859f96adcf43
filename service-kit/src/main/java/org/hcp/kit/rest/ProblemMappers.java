package org.hcp.kit.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where errors become {@code application/problem+json} (docs/architecture.md, "Conventions"), for every service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    /** Malformed JSON, or a value of the wrong type: 400, naming the field where Jackson can tell. */
    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(badJson(e, path(uri)));
    }

    /** Quarkus has a built-in mapper for this subtype; ours must name it to take its place. */
    @ServerExceptionMapper(priority = 1)
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        return respond(badJson(e, path(uri)));
    }

    /** 401 as problem+json; needs quarkus.http.auth.proactive=false so that authentication fails in REST. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem problem = new Problem(Problem.TYPE_BASE + "unauthenticated", "未认证 / Unauthenticated", 401,
                "a valid bearer token is required", path(uri), List.of());
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(problem)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "无权访问 / Forbidden", 403,
                "this token's role may not do this", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return respond(badJson(json, path(uri)));
        }
        int status = e.getResponse().getStatus();
        String kind = switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "server-error" : "bad-request";
        };
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(new Problem(Problem.TYPE_BASE + kind, title, status, e.getMessage(), path(uri), List.of()));
    }

    private static Problem badJson(JsonProcessingException e, String instance) {
        String pointer = e instanceof JsonMappingException mapping ? pointer(mapping) : "";
        String message;
        if (e instanceof JsonParseException) {
            message = "请求体不是合法的 JSON / The body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")";
        } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String expected = e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? m.getTargetType().getSimpleName() : "another type";
            message = "字段类型错误 / Wrong type at " + (pointer.isEmpty() ? "the body" : pointer)
                    + ": expected " + expected;
        } else {
            message = "请求体无法读取 / The body cannot be read at " + (pointer.isEmpty() ? "the body" : pointer);
        }
        LOG.debugf("unreadable request body at %s: %s", pointer, e.getOriginalMessage());
        return new Problem(Problem.TYPE_BASE + "malformed-request", "请求格式错误 / Malformed request", 400, message,
                instance, List.of(new Problem.FieldError(pointer.isEmpty() ? "/" : pointer, message)));
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/');
            pointer.append(ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()));
        }
        return pointer.toString();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
