package dev.tollgate.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ErrorResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatusCode;

/** Errors both ways: Anthropic's upstream errors in OpenAI's terms, gateway failures in Anthropic's envelope. */
class AnthropicErrorsTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "invalid_request_error | prompt is too long: 208310 tokens > 200000 maximum | context_length_exceeded",
                "invalid_request_error | input length and `max_tokens` exceed context limit: 197779 + 21333 > 200000,"
                        + " decrease input length or `max_tokens` and try again | context_length_exceeded",
                "invalid_request_error | Output blocked by content filtering policy | content_filter",
                "not_found_error | model: claude-3-5-sonnet-2024062 | model_not_found",
            })
    void normalisesTheCodesTheRoutingLayerActsOn(String type, String message, String code) {
        ErrorResponse.Body error = AnthropicMapper.toOpenAiError(new AnthropicError.Body(type, message));

        assertThat(error.code()).isEqualTo(code);
        assertThat(error.type()).isEqualTo(type);
        assertThat(error.message()).isEqualTo(message);
    }

    @Test
    void leavesOtherErrorsWithoutACodeAsOpenAiDoes() {
        ErrorResponse.Body error =
                AnthropicMapper.toOpenAiError(new AnthropicError.Body("overloaded_error", "Overloaded"));

        assertThat(error.type()).isEqualTo("overloaded_error");
        assertThat(error.code()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "INVALID_JSON, 400, invalid_request_error",
        "INVALID_API_KEY, 401, authentication_error",
        "MODEL_NOT_FOUND, 404, not_found_error",
        "REQUEST_TOO_LARGE, 413, request_too_large",
        "RATE_LIMITED_TOKENS, 429, rate_limit_error",
        "BUDGET_EXCEEDED, 429, rate_limit_error",
        "UPSTREAM_UNAVAILABLE, 502, api_error",
        "CONFIG_UNAVAILABLE, 503, api_error",
        "UPSTREAM_TIMEOUT, 504, api_error",
        "INTERNAL_ERROR, 500, api_error"
    })
    void answersGatewayFailuresInAnthropicsEnvelopeWithTheTypeItsStatusCallsFor(
            ErrorCode code, int status, String type) {
        GatewayException failure = GatewayException.rejected(code, "Nope.");

        AnthropicError envelope = AnthropicMapper.toAnthropicError(failure, "req_1");

        assertThat(failure.status().value()).isEqualTo(status);
        assertThat(envelope.type()).isEqualTo("error");
        assertThat(envelope.error()).isEqualTo(new AnthropicError.Body(type, "Nope."));
        assertThat(envelope.requestId()).isEqualTo("req_1");
    }

    @Test
    void callsARelayedOverloadAnOverload() {
        GatewayException overloaded = GatewayException.builder(ErrorCode.UPSTREAM_UNAVAILABLE, "Overloaded")
                .status(HttpStatusCode.valueOf(529))
                .build();

        assertThat(AnthropicMapper.toAnthropicError(overloaded, null).error().type())
                .isEqualTo("overloaded_error");
    }
}
