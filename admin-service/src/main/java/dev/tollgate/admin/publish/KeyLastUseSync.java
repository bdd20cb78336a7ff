package dev.tollgate.admin.publish;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Copies the keys' last use, which gateways record in Redis, into {@code virtual_key.last_used_at}. The column only
 * ever moves forward, so applying an entry again changes nothing: the hash is left in place (it holds at most one
 * field per key) and no entry a gateway writes meanwhile can be lost.
 */
@Component
class KeyLastUseSync {

    /** Field: key id, value: ISO-8601 instant. Written by gateway-service's {@code usage.KeyLastUse}. */
    static final String HASH = "tollgate:keys:last-used";

    private static final Logger log = LoggerFactory.getLogger(KeyLastUseSync.class);
    private static final String UPDATE_SQL = """
            update virtual_key k set last_used_at = u.used_at
            from (select cast(t.id as uuid) as id, cast(t.used_at as timestamptz) as used_at
                  from unnest(cast(:ids as text[]), cast(:times as text[])) as t(id, used_at)) u
            where k.id = u.id and (k.last_used_at is null or k.last_used_at < u.used_at)
            """;

    private final BlockingRedis redis;
    private final DatabaseClient database;

    KeyLastUseSync(BlockingRedis redis, DatabaseClient database) {
        this.redis = redis;
        this.database = database;
    }

    /** Applies every recorded last use in one statement; completes with the number of keys moved forward. */
    Mono<Long> run() {
        return redis.call(jedis -> jedis.hgetAll(HASH))
                .map(KeyLastUseSync::parsed)
                .filter(uses -> !uses.ids().isEmpty())
                .flatMap(this::applied)
                .defaultIfEmpty(0L);
    }

    private Mono<Long> applied(LastUses uses) {
        return database.sql(UPDATE_SQL)
                .bind("ids", uses.ids().toArray(String[]::new))
                .bind("times", uses.times().toArray(String[]::new))
                .fetch()
                .rowsUpdated();
    }

    /** The well-formed entries; anything else in the hash is skipped, so one bad field cannot block the rest. */
    private static LastUses parsed(Map<String, String> fields) {
        LastUses uses = new LastUses(new ArrayList<>(), new ArrayList<>());
        fields.forEach((keyId, usedAt) -> {
            try {
                String id = UUID.fromString(keyId).toString();
                String time = Instant.parse(usedAt).toString();
                uses.ids().add(id);
                uses.times().add(time);
            } catch (IllegalArgumentException | DateTimeParseException malformed) {
                log.debug("Skipping malformed last use {}={}: {}", keyId, usedAt, malformed.toString());
            }
        });
        return uses;
    }

    /** Parallel lists: {@code times.get(i)} is the last use of {@code ids.get(i)}. */
    private record LastUses(List<String> ids, List<String> times) {}
}
