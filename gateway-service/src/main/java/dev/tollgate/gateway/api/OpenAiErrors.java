package dev.tollgate.gateway.api;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ErrorResponse;

/** Builds OpenAI's error envelope from a {@link GatewayException}. */
final class OpenAiErrors {

    private OpenAiErrors() {}

    static ErrorResponse envelope(GatewayException error) {
        return ErrorResponse.of(
                error.getMessage(),
                error.code().type(),
                error.param(),
                error.code().code());
    }
}
