package org.hcp.kit.rest;

import java.util.List;

/** Thrown by a service to answer with a problem+json body; nothing has been written when it is thrown. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String kind, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** 422: the request is well-formed JSON but breaks a rule; {@code errors} says where. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(422, "validation", "请求内容不符合规则 / The request breaks a rule",
                errors.size() + " field(s) are not valid: " + errors.get(0).pointer() + " " + errors.get(0).message(),
                errors);
    }

    /** 422 for a request that came without a body; otherwise the body. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw invalid(List.of(new Problem.FieldError("/", "请求体不能为空 / the body is required")));
        }
        return body;
    }

    /** 422 for a CSV upload whose quotes never close: nothing after that line can be read as rows. */
    public static ProblemException unreadableCsv(org.hcp.events.text.Csv.UnclosedQuote e) {
        return invalid(List.of(new Problem.FieldError("/line/" + e.line, "引号未闭合 / " + e.getMessage())));
    }

    public static ProblemException conflict(String kind, String title, String detail) {
        return new ProblemException(409, kind, title, detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "未找到 / Not found", detail, List.of());
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + kind, title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }
}
