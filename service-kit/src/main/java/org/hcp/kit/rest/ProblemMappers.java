package org.hcp.kit.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hcp.events.outcome.Violation;
import org.hcp.kit.outbox.Outbox;
import org.hcp.kit.text.LogText;
import org.hcp.kit.text.Messages;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where errors become {@code application/problem+json} (docs/architecture.md, "Conventions"), for every service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.toProblem(path(uri), locale(headers)));
    }

    /** Malformed JSON, or a value of the wrong type: 400, naming the field where Jackson can tell. */
    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return respond(badJson(e, path(uri), locale(headers)));
    }

    /** Quarkus has a built-in mapper for this subtype; ours must name it to take its place. */
    @ServerExceptionMapper(priority = 1)
    public Response wrongType(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return respond(badJson(e, path(uri), locale(headers)));
    }

    /** 401 as problem+json; needs quarkus.http.auth.proactive=false so that authentication fails in REST. */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        Problem problem = new Problem(Problem.TYPE_BASE + "unauthenticated",
                Messages.render("problem.unauthenticated", locale(headers)), 401,
                "a valid bearer token is required", path(uri), List.of());
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(problem)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", Messages.render("problem.forbidden",
                locale(headers)), 403,
                "this token's role may not do this", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return respond(badJson(json, path(uri), locale(headers)));
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

    /**
     * An event larger than the log takes (the outbox refused it, and its transaction rolled back): the request
     * carried too much for one fact, so it is the client's to shorten (docs/security.md, "Input limits").
     */
    @ServerExceptionMapper
    public Response eventTooLarge(Outbox.EventTooLarge e, UriInfo uri, HttpHeaders headers) {
        Violation violation = Violation.of("/", "event.tooLarge", e.eventType, e.bytes, Outbox.MAX_EVENT_BYTES);
        return respond(new Problem(Problem.TYPE_BASE + "validation", Messages.render("problem.validation",
                locale(headers)), 422, e.getMessage(), path(uri),
                List.of(ProblemException.fieldError(violation, locale(headers)))));
    }

    /**
     * Anything no other mapper knows: a form body whose percent-encoding is broken is the client's (400); the rest
     * is ours (500), answered as problem+json with an id to quote, never a stack trace. The log line names the
     * request by its path, except a rating link's, whose path is a credential (docs/security.md, "Logs").
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        StackTraceElement[] where = e.getStackTrace();
        if (e instanceof IllegalArgumentException && where.length > 0
                && where[0].getClassName().endsWith(".URLUtils")) {
            return respond(new Problem(Problem.TYPE_BASE + "malformed-request", Messages.render("problem.malformed",
                    locale(headers)), 400, "the form's percent-encoding is broken", path(uri),
                    List.of(ProblemException.fieldError(Violation.of("/", "url.invalid"), locale(headers)))));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "request to %s failed, error id %s", loggablePath(uri), errorId);
        return respond(new Problem(Problem.TYPE_BASE + "server-error", Messages.render("problem.serverError",
                locale(headers)), 500, "error id " + errorId, path(uri), List.of()));
    }

    /** A path fit for the log: a rating link's token replaced, the rest escaped (docs/security.md, "Logs"). */
    static String loggablePath(UriInfo uri) {
        String path = path(uri);
        if (path != null && path.startsWith("/r/")) {
            int end = path.indexOf('/', 3);
            path = "/r/<token>" + (end < 0 ? "" : path.substring(end));
        }
        return LogText.safe(path);
    }

    private static Problem badJson(JsonProcessingException e, String instance, Locale locale) {
        String pointer = e instanceof JsonMappingException mapping ? pointer(mapping) : "";
        String at = pointer.isEmpty() ? "/" : pointer;
        Violation violation;
        if (e instanceof StrictJson.OutOfBounds bound) {
            // Well-formed and of the right type, but too long, with a control character, or out of range: 422.
            return ProblemException.invalid(Violation.of(at, bound.key(), bound.args())).toProblem(instance, locale);
        } else if (e instanceof JsonParseException && e.getOriginalMessage().startsWith("Duplicate field")
                && e.getProcessor() instanceof JsonParser parser) {
            // Which of two values was meant cannot be known: refuse rather than keep the last (docs/security.md).
            String field = parser.getParsingContext().pathAsPointer().toString();
            violation = Violation.of(field.isEmpty() ? "/" : field, "json.duplicateKey", field);
        } else if (e instanceof JsonParseException) {
            violation = Violation.of(at, "json.invalid", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String expected = e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? m.getTargetType().getSimpleName() : "?";
            violation = Violation.of(at, "json.wrongType", at, expected);
        } else {
            violation = Violation.of(at, "json.unreadable", at);
        }
        LOG.debugf("unreadable request body at %s: %s", LogText.safe(pointer), LogText.safe(e.getOriginalMessage()));
        return new Problem(Problem.TYPE_BASE + "malformed-request", Messages.render("problem.malformed", locale), 400,
                Messages.render(violation.text(), Messages.EN), instance,
                List.of(ProblemException.fieldError(violation, locale)));
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/');
            pointer.append(ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()));
        }
        return pointer.toString();
    }

    /** The reader's language from Accept-Language (Chinese unless English is asked for). */
    public static Locale locale(HttpHeaders headers) {
        return headers == null ? Messages.ZH : Messages.choose(headers.getAcceptableLanguages());
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
