package dev.tollgate.gateway.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.FakeUpstream;
import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.prompt.PromptMessage;
import dev.tollgate.model.prompt.PromptVariable;
import dev.tollgate.model.prompt.PublishedPrompt;
import dev.tollgate.model.prompt.TemplateSnapshot;
import dev.tollgate.model.prompt.TemplateSnapshot.LabelSplit;
import dev.tollgate.model.tenant.TenantSnapshot;
import dev.tollgate.model.usage.UsageKeys;
import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageRecorded.TemplateUse;
import dev.tollgate.testsupport.TestInfrastructure;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;

/** Chat requests rendered from published prompt templates, end to end: real Redis, the mock provider, real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PromptTemplatesIntegrationTests {

    static final ControlPlane controlPlane = new ControlPlane();
    static final FakeUpstream upstream = new FakeUpstream();
    static final JedisPooled redis = new JedisPooled(URI.create(TestInfrastructure.redisUri()));
    static final String ECHO = "You said: ";
    static final String FORWARDED = controlPlane.unique("forwarded");
    static final List<PromptVariable> VARIABLES = List.of(
            new PromptVariable("topic", "string", true, null),
            new PromptVariable("words", "integer", false, 50),
            new PromptVariable("secret", "string", false, "hunter2"));

    final AtomicInteger counter = new AtomicInteger();

    @Autowired
    WebTestClient client;

    String key;
    String tenant;
    String name;

    @BeforeEach
    void publish() {
        key = controlPlane.key("*");
        tenant = controlPlane.principal(key).tenantId();
        name = controlPlane.unique("summary" + counter.incrementAndGet() + "-" + System.nanoTime());
        controlPlane.route(FORWARDED, "openai", upstream.baseUrl(), "sk-upstream", "stub-echo", Map.of());
        upstream.forgetRequests();
    }

    @AfterAll
    static void cleanUp() {
        controlPlane.close();
        upstream.close();
        redis.close();
    }

    @Test
    void rendersTheTemplatesMessagesWithTheGivenVariables() {
        controlPlane.template(snapshot(tenant, Map.of("production", 1), summary(1, "mock-chat")));

        String reply = replyTo(template(name, "\"variables\":{\"topic\":\"tides\",\"words\":12}"));

        assertThat(reply).endsWith(ECHO + "Summarize tides in 12 words. Secret: hunter2");
    }

    @Test
    void insertsAValueThatLooksLikeAPlaceholderLiterally() {
        controlPlane.template(snapshot(tenant, Map.of("production", 1), summary(1, "mock-chat")));

        String reply = replyTo(template(name, "\"variables\":{\"topic\":\"{{secret}}\",\"secret\":\"{{topic}}\"}"));

        assertThat(reply).endsWith(ECHO + "Summarize {{secret}} in 50 words. Secret: {{topic}}");
    }

    @Test
    void acceptsTheVariablesAsMetadataStrings() {
        controlPlane.template(snapshot(tenant, Map.of("production", 1), summary(1, "mock-chat")));

        String reply = replyTo(template(name, "\"metadata\":{\"topic\":\"tides\",\"words\":\"7\"}"));

        assertThat(reply).endsWith(ECHO + "Summarize tides in 7 words. Secret: hunter2");
    }

    @Test
    void refusesAVariableOfTheWrongTypeNamingIt() {
        controlPlane.template(snapshot(tenant, Map.of("production", 1), summary(1, "mock-chat")));

        refused(template(name, "\"variables\":{\"topic\":\"tides\",\"words\":\"twelve\"}"), HttpStatus.BAD_REQUEST)
                .jsonPath("$.error.code")
                .isEqualTo("invalid_request")
                .jsonPath("$.error.param")
                .isEqualTo("variables.words")
                .jsonPath("$.error.message")
                .isEqualTo("The variable 'words' must be an integer.");
    }

    @Test
    void refusesAMissingRequiredVariable() {
        controlPlane.template(snapshot(tenant, Map.of("production", 1), summary(1, "mock-chat")));

        refused(template(name, "\"variables\":{\"words\":3}"), HttpStatus.BAD_REQUEST)
                .jsonPath("$.error.param")
                .isEqualTo("variables.topic");
    }

    @Test
    void refusesAnUnknownVariable() {
        controlPlane.template(snapshot(tenant, Map.of("production", 1), summary(1, "mock-chat")));

        refused(template(name, "\"variables\":{\"topic\":\"tides\",\"colour\":\"red\"}"), HttpStatus.BAD_REQUEST)
                .jsonPath("$.error.param")
                .isEqualTo("variables.colour");
    }

    @Test
    void refusesMessagesSentAlongWithATemplate() {
        controlPlane.template(snapshot(tenant, Map.of("production", 1), summary(1, "mock-chat")));

        String body =
                template(name, "\"variables\":{\"topic\":\"x\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]");

        refused(body, HttpStatus.BAD_REQUEST).jsonPath("$.error.param").isEqualTo("messages");
    }

    @Test
    void servesTheVersionALabelOrAVersionNumberPicks() {
        controlPlane.template(
                snapshot(tenant, Map.of("production", 1, "staging", 2), version(1, "first"), version(2, "second")));

        assertThat(replyTo(template(name, ""))).endsWith(ECHO + "first");
        assertThat(replyTo(template(name + "@staging", ""))).endsWith(ECHO + "second");
        assertThat(replyTo(template(name + "@v2", ""))).endsWith(ECHO + "second");
        assertThat(replyTo(template(name + "@v1", ""))).endsWith(ECHO + "first");
    }

    @Test
    void seesAMovedLabelWithinASecond() throws InterruptedException {
        controlPlane.template(snapshot(tenant, Map.of("production", 1), version(1, "first"), version(2, "second")));
        assertThat(replyTo(template(name, ""))).endsWith(ECHO + "first");

        controlPlane.template(snapshot(tenant, Map.of("production", 2), version(1, "first"), version(2, "second")));
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        String reply = replyTo(template(name, ""));
        while (!reply.endsWith(ECHO + "second") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            reply = replyTo(template(name, ""));
        }

        assertThat(reply).endsWith(ECHO + "second");
    }

    @Test
    void prefersTheTenantsOwnTemplateToAPlatformWideOne() {
        controlPlane.template(snapshot(null, Map.of("production", 1), version(1, "platform-wide")));
        controlPlane.template(snapshot(tenant, Map.of("production", 1), version(1, "the tenant's own")));
        String otherTenant = controlPlane.tenant(TenantSnapshot.ACTIVE);
        String otherKey = controlPlane.tenantKey(otherTenant, KeyPrincipal.ACTIVE, null, null, "*");

        assertThat(replyTo(template(name, ""))).endsWith(ECHO + "the tenant's own");
        assertThat(replyWith(otherKey, template(name, ""))).endsWith(ECHO + "platform-wide");
    }

    @Test
    void answersNotFoundForAnUnknownTemplateLabelOrVersion() {
        controlPlane.template(snapshot(tenant, Map.of("production", 1), version(1, "first")));

        String unknown = controlPlane.unique("nothing");
        refused(template(unknown, ""), HttpStatus.NOT_FOUND)
                .jsonPath("$.error.code")
                .isEqualTo("model_not_found")
                .jsonPath("$.error.message")
                .isEqualTo("The prompt template '" + unknown + "' does not exist or you do not have access to it.");
        refused(template(name + "@canary", ""), HttpStatus.NOT_FOUND)
                .jsonPath("$.error.message")
                .isEqualTo("The prompt template '" + name + "' has no version labelled 'canary'.");
        refused(template(name + "@v9", ""), HttpStatus.NOT_FOUND)
                .jsonPath("$.error.message")
                .isEqualTo("The prompt template '" + name + "' has no published version 9.");
    }

    @Test
    void checksTheKeysAllowedModelsAgainstTheTemplatesModel() {
        controlPlane.template(snapshot(tenant, Map.of("production", 1), version(1, "first")));
        String narrowKey = controlPlane.key("mock-embedding");

        client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + narrowKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(template(name, ""))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error.message")
                .isEqualTo("The model 'mock-chat' does not exist or you do not have access to it.");
    }

    @Test
    void forwardsTheRenderedRequestWithTheTemplatesParametersWinning() throws InterruptedException {
        PublishedPrompt prompt = new PublishedPrompt(
                1,
                List.of(new PromptMessage("system", "Be brief."), new PromptMessage("user", "About {{topic}}")),
                FORWARDED,
                Map.of("temperature", 0.2, "max_tokens", 40, "stream", true, "user", "template-user"),
                VARIABLES,
                Instant.now());
        controlPlane.template(snapshot(tenant, Map.of("production", 1), prompt));

        replyTo(template(
                name, "\"variables\":{\"topic\":\"tides\"},\"temperature\":1.5,\"top_p\":0.5,\"user\":\"bob\""));

        JsonNode sent = upstream.nextRequest().body();
        assertThat(sent.path("model").asString()).isEqualTo("stub-echo");
        assertThat(sent.path("messages").toString())
                .isEqualTo(
                        "[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"About tides\"}]");
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(40);
        assertThat(sent.path("top_p").asDouble()).isEqualTo(0.5);
        assertThat(sent.path("user").asString()).isEqualTo("bob");
        assertThat(sent.path("stream").asBoolean(false)).isFalse();
        assertThat(sent.has("variables")).isFalse();
    }

    @Test
    void letsTheCallerOverrideOnlyTheParametersTheTemplateAllows() throws InterruptedException {
        PublishedPrompt prompt = new PublishedPrompt(
                1,
                List.of(new PromptMessage("user", "About {{topic}}")),
                FORWARDED,
                Map.of("temperature", 0.2, "max_tokens", 40, "top_p", 0.9),
                VARIABLES,
                Instant.now(),
                List.of("temperature", "top_p"));
        controlPlane.template(snapshot(tenant, Map.of("production", 1), prompt));

        replyTo(template(name, "\"variables\":{\"topic\":\"tides\"},\"temperature\":1.5,\"max_tokens\":300"));

        JsonNode sent = upstream.nextRequest().body();
        assertThat(sent.path("temperature").asDouble()).isEqualTo(1.5);
        assertThat(sent.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(40);
    }

    @Test
    void splitsALabelsTrafficBetweenVersionsAndRecordsTheVersionDrawn() throws InterruptedException {
        var splits = Map.of("production", List.of(new LabelSplit(1, 1), new LabelSplit(2, 1)));
        controlPlane.template(new TemplateSnapshot(
                "tpl-" + name,
                name,
                tenant,
                List.of(version(1, "first"), version(2, "second")),
                Map.of("production", 1),
                splits));
        String keyId = controlPlane.principal(key).keyId();

        List<String> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            replies.add(replyTo(template(name, "")));
        }

        // Equal weights: the chance that 60 draws all land on one version is 2^-59.
        assertThat(replies).anyMatch(reply -> reply.endsWith(ECHO + "first"));
        assertThat(replies).anyMatch(reply -> reply.endsWith(ECHO + "second"));
        List<UsageRecorded> events = awaitEvents(keyId, 60);
        assertThat(events).hasSize(60);
        for (int i = 0; i < 60; i++) {
            int version = replies.get(i).endsWith(ECHO + "first") ? 1 : 2;
            assertThat(events.get(i).template()).isEqualTo(new TemplateUse(name, version, "production"));
        }
    }

    @Test
    void streamsWhenTheCallerAsksWhateverTheTemplateSays() {
        PublishedPrompt prompt = new PublishedPrompt(
                1,
                List.of(new PromptMessage("user", "streamed")),
                "mock-chat",
                Map.of("stream", false),
                List.of(),
                Instant.now());
        controlPlane.template(snapshot(tenant, Map.of("production", 1), prompt));

        String events = client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(template(name, "\"stream\":true"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(events).contains("chat.completion.chunk").endsWith("data: [DONE]\n\n");
    }

    @Test
    void recordsTheTemplateVersionAndLabelInTheUsageEvent() throws InterruptedException {
        controlPlane.template(
                snapshot(tenant, Map.of("production", 1, "staging", 2), version(1, "first"), version(2, "second")));
        String keyId = controlPlane.principal(key).keyId();

        replyTo(template(name + "@staging", ""));
        replyTo(template(name + "@v1", ""));

        List<UsageRecorded> events = awaitEvents(keyId, 2);
        assertThat(events)
                .extracting(UsageRecorded::template)
                .containsExactly(new TemplateUse(name, 2, "staging"), new TemplateUse(name, 1, null));
        assertThat(events).extracting(UsageRecorded::requestedModel).containsOnly("mock-chat");
    }

    private PublishedPrompt summary(int number, String model) {
        return new PublishedPrompt(
                number,
                List.of(
                        new PromptMessage("system", "You write summaries."),
                        new PromptMessage("user", "Summarize {{topic}} in {{ words }} words. Secret: {{secret}}")),
                model,
                Map.of(),
                VARIABLES,
                Instant.now());
    }

    private static PublishedPrompt version(int number, String text) {
        return new PublishedPrompt(
                number, List.of(new PromptMessage("user", text)), "mock-chat", Map.of(), List.of(), Instant.now());
    }

    private TemplateSnapshot snapshot(
            @Nullable String owner, Map<String, Integer> labels, PublishedPrompt... versions) {
        return new TemplateSnapshot("tpl-" + name, name, owner, List.of(versions), labels);
    }

    private static String template(String name, String more) {
        return "{\"model\":\"template:" + name + "\"" + (more.isEmpty() ? "" : "," + more) + "}";
    }

    private String replyTo(String body) {
        return replyWith(key, body);
    }

    private String replyWith(String secret, String body) {
        return String.valueOf(client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("choices")
                .path(0)
                .path("message")
                .path("content")
                .asString());
    }

    private WebTestClient.BodyContentSpec refused(String body, HttpStatus status) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody();
    }

    private static List<UsageRecorded> awaitEvents(String keyId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<UsageRecorded> events = eventsOf(keyId);
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            events = eventsOf(keyId);
        }
        return events;
    }

    private static List<UsageRecorded> eventsOf(String keyId) {
        String since = (System.currentTimeMillis() - 60_000) + "-0";
        return redis.xrange(UsageKeys.EVENTS_STREAM, since, "+").stream()
                .map(StreamEntry::getFields)
                .filter(fields -> keyId.equals(fields.get("key_id")))
                .map(UsageRecorded::fromFields)
                .toList();
    }
}
