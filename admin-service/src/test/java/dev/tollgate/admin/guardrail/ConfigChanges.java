package dev.tollgate.admin.guardrail;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.config.ConfigKeys;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import tools.jackson.databind.json.JsonMapper;

/** Listens on the channel the gateways listen to while a call runs, and answers what was announced meanwhile. */
final class ConfigChanges {

    private ConfigChanges() {}

    static List<Map<?, ?>> heardWhile(Runnable call) throws InterruptedException {
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
            try (Jedis jedis = new Jedis(URI.create(AdminIntegrationTest.redisUri()))) {
                jedis.subscribe(listener, ConfigKeys.CHANGES_CHANNEL);
            }
        });
        if (!subscribed.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Could not subscribe to " + ConfigKeys.CHANGES_CHANNEL);
        }
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
