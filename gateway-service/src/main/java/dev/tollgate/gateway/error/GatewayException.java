package dev.tollgate.gateway.error;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;

/**
 * The gateway's one exception: an {@link ErrorCode}, a message safe to show the caller, and the field at fault.
 *
 * <p>Deliberately unlike STYLE §5 in one respect: when a provider rejects the caller's request, the caller gets the
 * provider's own 4xx status and its {@code type}, {@code code} and {@code param} (apps branch on codes such as
 * {@code context_length_exceeded}), carried here as a {@link Relayed} instead of one enum constant per upstream code.
 */
public final class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final HttpStatusCode status;
    private final @Nullable String param;
    private final @Nullable Relayed relayed;
    private final Map<String, String> headers;

    /**
     * What a provider said about the caller's request, passed on as it was.
     *
     * @param type the provider's error {@code type}
     * @param code the provider's error {@code code}, if it gave one
     * @param param the provider's {@code param}, if it gave one
     */
    public record Relayed(
            String type, @Nullable String code, @Nullable String param) {}

    private GatewayException(Builder builder) {
        super(builder.message, builder.cause, false, builder.stackTrace);
        this.code = builder.code;
        this.status = builder.status;
        this.param = builder.param;
        this.relayed = builder.relayed;
        this.headers = Map.copyOf(builder.headers);
    }

    /** A refusal decided by policy or validation. Thrown at request rate, so no stack trace. */
    public static GatewayException rejected(ErrorCode code, String message) {
        return new Builder(code, message).build();
    }

    /** A refusal decided by policy that tells the caller more in response headers, such as {@code retry-after}. */
    public static GatewayException rejected(ErrorCode code, String message, Map<String, String> headers) {
        Builder builder = new Builder(code, message);
        headers.forEach(builder::header);
        return builder.build();
    }

    /** A request that is invalid because of one field, named in OpenAI's {@code param}. */
    public static GatewayException invalid(ErrorCode code, String message, @Nullable String param) {
        return new Builder(code, message).param(param).build();
    }

    /** A failure talking to a provider. Keeps cause and stack trace for the logs. */
    public static GatewayException upstream(ErrorCode code, String message, @Nullable Throwable cause) {
        return new Builder(code, message).cause(cause).build();
    }

    /** A builder for the rarer cases: a provider's status or error passed on, response headers such as Retry-After. */
    public static Builder builder(ErrorCode code, String message) {
        return new Builder(code, message);
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

    /** The provider's own error type, code and param, when the caller should see those instead of ours. */
    public @Nullable Relayed relayed() {
        return relayed;
    }

    /** Response headers that belong to this error, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Builds the less common shapes of {@link GatewayException}. */
    public static final class Builder {

        private final ErrorCode code;
        private final String message;
        private HttpStatusCode status;
        private @Nullable String param;
        private @Nullable Throwable cause;
        private boolean stackTrace;
        private @Nullable Relayed relayed;
        private final Map<String, String> headers = new java.util.LinkedHashMap<>();

        private Builder(ErrorCode code, String message) {
            this.code = code;
            this.message = message;
            this.status = code.status();
        }

        public Builder status(HttpStatusCode status) {
            this.status = status;
            return this;
        }

        public Builder param(@Nullable String param) {
            this.param = param;
            return this;
        }

        /** Keeps the cause and the stack trace, for failures worth investigating. */
        public Builder cause(@Nullable Throwable cause) {
            this.cause = cause;
            this.stackTrace = true;
            return this;
        }

        public Builder relayed(@Nullable Relayed relayed) {
            this.relayed = relayed;
            return this;
        }

        public Builder header(String name, @Nullable String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        public GatewayException build() {
            return new GatewayException(this);
        }
    }
}
