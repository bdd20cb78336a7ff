package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.admin.TestDatabase;
import dev.tollgate.model.usage.UsageKeys;
import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageRecorded.CacheUse;
import dev.tollgate.model.usage.UsageRecorded.GuardrailUse;
import dev.tollgate.model.usage.UsageRecorded.TemplateUse;
import dev.tollgate.model.usage.UsageStatus;
import dev.tollgate.testsupport.ServiceProcess;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.StreamEntryID;

/**
 * The guardrail-hits and cache pages against the real usage service (its packaged jar in a child process, on the same
 * Redis and Postgres), fed real usage events through the stream: what the pages show is what the ledger holds.
 */
class RequestTimeReportPagesIntegrationTests extends AdminIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path USAGE_JAR = Path.of(
            System.getProperty("tollgate.usage.jar", "../usage-service/target/usage-service-0.1.0-SNAPSHOT.jar"));
    private static final ServiceProcess usage = startUsageService();

    @DynamicPropertySource
    static void usageService(DynamicPropertyRegistry registry) {
        registry.add("tollgate.usage.base-url", usage::baseUrl);
    }

    @AfterAll
    static void stopUsage() {
        usage.close();
    }

    String first;
    String second;
    String firstId;
    String secondId;
    String blockedRequest;

    @BeforeEach
    void usageOfTwoTenants() throws InterruptedException {
        first = unique("rt-a");
        second = unique("rt-b");
        firstId = createTenant(first);
        secondId = createTenant(second);
        UsageRecorded blocked = event(firstId, "0", new GuardrailUse("blocked", List.of("injection")), null, null);
        blockedRequest = blocked.requestId();
        publish(List.of(
                event(
                        firstId,
                        "0.0000012345",
                        new GuardrailUse("redacted", List.of("pii.email", "pii.phone")),
                        null,
                        null),
                blocked,
                event(firstId, "0", null, new CacheUse("hit", new BigDecimal("0.0001959750")), null),
                event(firstId, "0", null, new CacheUse("semantic-hit", new BigDecimal("0.0000000375")), null),
                event(
                        secondId,
                        "0",
                        new GuardrailUse("logged", List.of("deny_list")),
                        new CacheUse("hit", BigDecimal.ONE),
                        null)));
    }

    @Test
    void financeSeesEachTenantsGuardrailHitsWithoutTheMatchedText() {
        ConsoleSession finance = signedIn(user("FINANCE", null, "write"));

        String page = finance.html("/console/reports/guardrails?tenant=" + firstId);

        assertThat(page)
                .contains("id=\"guardrail-counts\"")
                .contains(first)
                .contains("pii.phone")
                .contains("injection")
                .contains(blockedRequest)
                .doesNotContain("deny_list")
                .doesNotContain("id=\"usage-unavailable\"");
        assertThat(totalCell(page, "guardrail-totals")).isEqualTo("3");
    }

    @Test
    void showsTheCacheHitRatioAndTheExactSavingsPerTenant() {
        ConsoleSession finance = signedIn(user("FINANCE", null, "write"));

        String page = finance.html("/console/reports/cache?tenant=" + firstId);

        // Three answered requests of the first tenant (the blocked one was not answered): one exact, one semantic hit.
        assertThat(page)
                .contains("id=\"cache-table\"")
                .contains(first)
                .contains("66.7%")
                .contains("0.0001960125");
        assertThat(finance.html("/console/reports/cache")).contains(second).contains("1.0000000000");
    }

    @Test
    void aTenantAdminSeesOnlyItsOwnTenant() {
        ConsoleSession tenantAdmin = signedIn(user("TENANT_ADMIN", UUID.fromString(secondId), "write"));

        String hits = tenantAdmin.html("/console/reports/guardrails?tenant=" + firstId);
        String cache = tenantAdmin.html("/console/reports/cache");

        assertThat(hits).contains("deny_list").doesNotContain(blockedRequest).doesNotContain("pii.phone");
        assertThat(cache).contains("100.0%").doesNotContain("0.0001960125");
    }

    @Test
    void comparesATemplatesVersionsPerLabelOnItsPage() throws InterruptedException {
        String name = unique("rt-tpl");
        String template = createdId("/api/v1/templates", Map.of("name", name, "tenant_id", firstId));
        publish(List.of(
                event(firstId, "0.0000000375", null, null, new TemplateUse(name, 1, "production")),
                event(firstId, "0.0001959750", null, null, new TemplateUse(name, 2, "production")),
                event(firstId, "1.25", null, null, new TemplateUse(name, 2, "production")),
                event(secondId, "9", null, null, new TemplateUse(name, 2, "production"))));
        ConsoleSession finance = signedIn(user("FINANCE", null, "write"));

        String page = finance.html("/templates/" + template + "/usage");

        // The template is the first tenant's: the second tenant's request of the same name is not its usage.
        assertThat(page)
                .contains("id=\"version-usage\"")
                .contains("0.0000000375")
                .contains("1.2501959750")
                .doesNotContain("9.0000000000");
        assertThat(totalCell(page, "version-usage-totals")).isEqualTo("3");
    }

    @Test
    void saysSoWhenTheFormIsWrong() {
        ConsoleSession finance = signedIn(user("FINANCE", null, "write"));

        assertThat(finance.html("/console/reports/cache?from=2026-02-01&to=2026-01-01"))
                .contains("must be after the first day")
                .doesNotContain("id=\"cache-table\"");
    }

    private ConsoleSession signedIn(TestUser user) {
        ConsoleSession session = ConsoleSession.anonymous(client);
        assertThat(session.signIn(user.email(), USER_PASSWORD)).isEqualTo("/");
        return session;
    }

    private static String totalCell(String page, String rowId) {
        int row = page.indexOf("id=\"" + rowId + "\"");
        String rest = page.substring(row);
        int cell = rest.indexOf("num mono strong\">") + "num mono strong\">".length();
        return rest.substring(cell, rest.indexOf('<', cell));
    }

    private void publish(List<UsageRecorded> events) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (UsageRecorded event : events) {
            redis.xadd(UsageKeys.EVENTS_STREAM, StreamEntryID.NEW_ENTRY, event.toFields());
            ids.add(event.eventId());
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ingested(ids) < ids.size()) {
            assertThat(System.nanoTime())
                    .as("usage-service ingested the events in time")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private long ingested(List<String> eventIds) {
        return database.sql("select count(*) from tollgate_usage.usage_ledger where event_id::text = any(:ids)")
                .bind("ids", eventIds.toArray(String[]::new))
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }

    static UsageRecorded event(
            String tenant,
            String cost,
            @Nullable GuardrailUse guardrail,
            @Nullable CacheUse cache,
            @Nullable TemplateUse template) {
        boolean blocked = guardrail != null && guardrail.action().equals("blocked");
        return new UsageRecorded(
                UsageRecorded.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                "req-" + UUID.randomUUID(),
                Instant.now(),
                tenant,
                UUID.randomUUID().toString(),
                null,
                Map.of(),
                "gpt-4o-mini",
                null,
                "openai",
                "gpt-4o-mini",
                100,
                blocked ? 0 : 20,
                0,
                0,
                0,
                false,
                new BigDecimal(cost),
                "2026-01-01T00:00:00Z",
                true,
                blocked ? UsageStatus.REJECTED : UsageStatus.SUCCESS,
                blocked ? 400 : 200,
                120,
                null,
                false,
                0,
                null,
                blocked ? "content_policy_violation" : null,
                template,
                cache,
                null,
                guardrail);
    }

    static ServiceProcess startUsageService() {
        if (!Files.isRegularFile(USAGE_JAR)) {
            fail(
                    "No usage-service jar at %s. Build it: ./mvnw -B -q -pl usage-service -am package -DskipTests",
                    USAGE_JAR);
        }
        int port = ServiceProcess.freePort();
        Map<String, String> environment = new HashMap<>(TestDatabase.environment());
        environment.put("TOLLGATE_USAGE_PORT", Integer.toString(port));
        environment.put("TOLLGATE_REDIS_URI", redisUri());
        ServiceProcess service = ServiceProcess.launch(
                "usage-service", USAGE_JAR, port, List.of(), environment, "usage-request-time-test.log");
        service.awaitHealthy(Duration.ofSeconds(120));
        return service;
    }
}
