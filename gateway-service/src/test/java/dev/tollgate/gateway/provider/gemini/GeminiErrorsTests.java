package dev.tollgate.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

class GeminiErrorsTests {

    @Test
    void aPromptOverTheContextWindowIsContextLengthExceeded() {
        GatewayException error = of(400, """
                {"error": {"code": 400, "message": "The input token count (1200293) exceeds the maximum number of tokens \
                allowed (1048576).", "status": "INVALID_ARGUMENT"}}""");

        assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_REJECTED);
        assertThat(error.status().value()).isEqualTo(400);
        assertThat(error.relayed().code()).isEqualTo("context_length_exceeded");
        assertThat(error.relayed().type()).isEqualTo("invalid_request_error");
        assertThat(error.relayed().param()).isEqualTo("messages");
        assertThat(error.getMessage()).startsWith("The input token count (1200293)");
    }

    @Test
    void anyOtherRejectionRelaysGeminisStatusAsTheCode() {
        GatewayException error = of(400, """
                {"error": {"code": 400, "message": "Thinking level MINIMAL is not supported for this model.", \
                "status": "INVALID_ARGUMENT"}}""");

        assertThat(error.relayed().code()).isEqualTo("invalid_argument");
        assertThat(error.relayed().param()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"34.4s, 35", "7s, 7", "0.2s, 1", "120s, 120"})
    void aRateLimitSaysWhenToRetryFromItsRetryInfo(String delay, String retryAfter) {
        GatewayException error = of(429, """
                {"error": {"code": 429, "message": "You exceeded your current quota.", "status": "RESOURCE_EXHAUSTED",
                  "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": []},
                              {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "%s"}]}}""".formatted(delay));

        assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_RATE_LIMITED);
        assertThat(error.headers()).containsEntry(HttpHeaders.RETRY_AFTER, retryAfter);
        assertThat(error.getMessage()).contains("You exceeded your current quota.");
    }

    @Test
    void aRateLimitWithoutRetryInfoSaysNothingAboutRetrying() {
        GatewayException error = of(
                429,
                "{\"error\": {\"code\": 429, \"message\": \"Resource exhausted.\", \"status\": \"RESOURCE_EXHAUSTED\"}}");

        assertThat(error.headers()).doesNotContainKey(HttpHeaders.RETRY_AFTER);
    }

    @Test
    void anInvalidKeyOrAnUnservedRegionIsTheGatewaysConfigurationNotTheCallersRequest() {
        GatewayException key = of(400, """
                {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": \
                "INVALID_ARGUMENT", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": \
                "API_KEY_INVALID", "domain": "googleapis.com"}]}}""");
        GatewayException region = of(400, """
                {"error": {"code": 400, "message": "User location is not supported for the API use.", "status": \
                "FAILED_PRECONDITION"}}""");

        assertThat(key.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(key.getMessage()).contains("refused the gateway's credentials");
        assertThat(region.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
    }

    @ParameterizedTest
    @CsvSource({
        "503, UNAVAILABLE, UPSTREAM_UNAVAILABLE",
        "500, INTERNAL, UPSTREAM_UNAVAILABLE",
        "504, DEADLINE_EXCEEDED, UPSTREAM_TIMEOUT",
        "404, NOT_FOUND, UPSTREAM_UNAVAILABLE",
        "403, PERMISSION_DENIED, UPSTREAM_UNAVAILABLE"
    })
    void serverSideFailuresAreTheProvidersNotTheCallers(int status, String name, ErrorCode expected) {
        GatewayException error = of(
                status,
                "{\"error\": {\"code\": %d, \"message\": \"failed\", \"status\": \"%s\"}}".formatted(status, name));

        assertThat(error.code()).isEqualTo(expected);
    }

    @Test
    void anErrorArrayAsStreamGenerateContentWithoutSseSendsIsReadToo() {
        GatewayException error = of(
                400,
                "[{\"error\": {\"code\": 400, \"message\": \"The input token count (5) exceeds the maximum number of "
                        + "tokens allowed (4).\", \"status\": \"INVALID_ARGUMENT\"}}]");

        assertThat(error.relayed().code()).isEqualTo("context_length_exceeded");
    }

    @Test
    void anHtmlErrorPageIsNotShownToTheCaller() {
        GatewayException error = of(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");

        assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(error.getMessage()).doesNotContain("html");
    }

    @Test
    void aBlockedPromptIsAContentFilterRejection() {
        GatewayException error =
                GeminiErrors.promptBlocked("gemini", new GeminiResponse.PromptFeedback("PROHIBITED_CONTENT", null));

        assertThat(error.status().value()).isEqualTo(400);
        assertThat(error.relayed().code()).isEqualTo("content_filter");
        assertThat(error.code().retriable()).isFalse();
        assertThat(error.getMessage()).contains("PROHIBITED_CONTENT");
    }

    private static GatewayException of(int status, String body) {
        return GeminiErrors.of("gemini", HttpStatusCode.valueOf(status), new HttpHeaders(), body);
    }
}
