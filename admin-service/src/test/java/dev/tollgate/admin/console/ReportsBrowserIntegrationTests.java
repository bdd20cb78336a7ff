package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.admin.TestDatabase;
import dev.tollgate.model.usage.UsageKeys;
import dev.tollgate.model.usage.UsageRecorded;
import dev.tollgate.model.usage.UsageStatus;
import dev.tollgate.testsupport.ServiceProcess;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.StreamEntryID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finance user in real headless Chromium opens Reports, downloads this month's chargeback CSV, and its TOTAL row says
 * what the usage service's JSON says. The usage service is the real one: its packaged jar (built before this module,
 * or named by {@code -Dtollgate.usage.jar=…}) in a child process ({@link ServiceProcess}) on the same Redis and
 * Postgres, fed real usage events through the stream.
 */
class ReportsBrowserIntegrationTests extends AdminIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path USAGE_JAR = Path.of(
            System.getProperty("tollgate.usage.jar", "../usage-service/target/usage-service-0.1.0-SNAPSHOT.jar"));
    private static final Duration USAGE_START_TIMEOUT = Duration.ofSeconds(90);
    private static final ServiceProcess usage = startUsageService();

    @DynamicPropertySource
    static void usageService(DynamicPropertyRegistry registry) {
        registry.add("tollgate.usage.base-url", ReportsBrowserIntegrationTests::usageUrl);
    }

    @AfterAll
    static void stopUsage() {
        usage.close();
    }

    @Value("${local.server.port}")
    int port;

    @Nullable
    ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void financeDownloadsThisMonthsCsvWhoseTotalRowMatchesTheApi() throws Exception {
        TestUser finance = user("FINANCE", null, "read");
        post("/api/v1/resync", Map.of()).exchange().expectStatus().isOk(); // publishes the finance user's API token
        publishUsage(createTenant(unique("brw-a")), createTenant(unique("brw-b")));
        Path downloads = Files.createTempDirectory("tollgate-downloads-");
        LocalDate from = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        LocalDate to = from.plusMonths(1);

        signIn(finance, downloads);
        browser.findElement(By.linkText("Reports")).click();
        wait(browser)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#chargeback-table, #usage-unavailable")));
        assertThat(browser.findElements(By.id("usage-unavailable")))
                .as(
                        "the page's notice: %s",
                        browser.findElements(By.id("usage-unavailable")).stream()
                                .map(e -> e.getText())
                                .toList())
                .isEmpty();
        screenshot("console-reports.png");
        browser.executeScript("document.getElementById('chart-spend-by-tenant').scrollIntoView()");
        screenshot("console-reports-charts.png");
        browser.findElement(By.id("download-csv")).click();
        Path csv = downloaded(downloads, "chargeback_" + from + "_" + to + ".csv");

        List<String> lines =
                Files.readAllLines(csv).stream().filter(line -> !line.isBlank()).toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<String> total = List.of(lines.get(lines.size() - 1).split(",", -1));
        assertThat(total.get(0)).isEqualTo("TOTAL");
        JsonNode totals = chargebackJson(finance.token(), from, to).path("totals");
        for (String metric : List.of(
                "requests", "prompt_tokens", "completion_tokens", "cached_tokens", "reasoning_tokens", "cost")) {
            String inCsv = total.get(header.indexOf(metric));
            assertThat(new BigDecimal(inCsv))
                    .as(metric)
                    .isEqualByComparingTo(new BigDecimal(totals.path(metric).asString()));
        }
        assertThat(browser.findElement(By.id("chargeback-totals")).getText()).startsWith("TOTAL");
    }

    private void signIn(TestUser user, Path downloads) {
        browser = Chromium.start(downloads);
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user.email());
        browser.findElement(By.id("password")).sendKeys(USER_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("tenant-count")));
    }

    /** Waits until Chromium has finished writing the file (it writes {@code .crdownload} until then). */
    private Path downloaded(Path directory, String name) {
        Path file = directory.resolve(name);
        wait(browser)
                .until(ignored -> Files.isRegularFile(file) && !Files.exists(directory.resolve(name + ".crdownload")));
        return file;
    }

    /** What the usage API answers for the same report, asked directly with the user's API token. */
    private static JsonNode chargebackJson(String apiToken, LocalDate from, LocalDate to) throws Exception {
        URI uri = URI.create(usageUrl() + "/api/v1/reports/chargeback?from=" + from + "&to=" + to
                + "&timezone=UTC&group_by=tenant&format=json&totals=true");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + apiToken)
                .GET()
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JsonMapper.builder().build().readTree(response.body());
        }
    }

    private static String usageUrl() {
        return usage.baseUrl();
    }

    /**
     * The usage service reads the API tokens and console keys admin publishes to Redis and keeps its ledger in the test
     * database.
     */
    private static ServiceProcess startUsageService() {
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
                "usage-service", USAGE_JAR, port, List.of(), environment, "usage-browser-test.log");
        service.awaitHealthy(USAGE_START_TIMEOUT);
        return service;
    }

    // Real events through the real stream: two requests of the first tenant, one of the second, at awkward prices.
    private void publishUsage(String first, String second) throws InterruptedException {
        List<String> eventIds = new java.util.ArrayList<>();
        for (String[] request : List.of(
                new String[] {first, "0.0001959750"}, new String[] {first, "0.0000000375"}, new String[] {second, "1.5"
                })) {
            UsageRecorded event = event(request[0], new BigDecimal(request[1]));
            redis.xadd(UsageKeys.EVENTS_STREAM, StreamEntryID.NEW_ENTRY, event.toFields());
            eventIds.add(event.eventId());
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ingested(eventIds) < eventIds.size()) {
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

    private static UsageRecorded event(String tenant, BigDecimal cost) {
        return new UsageRecorded(
                UsageRecorded.SCHEMA_VERSION,
                java.util.UUID.randomUUID().toString(),
                "req-" + java.util.UUID.randomUUID(),
                java.time.Instant.now(),
                tenant,
                java.util.UUID.randomUUID().toString(),
                "émilie, \"ops\"",
                Map.of(),
                "gpt-4o-mini",
                null,
                "openai",
                "gpt-4o-mini",
                1234,
                89,
                0,
                0,
                0,
                false,
                cost,
                "2026-01-01T00:00:00Z",
                true,
                UsageStatus.SUCCESS,
                200,
                400,
                null,
                false,
                0,
                "cc-browser",
                null,
                null,
                null,
                null,
                null);
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
