package dev.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.FakeUpstream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Routes published into the real Redis, with sealed credentials, in front of a fake OpenAI-compatible upstream. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PublishedRoutesIntegrationTests {

    static final FakeUpstream upstream = new FakeUpstream();
    static final ControlPlane controlPlane = new ControlPlane();
    static final JsonMapper json = JsonMapper.builder().build();

    static final String PUBLISHED = controlPlane.unique("team-gpt");
    static final String AZURE = controlPlane.unique("team-azure");
    static final String MOCKED = controlPlane.unique("team-mock");
    static final String FORBIDDEN = controlPlane.unique("team-forbidden");
    static final String CLASH = controlPlane.unique("clash"); // served statically and published: publication wins
    static final String PROVIDER_KEY = "sk-provider-" + controlPlane.unique("secret");

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void staticUpstream(DynamicPropertyRegistry registry) {
        registry.add("tollgate.provider.openai.base-url", upstream::baseUrl);
        registry.add("tollgate.provider.openai.api-key", () -> "sk-static-upstream");
        registry.add("tollgate.provider.openai.models", () -> "stub-echo," + CLASH);
    }

    @BeforeEach
    void publish() {
        controlPlane.route(PUBLISHED, "openai-compatible", upstream.baseUrl(), PROVIDER_KEY, "stub-echo", Map.of());
        controlPlane.route(
                AZURE,
                "azure-openai",
                upstream.baseUrl().replace("/v1", ""),
                PROVIDER_KEY,
                "stub-echo",
                Map.of("api_version", "2024-10-21"));
        controlPlane.route(MOCKED, "mock", null, null, "mock-large", Map.of());
        controlPlane.route(FORBIDDEN, "openai", upstream.baseUrl(), PROVIDER_KEY, "stub-echo", Map.of());
        controlPlane.route(CLASH, "mock", null, null, "published-clash", Map.of());
        upstream.forgetRequests();
    }

    @AfterAll
    static void cleanUp() {
        controlPlane.close();
        upstream.close();
    }

    @Test
    void reachesThePublishedDeploymentWithItsOpenedKeyAndUpstreamModelNeverTheCallersKey() throws Exception {
        String key = controlPlane.key(PUBLISHED);

        chat(key, PUBLISHED).expectStatus().isOk();

        FakeUpstream.Received received = upstream.nextRequest();
        assertThat(received.uri()).isEqualTo("/v1/chat/completions");
        assertThat(received.headers().get("Authorization")).isEqualTo("Bearer " + PROVIDER_KEY);
        assertThat(received.headers()).doesNotContainKeys("api-key", "x-api-key");
        assertThat(received.headers().values()).noneMatch(value -> value.contains(key));
        assertThat(received.body().path("model").asString()).isEqualTo("stub-echo");
    }

    @Test
    void reachesAnAzureDeploymentByItsDeploymentUrlWithAnApiKeyHeader() throws Exception {
        String key = controlPlane.key(AZURE);

        chat(key, AZURE).expectStatus().isOk();

        FakeUpstream.Received received = upstream.nextRequest();
        assertThat(received.uri()).isEqualTo("/openai/deployments/stub-echo/chat/completions?api-version=2024-10-21");
        assertThat(received.headers().get("api-key")).isEqualTo(PROVIDER_KEY);
        assertThat(received.headers()).doesNotContainKey("Authorization");
    }

    @Test
    void aMockDeploymentAnswersAsItsUpstreamModel() {
        String key = controlPlane.key(MOCKED);

        chat(key, MOCKED).expectStatus().isOk().expectBody().jsonPath("$.model").isEqualTo("mock-large");
    }

    @Test
    void aPublishedRouteWinsOverAStaticModelOfTheSameName() throws Exception {
        String key = controlPlane.key(CLASH);

        chat(key, CLASH).expectStatus().isOk().expectBody().jsonPath("$.model").isEqualTo("published-clash");
        upstream.assertNothingReceived();
    }

    @Test
    void aModelTheKeyMayNotUseIsNotFoundLikeAMissingOneAndNoUpstreamIsCalled() throws Exception {
        String key = controlPlane.key(PUBLISHED, "stub-echo");

        JsonNode forbidden = notFound(chat(key, FORBIDDEN));
        JsonNode missing = notFound(chat(key, "no-such-model"));
        JsonNode staticButForbidden = notFound(chat(key, "mock-chat"));

        assertThat(forbidden.path("message").asString())
                .isEqualTo(missing.path("message").asString().replace("no-such-model", FORBIDDEN));
        assertThat(staticButForbidden.path("code").asString()).isEqualTo("model_not_found");
        upstream.assertNothingReceived();
    }

    @Test
    void listsOnlyTheKeysModelsThatAreServed() {
        String key = controlPlane.key(PUBLISHED, MOCKED, "mock-chat", "not-served-anywhere");

        List<String> ids = models(key);

        assertThat(ids).containsExactlyInAnyOrder(PUBLISHED, MOCKED, "mock-chat");
        assertThat(models(controlPlane.key("*"))).contains(PUBLISHED, FORBIDDEN, "mock-chat", "stub-echo");
    }

    @Test
    void retrievesOneModelOnlyWhenTheKeyMayUseIt() {
        String key = controlPlane.key(PUBLISHED);

        client.get()
                .uri("/v1/models/" + PUBLISHED)
                .header("Authorization", "Bearer " + key)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(PUBLISHED);
        notFound(client.get()
                .uri("/v1/models/" + FORBIDDEN)
                .header("Authorization", "Bearer " + key)
                .exchange());
    }

    @Test
    void aRepublishedRouteIsUsedWithinOneSecond() throws Exception {
        String key = controlPlane.key(MOCKED);
        chat(key, MOCKED).expectStatus().isOk();

        controlPlane.route(MOCKED, "mock", null, null, "mock-larger", Map.of());

        long started = System.nanoTime();
        String model = "";
        while (!model.equals("mock-larger")
                && System.nanoTime() - started < Duration.ofSeconds(3).toNanos()) {
            model = json.readTree(chat(key, MOCKED).expectBody().returnResult().getResponseBody())
                    .path("model")
                    .asString();
        }
        assertThat(model).isEqualTo("mock-larger");
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(1.0);
    }

    @Test
    void refusesCallerSuppliedUpstreamAddressesAnywhereInTheBody() throws Exception {
        String key = controlPlane.key("*");
        String messages = "[{\"role\":\"user\",\"content\":\"hi\"}]";

        invalid(post(key, "{\"model\":\"%s\",\"api_base\":\"http://evil\",\"messages\":%s}", messages));
        invalid(post(key, "{\"model\":\"%s\",\"base_url\":\"http://evil\",\"messages\":%s}", messages));
        invalid(post(
                key,
                "{\"model\":\"%s\",\"x_opts\":{\"deep\":[{\"azure_endpoint\":\"e\"}]},\"messages\":%s}",
                messages));
        invalid(post(
                key, "{\"model\":\"%s\",\"messages\":%s}", "[{\"role\":\"user\",\"content\":\"hi\",\"host\":\"h\"}]"));
        invalid(client.post()
                .uri("/v1/embeddings")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"%s\",\"input\":\"x\",\"endpoint\":\"http://evil\"}".formatted(PUBLISHED))
                .exchange());
        upstream.assertNothingReceived();
    }

    @Test
    void refusesHeadersThatNameAnUpstreamButNotOrdinaryProxyHeaders() throws Exception {
        String key = controlPlane.key("*");

        invalid(chatWith(key, "x-upstream-host", "evil.example"));
        invalid(chatWith(key, "X-OpenAI-Base-URL", "http://evil"));
        invalid(chatWith(key, "x-api-base", "http://evil"));
        upstream.assertNothingReceived();
        chatWith(key, "x-forwarded-host", "gateway.example").expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec chat(String key, String model) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".formatted(model))
                .exchange();
    }

    private WebTestClient.ResponseSpec chatWith(String key, String header, String value) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .header(header, value)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".formatted(PUBLISHED))
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String key, String template, String messages) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(template.formatted(PUBLISHED, messages))
                .exchange();
    }

    private List<String> models(String key) {
        byte[] body = client.get()
                .uri("/v1/models")
                .header("Authorization", "Bearer " + key)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return json.readTree(body)
                .path("data")
                .valueStream()
                .map(model -> model.path("id").asString())
                .toList();
    }

    private static JsonNode notFound(WebTestClient.ResponseSpec response) {
        return error(response, HttpStatus.NOT_FOUND, "model_not_found");
    }

    private static void invalid(WebTestClient.ResponseSpec response) {
        assertThat(error(response, HttpStatus.BAD_REQUEST, "invalid_request")
                        .path("message")
                        .asString())
                .contains("the gateway chooses the upstream");
    }

    private static JsonNode error(WebTestClient.ResponseSpec response, HttpStatus status, String code) {
        byte[] body = response.expectStatus()
                .isEqualTo(status)
                .expectBody()
                .returnResult()
                .getResponseBody();
        JsonNode error = json.readTree(body).path("error");
        assertThat(error.path("code").asString()).isEqualTo(code);
        return error;
    }
}
