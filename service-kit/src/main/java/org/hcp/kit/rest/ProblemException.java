package org.hcp.kit.rest;

import java.util.List;
import java.util.Locale;
import org.hcp.events.outcome.Text;
import org.hcp.events.outcome.Violation;
import org.hcp.kit.text.Messages;

/**
 * Thrown in {@code rest/} to answer with a problem+json body; nothing has been written when it is thrown. Services
 * return an {@code Outcome} instead ({@link Answers} turns one into this).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final Text title;
    private final List<Violation> violations;

    public ProblemException(int status, String kind, Text title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** 422: the request is well-formed JSON but breaks a rule; the violations say where. */
    public static ProblemException invalid(List<Violation> violations) {
        Violation first = violations.get(0);
        return new ProblemException(422, "validation", Text.of("problem.validation"),
                violations.size() + " field(s) are not valid: " + first.pointer() + " "
                        + Messages.render(first.text(), Messages.EN),
                violations);
    }

    public static ProblemException invalid(Violation violation) {
        return invalid(List.of(violation));
    }

    /** 422 for a request that came without a body; otherwise the body. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw invalid(Violation.of("/", "request.bodyRequired"));
        }
        return body;
    }

    public static ProblemException conflict(String kind, Text title, String detail) {
        return new ProblemException(409, kind, title, detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", Text.of("problem.notFound"), detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", Text.of("problem.forbidden"), detail, List.of());
    }

    public Problem toProblem(String instance, Locale locale) {
        return new Problem(Problem.TYPE_BASE + kind, Messages.render(title, locale), status, getMessage(), instance,
                violations.stream().map(v -> fieldError(v, locale)).toList());
    }

    public static Problem.FieldError fieldError(Violation v, Locale locale) {
        return new Problem.FieldError(v.pointer(), v.key(), Messages.render(v.text(), locale));
    }

    public int status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }
}
