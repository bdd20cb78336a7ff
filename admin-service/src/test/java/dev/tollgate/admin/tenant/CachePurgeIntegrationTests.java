package dev.tollgate.admin.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.config.ConfigKeys;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import tools.jackson.databind.json.JsonMapper;

/** Purging a tenant's or a model's cached answers reaches every gateway as a change announcement, and is audited. */
class CachePurgeIntegrationTests extends AdminIntegrationTest {

    @Test
    void aTenantPurgeIsAnnouncedToTheGateways() throws Exception {
        String tenant = createTenant(unique("purge"));

        List<Map<?, ?>> heard = listenWhile(() -> post("/api/v1/tenants/" + tenant + "/cache/purge", Map.of())
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.scope")
                .isEqualTo("tenant")
                .jsonPath("$.id")
                .isEqualTo(tenant));

        assertThat(heard).contains(Map.of("kind", "cache", "id", tenant));
        Long audited = database.sql(
                        "select count(*) from audit_log where action = 'tenant.cache_purged' and target_id = :id")
                .bind("id", tenant)
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aModelPurgeReachesEveryTenantAndRefusesAnOverlongName() throws Exception {
        List<Map<?, ?>> heard = listenWhile(() -> post("/api/v1/models/mock-chat/cache/purge", Map.of())
                .exchange()
                .expectStatus()
                .isAccepted());

        assertThat(heard).contains(Map.of("kind", "cache-route", "id", "mock-chat"));
        post("/api/v1/models/" + "m".repeat(201) + "/cache/purge", Map.of())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void aUrlTheFirewallRefusesIsAnsweredWithProblemDetails() {
        post("/api/v1/models/%09bad/cache/purge", Map.of())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400);
    }

    // Subscribes on the channel the gateways listen to, runs the call, and returns what was announced meanwhile.
    private static List<Map<?, ?>> listenWhile(Runnable call) throws InterruptedException {
        List<Map<?, ?>> heard = new CopyOnWriteArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        JsonMapper json = JsonMapper.builder().build();
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                heard.add(json.readValue(message, Map.class));
            }
        };
        Thread thread = Thread.ofPlatform().daemon().start(() -> {
            try (Jedis jedis = new Jedis(URI.create(redisUri()))) {
                jedis.subscribe(listener, ConfigKeys.CHANGES_CHANNEL);
            }
        });
        assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
        call.run();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (heard.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        listener.unsubscribe();
        thread.join(5_000);
        return heard;
    }
}
