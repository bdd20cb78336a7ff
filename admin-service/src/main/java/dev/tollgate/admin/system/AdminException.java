package dev.tollgate.admin.system;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The admin service's one exception: a caller mistake or a refusal, rendered as an RFC 9457 problem detail with its
 * status. Built without a stack trace, because each one is an expected answer, not a bug.
 */
public final class AdminException extends RuntimeException {

    private final HttpStatus status;
    private final List<Map<String, String>> errors;

    private AdminException(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    private AdminException(HttpStatus status, String detail, List<Map<String, String>> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = errors;
    }

    /**
     * A 400 naming the fields at fault, rendered like a failed bean validation: {@code errors: [{field, message}]}.
     *
     * @param fieldErrors field (snake_case) → what is wrong with it, in the order to report them
     */
    public static AdminException invalid(Map<String, String> fieldErrors) {
        List<Map<String, String>> errors = fieldErrors.entrySet().stream()
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue()))
                .toList();
        String detail = "The request is invalid: "
                + String.join(
                        "; ",
                        fieldErrors.entrySet().stream()
                                .map(error -> error.getKey() + " " + error.getValue())
                                .toList())
                + ".";
        return new AdminException(HttpStatus.BAD_REQUEST, detail, errors);
    }

    /** Unknown, or belongs to a tenant the caller may not see: the two are indistinguishable on purpose. */
    public static AdminException notFound(String what) {
        return new AdminException(HttpStatus.NOT_FOUND, what + " not found");
    }

    public static AdminException badRequest(String detail) {
        return new AdminException(HttpStatus.BAD_REQUEST, detail);
    }

    public static AdminException forbidden(String detail) {
        return new AdminException(HttpStatus.FORBIDDEN, detail);
    }

    public static AdminException conflict(String detail) {
        return new AdminException(HttpStatus.CONFLICT, detail);
    }

    /** The object changed since the caller read it: its {@code If-Match} names another version. */
    public static AdminException preconditionFailed(String detail) {
        return new AdminException(HttpStatus.PRECONDITION_FAILED, detail);
    }

    /** A store this answer depends on (Redis, say) could not be read; the caller may retry. */
    public static AdminException unavailable(String detail) {
        return new AdminException(HttpStatus.SERVICE_UNAVAILABLE, detail);
    }

    public HttpStatus status() {
        return status;
    }

    /** The fields at fault, empty unless made by {@link #invalid}. */
    public List<Map<String, String>> errors() {
        return errors;
    }
}
