package org.hcp.kit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 {@code application/problem+json} body. {@code type} is a stable URI per error kind; {@code errors}
 * names every field that is wrong: a JSON pointer into the request, a stable {@code code} (the message key) and a
 * message in the reader's language (Accept-Language: Chinese unless English is asked for).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://hcp.example.org/problems/";

    /** One wrong field: {@code pointer} is a JSON pointer such as {@code /level} or {@code /tags}. */
    public record FieldError(String pointer, String code, String message) {
    }
}
