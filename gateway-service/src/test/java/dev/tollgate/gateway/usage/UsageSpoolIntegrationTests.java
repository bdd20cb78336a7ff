package dev.tollgate.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.model.usage.UsageRecorded;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Redis killed mid-test: requests are still answered, their events wait in the spool, and once Redis is back every
 * event arrives exactly once. Runs against a {@code redis-server} of its own, never the shared one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class UsageSpoolIntegrationTests {

    static final Path dir = temporaryDirectory();
    static final RedisServer redis = new RedisServer(dir);
    static final ControlPlane controlPlane = new ControlPlane(redis.uri());
    static final String KEY = controlPlane.key("mock-chat");

    @Autowired
    WebTestClient client;

    @Autowired
    MeterRegistry registry;

    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        registry.add("tollgate.redis.uri", redis::uri);
        registry.add("tollgate.redis.command-timeout", () -> "100ms");
        registry.add("tollgate.usage.publish-timeout", () -> "300ms");
        registry.add("tollgate.usage.replay-interval", () -> "200ms");
        registry.add(
                "tollgate.usage.spool-directory", () -> dir.resolve("spool").toString());
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        redis.close(); // takes every key with it: the server and its data directory are this test's own
        try {
            controlPlane.close();
        } catch (redis.clients.jedis.exceptions.JedisException alreadyGone) {
            // its cleanup has nothing left to delete
        }
    }

    @Test
    void spoolsEventsWhileRedisIsDownAndDeliversEachExactlyOnceWhenItReturns() throws Exception {
        List<String> requestIds = new ArrayList<>();
        requestIds.add(answered()); // also caches the key, so it is accepted while Redis is down

        redis.kill();
        for (int i = 0; i < 4; i++) {
            requestIds.add(answered());
        }
        assertThat(registry.counter("tollgate.usage.events", "outcome", "spooled")
                        .count())
                .isGreaterThanOrEqualTo(4);
        redis.start();

        try (UsageStream stream = new UsageStream(redis.uri())) {
            String keyId = controlPlane.principal(KEY).keyId();
            List<UsageRecorded> events = stream.awaitEvents(keyId, 5, Duration.ofSeconds(10));
            Thread.sleep(500); // a duplicate would have to arrive now
            events = stream.eventsOf(keyId);
            assertThat(events).extracting(UsageRecorded::requestId).containsExactlyInAnyOrderElementsOf(requestIds);
            assertThat(events).extracting(UsageRecorded::eventId).doesNotHaveDuplicates();
        }
    }

    private String answered() {
        String requestId = "spool-" + UUID.randomUUID();
        client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + KEY)
                .header("x-request-id", requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange()
                .expectStatus()
                .isOk();
        return requestId;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("tollgate-usage-spool-test");
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }
}
