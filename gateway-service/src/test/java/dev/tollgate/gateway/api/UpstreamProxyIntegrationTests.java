package dev.tollgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.FakeUpstream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway in front of an OpenAI-compatible upstream over real HTTP, including upstreams that misbehave. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class UpstreamProxyIntegrationTests {

    static final FakeUpstream upstream = new FakeUpstream();
    static final JsonMapper json = JsonMapper.builder().build();
    static final ControlPlane controlPlane = new ControlPlane();
    static final String KEY = controlPlane.key("*");

    @Autowired
    WebTestClient client;

    WebTestClient anonymous;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("tollgate.provider.openai.base-url", upstream::baseUrl);
        registry.add("tollgate.provider.openai.api-key", () -> "sk-upstream-secret");
        registry.add("tollgate.provider.openai.models", () -> String.join(",", FakeUpstream.MODELS));
        registry.add("tollgate.provider.openai.first-byte-timeout", () -> "1s");
        registry.add("tollgate.provider.openai.idle-timeout", () -> "1s");
        // A non-streaming call is bounded by the total limit only; under WebTestClient's 5s wait.
        registry.add("tollgate.provider.openai.total-timeout", () -> "3s");
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
        controlPlane.close();
    }

    @BeforeEach
    void forget() {
        upstream.forgetRequests();
        anonymous = client;
        client = client.mutate().defaultHeader("Authorization", "Bearer " + KEY).build();
    }

    @Test
    void forwardsFieldsItDoesNotModelUnchanged() throws Exception {
        String body = """
                {"model":"stub-echo","messages":[{"role":"user","content":"hi","x_part":1}],
                 "logit_bias":{"50256":-100},"reasoning_effort":"low","prediction":{"type":"content","content":"x"}}""";

        post(body).expectStatus().isOk();

        JsonNode sent = upstream.nextRequest().body();
        assertThat(sent).isEqualTo(json.readTree(body));
    }

    @Test
    void sendsTheGatewaysCredentialsNeverTheCallers() throws Exception {
        for (String header : List.of("Authorization", "api-key", "x-api-key")) {
            anonymous
                    .post()
                    .uri("/v1/chat/completions")
                    .header(header, header.equals("Authorization") ? "Bearer " + KEY : KEY)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(chat("stub-echo", false))
                    .exchange()
                    .expectStatus()
                    .isOk();

            FakeUpstream.Received received = upstream.nextRequest();
            assertThat(received.headers().get("Authorization")).isEqualTo("Bearer sk-upstream-secret");
            assertThat(received.headers()).doesNotContainKeys("api-key", "x-api-key");
            assertThat(received.headers().values()).noneMatch(value -> value.contains(KEY));
        }
    }

    @Test
    void keepsResponseFieldsItDoesNotModel() {
        post(chat("stub-echo", false))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.x_unmodelled.kept")
                .isEqualTo(true);
    }

    @Test
    void relaysAStreamWithExactlyOneDone() {
        String body = streamBody("stub-stream");

        assertThat(dataLines(body)).hasSize(4);
        assertThat(body).containsOnlyOnce("data: [DONE]").endsWith("data: [DONE]\n\n");
        assertThat(contents(body)).isEqualTo("Hello there");
    }

    @Test
    void reassemblesEventsAndUtf8CharactersSplitAcrossReads() {
        String body = streamBody("stub-dribble");

        assertThat(contents(body)).isEqualTo(FakeUpstream.MULTIBYTE);
        assertThat(body).containsOnlyOnce("data: [DONE]");
    }

    @Test
    void anHtmlErrorPageBecomesABadGatewayEnvelope() {
        post(chat("stub-html-502", false))
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("upstream_unavailable")
                .jsonPath("$.error.message")
                .value(message -> assertThat((String) message).doesNotContain("<html>"));
    }

    @Test
    void anErrorInTheFirstStreamFrameIsAnErrorStatusNotASuccess() {
        post(chat("stub-error-first-frame", true))
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.error.message")
                .value(message -> assertThat((String) message).contains("The server is overloaded"));
    }

    @Test
    void anEmptySuccessIsAnError() {
        post(chat("stub-empty-200", false))
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("upstream_invalid_response");
        post(chat("stub-empty-stream", true))
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody()
                .jsonPath("$.error.message")
                .value(message -> assertThat((String) message).contains("ended the stream before it was complete"));
    }

    @Test
    void theProvidersRejectionReachesTheCallerWithItsStatusAndReason() {
        post(chat("stub-bad-request", false))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error.message")
                .isEqualTo("This model's maximum context length is 8 tokens.")
                .jsonPath("$.error.type")
                .isEqualTo("invalid_request_error")
                .jsonPath("$.error.code")
                .isEqualTo("context_length_exceeded")
                .jsonPath("$.error.param")
                .isEqualTo("messages");
    }

    @Test
    void keepAliveCommentsAndPingEventsAreIgnored() {
        String body = streamBody("stub-pings");

        assertThat(contents(body)).isEqualTo("ping");
        assertThat(body).doesNotContain("PROCESSING", "keep-alive").containsOnlyOnce("data: [DONE]");
    }

    @Test
    void anHtmlPageWithStatus200IsAnInvalidResponse() {
        post(chat("stub-html-200", false))
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("upstream_invalid_response");
    }

    @Test
    void anUpstream404ThatIsNotAboutTheModelIsTheGatewaysFaultNotTheCallers() {
        post(chat("stub-wrong-path", false))
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("upstream_unavailable");
    }

    @Test
    void anEmbeddingResponseCarryingAnErrorIsNotASuccess() {
        client.post()
                .uri("/v1/embeddings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"stub-embedding-error\",\"input\":\"hello\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.BAD_GATEWAY)
                .expectBody()
                .jsonPath("$.error.message")
                .value(message -> assertThat((String) message).contains("embedding backend failed"));
    }

    @Test
    void anUpstreamRateLimitIsATooManyRequests() {
        post(chat("stub-rate-limited", false))
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .valueEquals("Retry-After", "7")
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("upstream_rate_limited");
    }

    @Test
    void aSilentUpstreamTimesOutWithGatewayTimeout() {
        post(chat("stub-silent", false))
                .expectStatus()
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("upstream_timeout");
    }

    @Test
    void aStreamThatStallsMidwayEndsWithAnErrorEventAndNoDone() {
        String body = streamBody("stub-stalls-midway");

        assertThat(contents(body)).isEqualTo("ab");
        assertThat(body).contains("\"code\":\"upstream_timeout\"").doesNotContain("[DONE]");
    }

    @Test
    void aStreamCutByTheUpstreamEndsWithAnErrorEventAndNoDone() {
        String body = streamBody("stub-cut-midway");

        assertThat(contents(body)).isEqualTo("partial");
        assertThat(body).contains("\"code\":\"upstream_unavailable\"").doesNotContain("[DONE]");
    }

    @Test
    void aClientThatDisconnectsCancelsTheUpstreamCall() throws Exception {
        Flux<String> events = WebClient.create("http://127.0.0.1:" + port)
                .post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chat("stub-endless", true))
                .retrieve()
                .bodyToFlux(String.class);

        StepVerifier.create(events.take(3)).expectNextCount(3).verifyComplete();

        assertThat(upstream.endlessStreamWasClosed()).isTrue();
    }

    @Test
    void propagatesTheCallersRequestIdAndGeneratesOneOtherwise() throws Exception {
        client.post()
                .uri("/v1/chat/completions")
                .header("x-request-id", "trace-123")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chat("stub-echo", false))
                .exchange()
                .expectHeader()
                .valueEquals("x-request-id", "trace-123");
        assertThat(upstream.nextRequest().headers().get("x-request-id")).isEqualTo("trace-123");

        post(chat("stub-echo", false))
                .expectHeader()
                .value("x-request-id", id -> assertThat(id).hasSize(36));
    }

    @Test
    void forwardsEmbeddings() {
        client.post()
                .uri("/v1/embeddings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"stub-embedding\",\"input\":\"hello\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data[0].embedding[1]")
                .isEqualTo(0.8);
    }

    private WebTestClient.ResponseSpec post(String body) {
        return client.post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private String streamBody(String model) {
        return post(chat(model, true))
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static List<String> dataLines(String body) {
        return body.lines().filter(line -> line.startsWith("data: ")).toList();
    }

    private static String contents(String body) {
        StringBuilder text = new StringBuilder();
        for (String line : dataLines(body)) {
            String data = line.substring("data: ".length());
            if (!data.equals("[DONE]")) {
                JsonNode delta = json.readTree(data).path("choices").path(0).path("delta");
                text.append(delta.path("content").asString(""));
            }
        }
        return text.toString();
    }

    static String chat(String model, boolean stream) {
        return "{\"model\":\"%s\",\"stream\":%s,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .formatted(model, stream);
    }
}
