package dev.tollgate.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.RedisProxy;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Redis goes away and comes back: cached keys keep working, uncached ones fail closed, and the announcements missed
 * meanwhile are made up for by dropping every cached entry once the subscription is back.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"tollgate.redis.max-reconnect-backoff=200ms", "tollgate.auth.cache-ttl=30s"})
@AutoConfigureWebTestClient
class RedisReconnectIntegrationTests {

    static final RedisProxy proxy = new RedisProxy();
    static final ControlPlane controlPlane = new ControlPlane(); // writes to Redis directly, never through the proxy

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("tollgate.redis.uri", proxy::uri);
    }

    @AfterAll
    static void cleanUp() {
        proxy.close();
        controlPlane.close();
    }

    @Test
    void servesCachedKeysDuringAnOutageAndCatchesUpOnWhatItMissedOnceRedisIsBack() {
        String cached = controlPlane.key("*");
        String uncached = controlPlane.key("*");
        assertThat(statusFor(cached)).isEqualTo(HttpStatus.OK);

        proxy.cut();
        controlPlane.revoke(cached); // announced while the gateway cannot hear it

        assertThat(statusFor(cached)).isEqualTo(HttpStatus.OK);
        assertThat(statusFor(uncached)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        proxy.restore();

        assertThat(secondsUntil(cached, HttpStatus.UNAUTHORIZED)).isLessThan(3.0);
        assertThat(statusFor(uncached)).isEqualTo(HttpStatus.OK);
    }

    private double secondsUntil(String key, HttpStatusCode expected) {
        long started = System.nanoTime();
        while (System.nanoTime() - started < Duration.ofSeconds(10).toNanos()) {
            if (statusFor(key).equals(expected)) {
                return (System.nanoTime() - started) / 1e9;
            }
            pause();
        }
        return Double.MAX_VALUE;
    }

    private HttpStatusCode statusFor(String key) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange()
                .returnResult(String.class)
                .getStatus();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
