package dev.tollgate.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

/** With Redis unreachable, an uncached key cannot be checked: the gateway fails closed with 503, never 500 or 200. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RedisOutageIntegrationTests {

    static final int CLOSED_PORT = closedPort();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void unreachableRedis(DynamicPropertyRegistry registry) {
        registry.add("tollgate.redis.uri", () -> "redis://127.0.0.1:" + CLOSED_PORT);
    }

    @Test
    void anUncachedKeyGetsServiceUnavailableWithAClearError() {
        long started = System.nanoTime();

        client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer sk-tg-not-cached-anywhere")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("config_unavailable")
                .jsonPath("$.error.type")
                .isEqualTo("api_error")
                .jsonPath("$.error.message")
                .value(message -> assertThat((String) message).contains("configuration store"));

        assertThat((System.nanoTime() - started) / 1e9).isLessThan(2.0);
    }

    @Test
    void theModelListFailsClosedToo() {
        client.get()
                .uri("/v1/models")
                .header("x-api-key", "sk-tg-not-cached-either")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aMissingKeyIsStillRefusedWithoutAskingRedis() {
        client.get().uri("/v1/models").exchange().expectStatus().isUnauthorized();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // free once closed: nothing listens there
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
