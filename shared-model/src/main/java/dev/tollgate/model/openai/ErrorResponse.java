package dev.tollgate.model.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI's error envelope, {@code {"error":{"message","type","param","code"}}}, used for every error on {@code /v1}.
 *
 * @param error the error itself
 */
public record ErrorResponse(Body error) {

    /** An envelope around one error. */
    public static ErrorResponse of(String message, String type, @Nullable String param, @Nullable String code) {
        return new ErrorResponse(new Body(message, type, param, code));
    }

    /**
     * The error inside the envelope. {@code param} and {@code code} are written as {@code null} when unknown, as
     * OpenAI does, so SDKs that expect the keys find them.
     *
     * @param message a human-readable explanation
     * @param type the error class, such as {@code invalid_request_error}
     * @param param the request field at fault, if any
     * @param code a stable machine-readable code, such as {@code model_not_found}
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Body(
            String message,
            String type,
            @Nullable String param,
            @Nullable String code) {}
}
