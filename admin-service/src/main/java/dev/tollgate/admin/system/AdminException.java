package dev.tollgate.admin.system;

import org.springframework.http.HttpStatus;

/**
 * The admin service's one exception: a caller mistake or a refusal, rendered as an RFC 9457 problem detail with its
 * status. Built without a stack trace, because each one is an expected answer, not a bug.
 */
public final class AdminException extends RuntimeException {

    private final HttpStatus status;

    private AdminException(HttpStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
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

    public HttpStatus status() {
        return status;
    }
}
