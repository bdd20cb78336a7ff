package dev.tollgate.gateway.redis;

import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.config.ConfigKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relays the control plane's {@link ConfigChange} announcements from Redis pub/sub as application events, which the
 * caches of keys and routes listen to. After every (re)subscription it announces {@link ConfigChange#ALL}, because
 * messages sent while it was disconnected are lost.
 */
@Component
class ConfigChangeRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConfigChangeRelay.class);
    private static final ConfigChange EVERYTHING = new ConfigChange(ConfigChange.ALL, "");

    private final BlockingRedis redis;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile @Nullable AutoCloseable subscription;

    ConfigChangeRelay(BlockingRedis redis, ApplicationEventPublisher events) {
        this.redis = redis;
        this.events = events;
    }

    @Override
    public void start() {
        subscription = redis.listen(ConfigKeys.CHANGES_CHANNEL, this::received, () -> events.publishEvent(EVERYTHING));
    }

    @Override
    public void stop() {
        AutoCloseable open = subscription;
        subscription = null;
        if (open != null) {
            try {
                open.close();
            } catch (Exception failure) {
                log.debug("closing the configuration subscription failed", failure);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }

    private void received(String message) {
        events.publishEvent(parse(message));
    }

    // A message that cannot be read still means something changed: dropping everything is the safe reading.
    private ConfigChange parse(String message) {
        try {
            ConfigChange change = json.readValue(message, ConfigChange.class);
            return change.kind() == null || change.id() == null ? EVERYTHING : change;
        } catch (JacksonException unreadable) {
            log.warn(
                    "unreadable configuration change, dropping every cached entry: {}",
                    unreadable.getOriginalMessage());
            return EVERYTHING;
        }
    }
}
