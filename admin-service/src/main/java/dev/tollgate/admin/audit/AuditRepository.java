package dev.tollgate.admin.audit;

import dev.tollgate.admin.system.Paging;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the audit log, newest first; {@link AuditLog} is the only writer. */
@Repository
class AuditRepository {

    private final DatabaseClient database;

    AuditRepository(DatabaseClient database) {
        this.database = database;
    }

    Flux<AuditEntry> page(Paging paging) {
        return database.sql("select id, at, actor, action, target_type, target_id, remote_address from audit_log"
                        + " order by id desc limit :limit offset :offset")
                .bind("limit", paging.size())
                .bind("offset", paging.offset())
                .map(AuditRepository::entry)
                .all();
    }

    Mono<Long> count() {
        return database.sql("select count(*) from audit_log")
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private static AuditEntry entry(Readable row) {
        Long id = row.get("id", Long.class);
        return new AuditEntry(
                id == null ? 0 : id,
                row.get("at", Instant.class),
                row.get("actor", String.class),
                row.get("action", String.class),
                row.get("target_type", String.class),
                row.get("target_id", String.class),
                row.get("remote_address", String.class));
    }
}
