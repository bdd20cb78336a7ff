package dev.tollgate.gateway.api;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ErrorResponse;
import java.util.Objects;

/** Builds OpenAI's error envelope from a {@link GatewayException}. */
final class OpenAiErrors {

    private OpenAiErrors() {}

    static ErrorResponse envelope(GatewayException error) {
        String message = Objects.requireNonNullElse(error.getMessage(), "The request failed.");
        GatewayException.Relayed relayed = error.relayed();
        if (relayed != null) {
            return ErrorResponse.of(message, relayed.type(), relayed.param(), relayed.code());
        }
        return ErrorResponse.of(
                message, error.code().type(), error.param(), error.code().code());
    }
}
