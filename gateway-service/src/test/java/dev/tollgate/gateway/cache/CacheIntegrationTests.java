package dev.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.route.PriceVersion;
import dev.tollgate.model.tenant.TenantSnapshot;
import dev.tollgate.model.usage.UsageKeys;
import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageStatus;
import dev.tollgate.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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

/** The exact response cache against the real Redis, through HTTP, with the deterministic mock provider. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "tollgate.provider.mock.chunk-interval=1ms")
@AutoConfigureWebTestClient
class CacheIntegrationTests {

    static final ControlPlane controlPlane = new ControlPlane();
    static final JedisPooled redis = new JedisPooled(URI.create(TestInfrastructure.redisUri()));
    static final String SINCE = (System.currentTimeMillis() - 60_000) + "-0";
    static final PriceVersion PRICE = new PriceVersion(
            Instant.parse("2020-01-01T00:00:00Z"), new BigDecimal("1"), new BigDecimal("10"), null, null);
    static final String MODEL = controlPlane.unique("cached");

    @Autowired
    WebTestClient client;

    final String question = "what is cached " + UUID.randomUUID();
    String tenant;
    String key;

    @BeforeEach
    void publish() {
        controlPlane.route(MODEL, "mock", null, null, "mock-chat", Map.of(), List.of(PRICE));
        tenant = controlPlane.tenant(TenantSnapshot.ACTIVE);
        key = controlPlane.tenantKey(tenant, KeyPrincipal.ACTIVE, null, null, "*");
    }

    @AfterAll
    static void cleanUp() {
        controlPlane.close();
        redis.close();
    }

    @Test
    void answersTheSameDeterministicRequestFromTheCacheAtNoCost() {
        var first = chat(key, body("\"temperature\":0"), Map.of());
        var second = chat(key, body("\"temperature\":0"), Map.of());

        assertThat(first.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
        assertThat(second.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("hit");
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(new BigDecimal(second.getResponseHeaders().getFirst("x-tollgate-cost-usd")))
                .isZero();
        List<UsageRecorded> events = events(controlPlane.principal(key).keyId(), 2);
        assertThat(events).hasSize(2);
        UsageRecorded miss = events.get(0);
        UsageRecorded hit = events.get(1);
        assertThat(miss.cache()).isNull();
        assertThat(hit.status()).isEqualTo(UsageStatus.SUCCESS);
        assertThat(hit.costUsd()).isZero();
        assertThat(hit.priced()).isTrue();
        assertThat(hit.promptTokens()).isEqualTo(miss.promptTokens());
        assertThat(hit.completionTokens()).isEqualTo(miss.completionTokens());
        assertThat(hit.cache()).isNotNull();
        assertThat(hit.cache().kind()).isEqualTo("hit");
        assertThat(hit.cache().savedUsd()).isPositive().isEqualByComparingTo(miss.costUsd());
    }

    @Test
    void neverServesAnotherTenantsAnswer() {
        String otherTenant = controlPlane.tenant(TenantSnapshot.ACTIVE);
        String otherKey = controlPlane.tenantKey(otherTenant, KeyPrincipal.ACTIVE, null, null, "*");
        chat(key, body("\"temperature\":0"), Map.of());

        var other = chat(otherKey, body("\"temperature\":0"), Map.of());

        assertThat(other.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
    }

    @Test
    void offBypassesTheCacheAndRefreshFetchesAgain() {
        var stored = chat(key, body("\"temperature\":0"), Map.of());

        var bypassed = chat(key, body("\"temperature\":0"), Map.of("x-tollgate-cache", "off"));
        var refreshed = chat(key, body("\"temperature\":0"), Map.of("x-tollgate-cache", "refresh"));
        var afterRefresh = chat(key, body("\"temperature\":0"), Map.of());

        assertThat(bypassed.getResponseHeaders().getFirst("x-tollgate-cache")).isNull();
        assertThat(bypassed.getResponseBody()).isNotEqualTo(stored.getResponseBody());
        assertThat(refreshed.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
        assertThat(refreshed.getResponseBody()).isNotEqualTo(stored.getResponseBody());
        assertThat(afterRefresh.getResponseHeaders().getFirst("x-tollgate-cache"))
                .isEqualTo("hit");
        assertThat(afterRefresh.getResponseBody()).isEqualTo(refreshed.getResponseBody());
    }

    @Test
    void doesNotCacheASampledRequestUnlessAskedTo() {
        chat(key, body("\"temperature\":1"), Map.of());
        var sampled = chat(key, body("\"temperature\":1"), Map.of());
        chat(key, body("\"temperature\":1"), Map.of("x-tollgate-cache", "on"));
        var optedIn = chat(key, body("\"temperature\":1"), Map.of("x-tollgate-cache", "on"));

        assertThat(sampled.getResponseHeaders().getFirst("x-tollgate-cache")).isNull();
        assertThat(optedIn.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("hit");
    }

    @Test
    void replaysACachedStreamAsTheSameWellFormedEvents() {
        String streamed = body("\"temperature\":0,\"stream\":true");
        var first = chat(key, streamed, Map.of());

        var second = chat(key, streamed, Map.of());

        assertThat(first.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
        assertThat(second.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("hit");
        assertThat(second.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_EVENT_STREAM))
                .isTrue();
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody()).endsWith("data: [DONE]\n\n");
        assertThat(second.getResponseBody().split("\n\n")).allMatch(event -> event.startsWith("data: "));
        assertThat(second.getResponseBody()).doesNotContain("\"usage\"");
        List<UsageRecorded> events = events(controlPlane.principal(key).keyId(), 2);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).stream()).isTrue();
        assertThat(events.get(1).cache()).isNotNull();
        assertThat(events.get(1).completionTokens())
                .isEqualTo(events.get(0).completionTokens())
                .isPositive();
        var plain = chat(key, body("\"temperature\":0"), Map.of());
        assertThat(plain.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
    }

    @Test
    void forgetsATenantsAnswersWhenItsCacheIsPurged() throws InterruptedException {
        chat(key, body("\"temperature\":0"), Map.of());
        assertThat(redis.keys("tollgate:cache:" + tenant + ":*")).hasSize(1);

        controlPlane.announce("cache", tenant);
        awaitNoEntries();
        var afterPurge = chat(key, body("\"temperature\":0"), Map.of());

        assertThat(afterPurge.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
    }

    @Test
    void forgetsARoutesAnswersWhenItsCacheIsPurged() throws InterruptedException {
        chat(key, body("\"temperature\":0"), Map.of());
        assertThat(redis.keys("tollgate:cache:" + tenant + ":*")).hasSize(1);

        controlPlane.announce("cache-route", MODEL);
        awaitNoEntries();
        var afterPurge = chat(key, body("\"temperature\":0"), Map.of());

        assertThat(afterPurge.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
    }

    @Test
    void countsHitsAndMissesWithoutTenants() {
        chat(key, body("\"temperature\":0"), Map.of());
        chat(key, body("\"temperature\":0"), Map.of());

        String metrics = client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(metrics)
                .containsPattern("tollgate_cache_requests_total\\{[^}]*outcome=\"hit\"[^}]*\\} [1-9]")
                .containsPattern("tollgate_cache_requests_total\\{[^}]*outcome=\"miss\"[^}]*\\} [1-9]")
                .doesNotContain(tenant);
    }

    @Test
    void keepsAnAnswerOnlyAsLongAsTheCallerAsked() throws InterruptedException {
        chat(key, body("\"temperature\":0"), Map.of("x-tollgate-cache-ttl", "1"));
        var soon = chat(key, body("\"temperature\":0"), Map.of());

        awaitNoEntries();
        var later = chat(key, body("\"temperature\":0"), Map.of());

        assertThat(soon.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("hit");
        assertThat(later.getResponseHeaders().getFirst("x-tollgate-cache")).isEqualTo("miss");
    }

    private String body(String parameters) {
        return "{\"model\":\"" + MODEL + "\"," + parameters + ",\"messages\":[{\"role\":\"user\",\"content\":\""
                + question + "\"}]}";
    }

    private EntityExchangeResult<String> chat(String secret, String body, Map<String, String> headers) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + secret)
                .headers(http -> headers.forEach(http::set))
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
