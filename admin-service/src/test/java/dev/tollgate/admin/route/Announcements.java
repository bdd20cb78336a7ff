package dev.tollgate.admin.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.config.ConfigKeys;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on the channel the gateways listen to while a test runs. Pub/sub is shared by every Redis database and so
 * by tests running in parallel: a test waits for the announcement it expects, not for the first one.
 */
final class Announcements implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<ConfigChange> heard;
    private final JedisPubSub listener;
    private final Thread thread;

    private Announcements(List<ConfigChange> heard, JedisPubSub listener, Thread thread) {
        this.heard = heard;
        this.listener = listener;
        this.thread = thread;
    }

    static Announcements listen() throws InterruptedException {
        CountDownLatch subscribed = new CountDownLatch(1);
        List<ConfigChange> heard = new CopyOnWriteArrayList<>();
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                heard.add(JSON.readValue(message, ConfigChange.class));
            }
        };
        Thread thread = Thread.ofPlatform().daemon().start(() -> {
            try (Jedis jedis = new Jedis(URI.create(AdminIntegrationTest.redisUri()))) {
                jedis.subscribe(listener, ConfigKeys.CHANGES_CHANNEL);
            }
        });
        assertThat(subscribed.await(10, TimeUnit.SECONDS)).as("subscribed").isTrue();
        return new Announcements(heard, listener, thread);
    }

    /** Whether {@code change} was announced within a few seconds. */
    boolean heard(ConfigChange change) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!heard.contains(change) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return heard.contains(change);
    }

    @Override
    public void close() throws InterruptedException {
        listener.unsubscribe();
        thread.join(5_000);
    }
}
