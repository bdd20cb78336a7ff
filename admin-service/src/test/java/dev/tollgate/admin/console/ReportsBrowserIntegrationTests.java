package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.admin.report.FakeUsageService;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finance user in real headless Chromium opens Reports, downloads this month's chargeback CSV, and its TOTAL row says
 * what the usage service's JSON says. The usage service is, in this order: the jar at {@code -Dtollgate.usage.jar=…}
 * started as a child process ({@link RunningUsageService}); one already running at {@code -Dtollgate.usage.url=…}
 * (reading the same Redis database); otherwise {@link FakeUsageService} on a real port.
 */
class ReportsBrowserIntegrationTests extends AdminIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final @Nullable String USAGE_JAR = System.getProperty("tollgate.usage.jar");
    private static final @Nullable RunningUsageService real =
            USAGE_JAR == null ? null : RunningUsageService.start(Path.of(USAGE_JAR));
    private static final @Nullable String REAL_USAGE =
            real != null ? real.baseUrl() : System.getProperty("tollgate.usage.url");
    private static final @Nullable FakeUsageService fake =
            REAL_USAGE == null ? FakeUsageService.start(redis::get) : null;

    @DynamicPropertySource
    static void usageService(DynamicPropertyRegistry registry) {
        registry.add("tollgate.usage.base-url", ReportsBrowserIntegrationTests::usageUrl);
    }

    @AfterAll
    static void stopUsage() {
        if (fake != null) {
            fake.close();
        }
        if (real != null) {
            real.close();
        }
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
        if (fake != null) {
            fake.reportTenants(createTenant(unique("brw-a")), createTenant(unique("brw-b")));
        }
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
        return REAL_USAGE != null ? REAL_USAGE : fake.baseUrl();
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
