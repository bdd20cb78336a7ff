package dev.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.PriceVersion;
import dev.tollgate.model.tenant.TenantSnapshot;
import dev.tollgate.model.usage.UsageKeys;
import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The semantic cache through HTTP against the real Redis, with real MiniLM embeddings of realistic paraphrases and the
 * deterministic mock provider. The semantic cache is off by default here, as in production: each test's route (or key)
 * turns it on through its published cache settings.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "tollgate.provider.mock.chunk-interval=1ms",
            // The first lookup loads the model (seconds on a busy test machine); a request here may wait for it.
            "tollgate.cache.semantic.embedding-timeout=60s"
        })
@AutoConfigureWebTestClient(timeout = "PT60S")
class SemanticCacheIntegrationTests {

    static final ControlPlane controlPlane = new ControlPlane();
    static final JedisPooled redis = new JedisPooled(URI.create(TestInfrastructure.redisUri()));
    static final JsonMapper json = JsonMapper.builder().build();
    static final String SINCE = (System.currentTimeMillis() - 60_000) + "-0";
    static final PriceVersion PRICE = new PriceVersion(
            Instant.parse("2020-01-01T00:00:00Z"), new BigDecimal("1"), new BigDecimal("10"), null, null);
    static final CacheSettings SEMANTIC = new CacheSettings(null, null, null, true, new BigDecimal("0.9"));

    @Autowired
    WebTestClient client;

    final String tenant = controlPlane.tenant(TenantSnapshot.ACTIVE);

    @AfterAll
    static void cleanUp() {
        controlPlane.close();
        redis.close();
    }

    @Test
    void answersAParaphraseFromTheCacheAtNoCost() {
        String model = route(SEMANTIC);
        String key = controlPlane.cachedKey(tenant, null, "*");

        var first = chat(key, ask(model, "How do I reset my password?"));
        var paraphrase = chat(key, ask(model, "What is the way to reset my password?"));

        assertThat(first.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
        assertThat(paraphrase.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("semantic-hit");
        assertThat(paraphrase.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(new BigDecimal(paraphrase.getResponseHeaders().getFirst("x-tollgate-cost-usd")))
                .isZero();
        List<UsageRecorded> events = events(controlPlane.principal(key).keyId(), 2);
        assertThat(events).hasSize(2);
        UsageRecorded hit = events.get(1);
        assertThat(hit.costUsd()).isZero();
        assertThat(hit.cache()).isNotNull();
        assertThat(hit.cache().kind()).isEqualTo("semantic-hit");
        assertThat(hit.cache().savedUsd())
                .isPositive()
                .isEqualByComparingTo(events.get(0).costUsd());
    }

    @Test
    void answersSeveralRealisticParaphrases() {
        String model = route(SEMANTIC);
        String key = controlPlane.cachedKey(tenant, null, "*");
        List<List<String>> pairs = List.of(
                List.of("How many days are there in a leap year?", "How many days does a leap year have?"),
                List.of("What is the capital of France?", "Which city is the capital of France?"),
                List.of(
                        "Summarize the plot of Hamlet in two sentences.",
                        "Give me a two-sentence summary of Hamlet's plot."));

        for (List<String> pair : pairs) {
            var first = chat(key, ask(model, pair.get(0)));
            var paraphrase = chat(key, ask(model, pair.get(1)));

            assertThat(paraphrase.getResponseHeaders().getFirst("x-tollgate-cache"))
                    .as(pair.toString())
                    .isEqualTo("semantic-hit");
            assertThat(paraphrase.getResponseBody()).isEqualTo(first.getResponseBody());
        }
    }

    @Test
    void doesNotAnswerUnrelatedOrMerelySimilarPrompts() {
        String model = route(SEMANTIC);
        String key = controlPlane.cachedKey(tenant, null, "*");
        chat(key, ask(model, "How do I reset my password?"));
        chat(key, ask(model, "What is the capital of France?"));

        var unrelated = chat(key, ask(model, "What is the weather like in Paris today?"));
        var otherAction = chat(key, ask(model, "How do I delete my account?"));
        var otherCountry = chat(key, ask(model, "What is the capital of Germany?"));

        assertThat(unrelated.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
        assertThat(otherAction.getResponseHeaders().getFirst("x-tollgate-cache"))
                .isEqualTo("miss");
        assertThat(otherCountry.getResponseHeaders().getFirst("x-tollgate-cache"))
                .isEqualTo("miss");
    }

    @Test
    void doesNotAnswerTheSameLastTurnInAnotherConversation() {
        String model = route(SEMANTIC);
        String key = controlPlane.cachedKey(tenant, null, "*");
        String shipping = conversation(model, "Do you ship to Canada?", "We do. Shall I set that up?", "yes");
        String deleting = conversation(model, "Delete all my files.", "Are you sure? This cannot be undone.", "yes");
        String shippingAgain = conversation(model, "Do you ship to Canada?", "We do. Shall I set that up?", "Yes");
        chat(key, shipping);

        var otherConversation = chat(key, deleting);
        var sameConversation = chat(key, shippingAgain);

        assertThat(otherConversation.getResponseHeaders().getFirst("x-tollgate-cache"))
                .isEqualTo("miss");
        assertThat(sameConversation.getResponseHeaders().getFirst("x-tollgate-cache"))
                .isEqualTo("semantic-hit");
    }

    @Test
    void neverServesAnotherTenantsAnswer() {
        String model = route(SEMANTIC);
        String key = controlPlane.cachedKey(tenant, null, "*");
        String otherKey = controlPlane.cachedKey(controlPlane.tenant(TenantSnapshot.ACTIVE), null, "*");
        String thirdKey = controlPlane.cachedKey(controlPlane.tenant(TenantSnapshot.ACTIVE), null, "*");
        chat(key, ask(model, "How do I reset my password?"));

        var paraphrase = chat(otherKey, ask(model, "What is the way to reset my password?"));
        var identical = chat(thirdKey, ask(model, "How do I reset my password?"));

        assertThat(paraphrase.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
        assertThat(identical.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
    }

    @Test
    void replaysASemanticHitAsTheSameWellFormedStream() {
        String model = route(SEMANTIC);
        String key = controlPlane.cachedKey(tenant, null, "*");
        var first = chat(key, ask(model, "How do I reset my password?", "\"temperature\":0,\"stream\":true"));

        var paraphrase =
                chat(key, ask(model, "What is the way to reset my password?", "\"temperature\":0,\"stream\":true"));
        var plain =
                chat(key, ask(model, "What is the way to reset my password?", "\"temperature\":0,\"stream\":false"));

        assertThat(paraphrase.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("semantic-hit");
        assertThat(paraphrase.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_EVENT_STREAM))
                .isTrue();
        assertThat(paraphrase.getResponseBody())
                .isEqualTo(first.getResponseBody())
                .endsWith("data: [DONE]\n\n");
        for (String event : paraphrase.getResponseBody().split("\n\n")) {
            assertThat(event).startsWith("data: ");
            if (!event.equals("data: [DONE]")) {
                assertThat(json.readTree(event.substring("data: ".length()))
                                .path("object")
                                .asString())
                        .isEqualTo("chat.completion.chunk");
            }
        }
        List<UsageRecorded> events = events(controlPlane.principal(key).keyId(), 2);
        assertThat(events.get(1).stream()).isTrue();
        assertThat(events.get(1).cache().kind()).isEqualTo("semantic-hit");
        assertThat(plain.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
    }

    @Test
    void forgetsATenantsPromptsWhenItsCacheIsPurged() throws InterruptedException {
        String model = route(SEMANTIC);
        String key = controlPlane.cachedKey(tenant, null, "*");
        chat(key, ask(model, "How do I reset my password?"));
        assertThat(redis.keys("tollgate:cache:" + tenant + ":*:s:*")).hasSize(1);

        controlPlane.announce("cache", tenant);
        awaitNoEntries();
        var paraphrase = chat(key, ask(model, "What is the way to reset my password?"));

        assertThat(paraphrase.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
    }

    @Test
    void forgetsARoutesPromptsWhenItsCacheIsPurged() throws InterruptedException {
        String model = route(SEMANTIC);
        String key = controlPlane.cachedKey(tenant, null, "*");
        chat(key, ask(model, "How do I reset my password?"));

        controlPlane.announce("cache-route", model);
        awaitNoEntries();
        var paraphrase = chat(key, ask(model, "What is the way to reset my password?"));

        assertThat(paraphrase.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
    }

    @Test
    void letsAKeyTurnTheSemanticCacheOffOnARouteThatHasItOn() {
        String model = route(SEMANTIC);
        String key = controlPlane.cachedKey(tenant, new CacheSettings(null, null, null, false, null), "*");
        chat(key, ask(model, "How do I reset my password?"));

        var same = chat(key, ask(model, "How do I reset my password?"));
        var paraphrase = chat(key, ask(model, "What is the way to reset my password?"));

        assertThat(same.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("hit");
        assertThat(paraphrase.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
        assertThat(redis.keys("tollgate:cache:" + tenant + ":*:s:*")).isEmpty();
    }

    @Test
    void letsAKeyTurnTheSemanticCacheOnAndSetItsOwnThreshold() {
        String strict = route(new CacheSettings(null, null, null, true, new BigDecimal("0.99")));
        String key = controlPlane.cachedKey(tenant, null, "*");
        String lenient =
                controlPlane.cachedKey(tenant, new CacheSettings(null, null, null, true, new BigDecimal("0.8")), "*");
        String plainRoute = route(null);
        chat(key, ask(strict, "Can I get a refund for my order?"));
        chat(lenient, ask(plainRoute, "Can I get a refund for my order?"));

        var underStrictRoute = chat(key, ask(strict, "Is it possible to get my money back for my order?"));
        var underLenientKey = chat(lenient, ask(plainRoute, "Is it possible to get my money back for my order?"));

        assertThat(underStrictRoute.getResponseHeaders().getFirst("x-tollgate-cache"))
                .isEqualTo("miss");
        assertThat(underLenientKey.getResponseHeaders().getFirst("x-tollgate-cache"))
                .isEqualTo("semantic-hit");
    }

    @Test
    void cachesEveryRequestWhenTheRouteSaysAlwaysAndNoneWhenTheKeySaysOff() {
        String always = route(new CacheSettings(CacheSettings.ALWAYS, 60, null, null, null));
        String key = controlPlane.cachedKey(tenant, null, "*");
        String offKey =
                controlPlane.cachedKey(tenant, new CacheSettings(CacheSettings.OFF, null, null, null, null), "*");
        chat(key, ask(always, "Tell me a joke.", "\"temperature\":1"));
        chat(offKey, ask(always, "Tell me another joke.", "\"temperature\":1"));

        var sampled = chat(key, ask(always, "Tell me a joke.", "\"temperature\":1"));
        var offForKey = chat(offKey, ask(always, "Tell me another joke.", "\"temperature\":1"));
        long ttl = redis.pttl(
                redis.keys("tollgate:cache:" + tenant + ":*").iterator().next());

        assertThat(sampled.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("hit");
        assertThat(offForKey.getResponseHeaders().getFirst("x-tollgate-cache")).isNull();
        assertThat(ttl).isBetween(1L, 60_000L);
    }

    private String route(CacheSettings settings) {
        String model = "semantic-" + UUID.randomUUID();
        controlPlane.cachedRoute(model, List.of(PRICE), settings);
        return model;
    }

    private static String ask(String model, String question) {
        return ask(model, question, "\"temperature\":0");
    }

    private static String ask(String model, String question, String parameters) {
        return "{\"model\":\"" + model + "\"," + parameters + ",\"messages\":[{\"role\":\"user\",\"content\":"
                + json.writeValueAsString(question) + "}]}";
    }

    private static String conversation(String model, String first, String reply, String last) {
        return "{\"model\":\"" + model + "\",\"temperature\":0,\"messages\":["
                + "{\"role\":\"user\",\"content\":" + json.writeValueAsString(first) + "},"
                + "{\"role\":\"assistant\",\"content\":" + json.writeValueAsString(reply) + "},"
                + "{\"role\":\"user\",\"content\":" + json.writeValueAsString(last) + "}]}";
    }

    private EntityExchangeResult<String> chat(String secret, String body) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
    }

    private void awaitNoEntries() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!redis.keys("tollgate:cache:" + tenant + ":*").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(redis.keys("tollgate:cache:" + tenant + ":*")).isEmpty();
    }

    private static List<UsageRecorded> events(String keyId, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<UsageRecorded> events = events(keyId);
        while (events.size() < expected && System.nanoTime() < deadline) {
            events = events(keyId);
        }
        return events;
    }

    private static List<UsageRecorded> events(String keyId) {
        return redis.xrange(UsageKeys.EVENTS_STREAM, SINCE, "+").stream()
                .map(StreamEntry::getFields)
                .filter(fields -> keyId.equals(fields.get("key_id")))
                .map(UsageRecorded::fromFields)
                .toList();
    }
}
