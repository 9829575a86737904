package dev.accrue.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer other than success, rendered as an RFC 9457 problem: {@code type} is a stable identifier
 * of the kind of problem ({@code urn:accrue:problem:<slug>}), {@code errors} lists every field fault.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    ApiException(int status, String slug, String title, String detail, List<FieldError> errors) {
        this(status, slug, title, detail, errors, Map.of());
    }

    /** With extension members (RFC 9457, section 3.2): more about this problem, beside the standard members. */
    ApiException(int status, String slug, String title, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), Limits.ERRORS_LISTED_MAX)));
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "The request is malformed", detail, List.of());
    }

    static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Authentication is required", detail, List.of());
    }

    static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Not allowed for this role", detail, List.of());
    }

    /** Also the answer when the resource exists but belongs to another partner: nothing about it leaks. */
    static ApiException notFound(String what) {
        return new ApiException(404, "not-found", "Not found", what + " does not exist", List.of());
    }

    static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflicts with the current state", detail, List.of());
    }

    static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "unsupported-media-type", "Unsupported content type", detail, List.of());
    }

    static ApiException invalid(String detail, List<FieldError> errors) {
        return new ApiException(422, "validation", "The request is not valid", detail, errors);
    }

    static ApiException invalid(String field, String message) {
        return invalid(field + ": " + message, List.of(FieldError.of(field, message)));
    }

    int status() {
        return status;
    }

    String type() {
        return "urn:accrue:problem:" + slug;
    }

    String title() {
        return title;
    }

    List<FieldError> errors() {
        return errors;
    }

    Map<String, Object> extensions() {
        return extensions;
    }
}
