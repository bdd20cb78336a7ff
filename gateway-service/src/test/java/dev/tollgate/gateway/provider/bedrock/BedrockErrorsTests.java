package dev.tollgate.gateway.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

class BedrockErrorsTests {

    static GatewayException response(int status, String errorType, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (errorType != null) {
            headers.set("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/");
        }
        return BedrockErrors.fromResponse("bedrock", HttpStatusCode.valueOf(status), headers, body);
    }

    @Test
    void inputTooLongIsTheCallersContextLengthExceeded() {
        GatewayException error =
                response(400, "ValidationException", "{\"message\":\"Input is too long for requested model.\"}");

        assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_REJECTED);
        assertThat(error.status().value()).isEqualTo(400);
        assertThat(error.getMessage()).isEqualTo("Input is too long for requested model.");
        assertThat(error.relayed().type()).isEqualTo("invalid_request_error");
        assertThat(error.relayed().code()).isEqualTo("context_length_exceeded");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "The model returned the following errors: prompt is too long: 200049 tokens > 200000 maximum|context_length_exceeded",
                "Output blocked by content filtering policy|content_filter",
                "The provided model identifier is invalid.|model_not_found",
                "Malformed input request: #: required key [messages] not found|ValidationException"
            })
    void validationExceptionsAreNormalisedByWhatTheySay(String message, String code) {
        GatewayException error = response(400, "ValidationException", "{\"message\":\"" + message + "\"}");

        assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_REJECTED);
        assertThat(error.relayed().code()).isEqualTo(code);
    }

    @Test
    void throttlingIsARateLimitTheRouterMayRetryElsewhere() {
        GatewayException error = response(
                429, "ThrottlingException", "{\"message\":\"Too many requests, please wait before trying again.\"}");

        assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_RATE_LIMITED);
        assertThat(error.code().retriable()).isTrue();
        assertThat(error.getMessage()).contains("Too many requests");
    }

    @Test
    void aRetryAfterHeaderIsPassedOnWhenBedrockSendsOne() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("x-amzn-ErrorType", "ThrottlingException");
        headers.set(HttpHeaders.RETRY_AFTER, "2.5");

        GatewayException error = BedrockErrors.fromResponse("bedrock", HttpStatusCode.valueOf(429), headers, "{}");

        assertThat(error.headers()).containsEntry(HttpHeaders.RETRY_AFTER, "3");
    }

    @ParameterizedTest
    @CsvSource({
        "400,ServiceQuotaExceededException,UPSTREAM_RATE_LIMITED",
        "403,AccessDeniedException,UPSTREAM_UNAVAILABLE",
        "403,UnrecognizedClientException,UPSTREAM_UNAVAILABLE",
        "408,ModelTimeoutException,UPSTREAM_TIMEOUT",
        "424,ModelErrorException,UPSTREAM_UNAVAILABLE",
        "500,InternalServerException,UPSTREAM_UNAVAILABLE",
        "503,ServiceUnavailableException,UPSTREAM_UNAVAILABLE"
    })
    void errorTypesDecideTheErrorCode(int status, String errorType, ErrorCode code) {
        assertThat(response(status, errorType, "{\"message\":\"x\"}").code()).isEqualTo(code);
    }

    @Test
    void theBodysTypeIsReadWhenTheHeaderIsMissing() {
        GatewayException error = response(
                400, null, "{\"__type\":\"com.amazon.bedrock#ThrottlingException\",\"message\":\"Rate exceeded\"}");

        assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_RATE_LIMITED);
    }

    @Test
    void anHtmlPageFromAProxyIsAnUnavailableProvider() {
        assertThat(response(502, null, "<html><body>Bad Gateway</body></html>").code())
                .isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
    }

    @Test
    void exceptionFramesMidStreamAreJudgedLikeResponses() {
        byte[] throttled = "{\"message\":\"Too many requests\"}".getBytes(StandardCharsets.UTF_8);
        byte[] tooLong = "{\"message\":\"Input is too long for requested model.\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(BedrockErrors.fromException("bedrock", "throttlingException", throttled)
                        .code())
                .isEqualTo(ErrorCode.UPSTREAM_RATE_LIMITED);
        assertThat(BedrockErrors.fromException("bedrock", "validationException", tooLong)
                        .relayed()
                        .code())
                .isEqualTo("context_length_exceeded");
        assertThat(BedrockErrors.fromException("bedrock", "modelTimeoutException", throttled)
                        .code())
                .isEqualTo(ErrorCode.UPSTREAM_TIMEOUT);
    }
}
