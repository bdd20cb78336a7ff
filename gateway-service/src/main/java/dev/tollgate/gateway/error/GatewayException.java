package dev.tollgate.gateway.error;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;

/** The gateway's one exception: an {@link ErrorCode}, a message safe to show the caller, and the field at fault. */
public final class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final HttpStatusCode status;
    private final @Nullable String param;

    private GatewayException(
            ErrorCode code,
            HttpStatusCode status,
            String message,
            @Nullable String param,
            @Nullable Throwable cause,
            boolean stackTrace) {
        super(message, cause, false, stackTrace);
        this.code = code;
        this.status = status;
        this.param = param;
    }

    /** A refusal decided by policy or validation. Thrown at request rate, so no stack trace. */
    public static GatewayException rejected(ErrorCode code, String message) {
        return new GatewayException(code, code.status(), message, null, null, false);
    }

    /** A request that is invalid because of one field, named in OpenAI's {@code param}. */
    public static GatewayException invalid(ErrorCode code, String message, @Nullable String param) {
        return new GatewayException(code, code.status(), message, param, null, false);
    }

    /** A failure talking to a provider. Keeps cause and stack trace for the logs. */
    public static GatewayException upstream(ErrorCode code, String message, @Nullable Throwable cause) {
        return new GatewayException(code, code.status(), message, null, cause, true);
    }

    /** A provider's refusal of the caller's request, answered with the provider's own 4xx status. */
    public static GatewayException upstreamRejected(HttpStatusCode status, String message) {
        return new GatewayException(ErrorCode.UPSTREAM_REJECTED, status, message, null, null, false);
    }

    public ErrorCode code() {
        return code;
    }

    /** The status to answer with; the code's own unless a provider's 4xx is passed on. */
    public HttpStatusCode status() {
        return status;
    }

    public @Nullable String param() {
        return param;
    }
}
