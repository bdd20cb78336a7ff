package dev.tollgate.gateway.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.testing.ControlPlane;
import dev.tollgate.gateway.testing.RedisProxy;
import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.prompt.PromptMessage;
import dev.tollgate.model.prompt.PublishedPrompt;
import dev.tollgate.model.prompt.TemplateSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * While Redis is down a template the gateway has seen is still served from memory, and one it has not is refused with
 * 503 {@code config_unavailable}, never a 404 or a 500. A template's announcement drops no other cached configuration.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PromptTemplatesOutageIntegrationTests {

    static final ControlPlane controlPlane = new ControlPlane();
    static final RedisProxy proxy = new RedisProxy();

    @Autowired
    WebTestClient client;

    @Autowired
    ChangesSeen changes;

    @DynamicPropertySource
    static void redisThroughProxy(DynamicPropertyRegistry registry) {
        registry.add("tollgate.redis.uri", proxy::uri);
    }

    @AfterAll
    static void cleanUp() {
        proxy.close();
        controlPlane.close();
    }

    @Test
    void servesACachedTemplateAndRefusesAnUncachedOneWhileRedisIsDown() throws InterruptedException {
        String key = controlPlane.key("*");
        String tenant = controlPlane.principal(key).tenantId();
        String seen = controlPlane.unique("seen");
        String unseen = controlPlane.unique("unseen");
        // Every announcement drops cached entries: let them all arrive before caching what the outage should find.
        changes.await(ConfigChange.ALL + ":");
        controlPlane.template(snapshot(tenant, seen));
        controlPlane.template(snapshot(tenant, unseen));
        changes.await("template:" + tenant + ":" + seen);
        changes.await("template:" + tenant + ":" + unseen);
        post(key, seen).expectStatus().isOk();
        // Another template's announcement drops only that template: the cached key, route and budgets stay.
        String other = controlPlane.unique("other");
        controlPlane.template(snapshot(tenant, other));
        changes.await("template:" + tenant + ":" + other);

        proxy.cut();
        try {
            post(key, seen)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.choices[0].message.content")
                    .value(content -> assertThat((String) content).endsWith("You said: hello from " + seen));
            post(key, unseen)
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectBody()
                    .jsonPath("$.error.code")
                    .isEqualTo("config_unavailable");
        } finally {
            proxy.restore();
        }
    }

    private WebTestClient.ResponseSpec post(String key, String template) {
        return client.post()
                .uri("/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"template:" + template + "\"}")
                .exchange();
    }

    private static TemplateSnapshot snapshot(String tenant, String name) {
        PublishedPrompt prompt = new PublishedPrompt(
                1,
                List.of(new PromptMessage("user", "hello from " + name)),
                "mock-chat",
                Map.of(),
                List.of(),
                Instant.now());
        return new TemplateSnapshot("tpl-" + name, name, tenant, List.of(prompt), Map.of("production", 1));
    }

    /** Records the configuration changes this gateway has received. */
    static final class ChangesSeen {

        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        @EventListener
        void on(ConfigChange change) {
            seen.add(change.kind() + ":" + change.id());
        }

        void await(String change) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!seen.contains(change) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(seen).contains(change);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Changes {

        @Bean
        ChangesSeen changesSeen() {
            return new ChangesSeen();
        }
    }
}
