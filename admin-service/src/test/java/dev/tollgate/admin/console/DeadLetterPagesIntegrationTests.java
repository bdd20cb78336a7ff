package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.admin.ingest.DeadLetterFixtures;
import dev.tollgate.model.usage.UsageRecorded;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reports page's dead-letter section against real Redis, on a stream of this class's own. The usage service is
 * pointed at a closed port: dead letters come from Redis and must show even while the report cannot.
 */
class DeadLetterPagesIntegrationTests extends AdminIntegrationTest {

    static final String STREAM = "test:dead-letter:" + UUID.randomUUID();

    @DynamicPropertySource
    static void deadLetterStream(DynamicPropertyRegistry registry) {
        registry.add("tollgate.usage.ingest.dead-letter-stream", () -> STREAM);
        registry.add("tollgate.usage.base-url", () -> "http://127.0.0.1:9");
    }

    @AfterEach
    void dropStream() {
        redis.del(STREAM);
    }

    @Test
    void financeSeesTheCountAndEachDeadLetterWithItsErrorEscaped() {
        UsageRecorded older = DeadLetterFixtures.event("tenant-" + UUID.randomUUID(), "key-older");
        UsageRecorded newer = DeadLetterFixtures.event("tenant-" + UUID.randomUUID(), "key-newer");
        DeadLetterFixtures.deadLetter(redis, STREAM, older, "ledger insert failed: deadlock detected");
        DeadLetterFixtures.deadLetter(redis, STREAM, newer, DeadLetterFixtures.HOSTILE_ERROR);

        String page = signedIn(user("FINANCE", null, "write")).html("/console/reports");

        assertThat(page)
                .contains("id=\"dead-letters\"")
                .contains("id=\"usage-unavailable\"")
                .contains("2 in total")
                .contains(older.eventId(), older.tenantId(), "key-older", "deadlock detected")
                .contains(newer.eventId(), newer.tenantId(), "key-newer", "gpt-4o-mini", "usage-host-1")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain(DeadLetterFixtures.HOSTILE_ERROR);
        assertThat(page.indexOf(newer.eventId())).isLessThan(page.indexOf(older.eventId()));
    }

    @Test
    void saysEveryEventReachedTheLedgerWhenThereAreNone() {
        String page = signedIn(user("PLATFORM_ADMIN", null, "write")).html("/console/reports");

        assertThat(page)
                .contains("id=\"dead-letters\"")
                .contains("0 in total")
                .contains("None — every usage event reached the")
                .doesNotContain("id=\"dead-letter-table\"");
    }

    @Test
    void tenantScopedUsersDoNotSeeTheSection() {
        UUID tenant = UUID.fromString(createTenant(unique("dl-page")));
        DeadLetterFixtures.deadLetter(
                redis, STREAM, DeadLetterFixtures.event(tenant.toString(), "key-own"), "ledger insert failed");

        String tenantAdmin = signedIn(user("TENANT_ADMIN", tenant, "write")).html("/console/reports");
        String tenantFinance = signedIn(user("FINANCE", tenant, "write")).html("/console/reports");

        assertThat(tenantAdmin).doesNotContain("id=\"dead-letters\"").doesNotContain("key-own");
        assertThat(tenantFinance).doesNotContain("id=\"dead-letters\"").doesNotContain("key-own");
    }

    @Test
    void saysRedisCannotBeReadAndStillRendersTheRestOfThePage() {
        redis.set(STREAM, "not a stream"); // every stream command on this key now fails with WRONGTYPE

        String page = signedIn(user("FINANCE", null, "write")).html("/console/reports");

        assertThat(page)
                .contains("id=\"dead-letters-unavailable\"")
                .contains("id=\"report-form\"")
                .doesNotContain("in total")
                .doesNotContain("None — every usage event");
    }

    private ConsoleSession signedIn(TestUser user) {
        ConsoleSession session = ConsoleSession.anonymous(client);
        assertThat(session.signIn(user.email(), USER_PASSWORD)).isEqualTo("/");
        return session;
    }
}
