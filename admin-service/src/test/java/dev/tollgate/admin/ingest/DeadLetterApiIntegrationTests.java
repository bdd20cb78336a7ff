package dev.tollgate.admin.ingest;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.usage.UsageRecorded;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code GET /api/v1/usage/dead-letters} against real Redis, on a stream of this class's own. */
class DeadLetterApiIntegrationTests extends AdminIntegrationTest {

    static final String STREAM = "test:dead-letter:" + UUID.randomUUID();

    @DynamicPropertySource
    static void deadLetterStream(DynamicPropertyRegistry registry) {
        registry.add("tollgate.usage.ingest.dead-letter-stream", () -> STREAM);
    }

    UsageRecorded older;
    UsageRecorded newer;
    String newerId;

    @BeforeEach
    void twoDeadLetters() {
        older = DeadLetterFixtures.event("tenant-" + UUID.randomUUID(), "key-1");
        newer = DeadLetterFixtures.event("tenant-" + UUID.randomUUID(), "key-2");
        DeadLetterFixtures.deadLetter(redis, STREAM, older, "ledger insert failed");
        newerId = DeadLetterFixtures.deadLetter(redis, STREAM, newer, DeadLetterFixtures.HOSTILE_ERROR);
    }

    @AfterEach
    void dropStream() {
        redis.del(STREAM);
    }

    @Test
    void listsTheCountAndTheNewestFirstForPlatformAdminsAndFinance() {
        get("/api/v1/usage/dead-letters", user("FINANCE", null, "read").token())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(2)
                .jsonPath("$.entries.length()")
                .isEqualTo(2)
                .jsonPath("$.entries[0].id")
                .isEqualTo(newerId)
                .jsonPath("$.entries[0].event_id")
                .isEqualTo(newer.eventId())
                .jsonPath("$.entries[0].tenant_id")
                .isEqualTo(newer.tenantId())
                .jsonPath("$.entries[0].key_id")
                .isEqualTo("key-2")
                .jsonPath("$.entries[0].requested_model")
                .isEqualTo("gpt-4o-mini")
                .jsonPath("$.entries[0].error")
                .isEqualTo(DeadLetterFixtures.HOSTILE_ERROR)
                .jsonPath("$.entries[0].original_id")
                .isNotEmpty()
                .jsonPath("$.entries[0].consumer")
                .isEqualTo("usage-host-1")
                .jsonPath("$.entries[1].event_id")
                .isEqualTo(older.eventId());
    }

    @Test
    void limitCutsTheListButNotTheCount() {
        get("/api/v1/usage/dead-letters?limit=1", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(2)
                .jsonPath("$.entries.length()")
                .isEqualTo(1)
                .jsonPath("$.entries[0].event_id")
                .isEqualTo(newer.eventId());
    }

    @Test
    void refusesALimitOutsideOneToTwoHundredAsAProblem() {
        for (String limit : List.of("0", "201", "-3", "many")) {
            get("/api/v1/usage/dead-letters?limit=" + limit, ADMIN_TOKEN)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith("application/problem+json");
        }
    }

    @Test
    void answersServiceUnavailableWhenRedisCannotBeRead() {
        redis.del(STREAM);
        redis.set(STREAM, "not a stream"); // every stream command on this key now fails with WRONGTYPE

        get("/api/v1/usage/dead-letters", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void refusesTenantScopedUsersAndPlatformViewers() {
        UUID tenant = UUID.fromString(createTenant(unique("dl")));

        for (String token : List.of(
                tokenFor("TENANT_ADMIN", tenant),
                tokenFor("FINANCE", tenant),
                user("VIEWER", null, "write").token())) {
            get("/api/v1/usage/dead-letters", token).exchange().expectStatus().isForbidden();
        }
        client.get().uri("/api/v1/usage/dead-letters").exchange().expectStatus().isUnauthorized();
    }
}
