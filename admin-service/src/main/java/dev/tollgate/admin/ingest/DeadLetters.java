package dev.tollgate.admin.ingest;

import dev.tollgate.admin.publish.StreamTail;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the usage service's dead-letter stream. Fails with the Redis error rather than answering "none": an empty list
 * would claim every event reached the ledger, which is exactly what nobody can tell while Redis is down.
 */
@Component
public class DeadLetters {

    private final StreamTail streams;
    private final IngestProperties properties;

    DeadLetters(StreamTail streams, IngestProperties properties) {
        this.streams = streams;
        this.properties = properties;
    }

    /**
     * Whether {@code caller} may see dead letters: platform-wide admins and finance, as for reconciliation drift,
     * because the entries span every tenant.
     */
    public static boolean visibleTo(Caller caller) {
        return caller.platformWide() && caller.has(Role.PLATFORM_ADMIN, Role.FINANCE);
    }

    /** How many events are dead-lettered, and the newest {@code limit} of them. */
    public Mono<DeadLetterBacklog> newest(int limit) {
        return streams.of(properties.deadLetterStream(), limit).map(DeadLetters::backlog);
    }

    private static DeadLetterBacklog backlog(StreamTail.Tail tail) {
        return new DeadLetterBacklog(
                tail.length(), tail.newest().stream().map(DeadLetter::of).toList());
    }
}
