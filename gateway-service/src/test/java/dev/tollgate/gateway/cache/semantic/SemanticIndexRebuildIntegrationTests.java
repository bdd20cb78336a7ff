package dev.tollgate.gateway.cache.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.GatewayInstance;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.tenant.TenantSnapshot;
import dev.tollgate.testsupport.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Semantic entries outlive the instance that stored them: a gateway started later rebuilds its index from Redis, and
 * one already running picks up what another adds, within about a second.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "tollgate.cache.semantic.embedding-timeout=60s")
@AutoConfigureWebTestClient(timeout = "PT60S")
class SemanticIndexRebuildIntegrationTests {

    static final ControlPlane controlPlane = new ControlPlane();

    @Autowired
    WebTestClient client;

    @AfterAll
    static void cleanUp() {
        controlPlane.close();
    }

    @Test
    void anotherInstanceAnswersFromEntriesThisOneStored() throws InterruptedException {
        String model = "rebuild-" + UUID.randomUUID();
        controlPlane.cachedRoute(model, List.of(), new CacheSettings(null, null, null, true, new BigDecimal("0.9")));
        String key = controlPlane.cachedKey(controlPlane.tenant(TenantSnapshot.ACTIVE), null, "*");
        ask(client, key, model, "How do I reset my password?");

        ConfigurableApplicationContext other =
                GatewayInstance.start(TestInfrastructure.redisUri(), "--tollgate.cache.semantic.embedding-timeout=60s");
        try {
            LocalSemanticIndex otherIndex = other.getBean(LocalSemanticIndex.class);
            WebTestClient otherClient = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + GatewayInstance.port(other))
                    .responseTimeout(Duration.ofSeconds(60))
                    .build();
            await(() -> otherIndex.size() > 0);

            String rebuilt = ask(otherClient, key, model, "What is the way to reset my password?");
            int held = otherIndex.size();
            ask(client, key, model, "How many days are there in a leap year?");
            await(() -> otherIndex.size() > held);
            String followed = ask(otherClient, key, model, "How many days does a leap year have?");

            assertThat(rebuilt).isEqualTo("semantic-hit");
            assertThat(followed).isEqualTo("semantic-hit");
        } finally {
            other.close();
        }
    }

    private static String ask(WebTestClient client, String key, String model, String question) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"temperature\":0,\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"" + question + "\"}]}")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("x-tollgate-cache");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
