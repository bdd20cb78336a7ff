package dev.tollgate.usage.problem;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses: bad input (400, naming the parameter) or a caller who may not see what it asked for
 * (403). Built without a stack trace, because it is thrown at request rate and says everything in its message.
 */
public final class UsageException extends RuntimeException {

    private final HttpStatus status;
    private final @Nullable String parameter;

    private UsageException(HttpStatus status, String detail, @Nullable String parameter) {
        super(detail, null, false, false);
        this.status = status;
        this.parameter = parameter;
    }

    /** The query parameter {@code parameter} is missing or wrong; {@code detail} says how. */
    public static UsageException badParameter(String parameter, String detail) {
        return new UsageException(HttpStatus.BAD_REQUEST, detail, parameter);
    }

    /** The authenticated caller may not see this. */
    public static UsageException forbidden(String detail) {
        return new UsageException(HttpStatus.FORBIDDEN, detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    public @Nullable String parameter() {
        return parameter;
    }
}
