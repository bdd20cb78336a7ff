package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.route.Deployment;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.RetryPolicy;
import dev.tollgate.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The console in real headless Chromium, end to end: a platform admin signs in, sets up a provider, a model and a
 * tenant, issues a key, and the key is checked against the real gateway running as a child process; and a prompt
 * template is drafted, published and previewed.
 */
class ConsoleBrowserIntegrationTests extends AdminIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Value("${local.server.port}")
    int port;

    ChromeDriver browser;
    WebDriverWait wait;
    final String email = unique("browser") + "@example.test";
    final String password = "pw-" + UUID.randomUUID();

    @BeforeEach
    void signIn() throws IOException {
        database.sql("insert into admin_user (email, password_hash, role) values (:email, :hash, 'PLATFORM_ADMIN')")
                .bind("email", email)
                .bind(
                        "hash",
                        PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                .encode(password))
                .then()
                .block();
        browser = Chromium.start();
        wait = new WebDriverWait(browser, WAIT);
        open("/login");
        screenshot("console-login.png");
        type("username", email);
        type("password", password);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tenant-count")));
        screenshot("console-dashboard.png");
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void issuedKeyWorksAtTheGatewayUntilItIsRevoked() throws IOException {
        String model = createMockModel();
        openTenant(createTenant());
        String secret = issueKey(model);

        try (RunningGateway gateway = RunningGateway.start(Map.of(
                "TOLLGATE_REDIS_URI", redisUri(),
                "TOLLGATE_KEY_HASH_SECRET", KEY_HASH_SECRET,
                "TOLLGATE_MASTER_KEY", MASTER_KEY))) {
            assertThat(gateway.chat(secret, model)).as("a valid key").isEqualTo(200);

            browser.findElement(By.id("done")).click();
            browser.findElement(By.linkText("Revoke")).click();
            browser.findElement(By.id("confirm")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#key-table .badge.revoked")));
            screenshot("console-tenant.png");

            assertThat(statusWithin(Duration.ofSeconds(5), 401, () -> gateway.chat(secret, model)))
                    .as("a revoked key")
                    .isEqualTo(401);
        }
    }

    @Test
    void showsTheSecretOnceAndProviderKeysOnlyByTheirLastFour() throws IOException {
        String tenant = createTenant();
        openTenant(tenant);
        String secret = issueKey("*");
        screenshot("console-key-issued.png");

        browser.findElement(By.id("done")).click();
        assertThat(browser.findElement(By.id("key-table")).getText()).contains(secret.substring(0, 12));
        assertThat(browser.getPageSource()).doesNotContain(secret);
        open("/tenants?q=" + tenant);
        assertThat(browser.getPageSource()).contains(tenant).doesNotContain(secret);
        open("/audit");
        assertThat(browser.getPageSource()).doesNotContain(secret);

        String providerKey = "sk-upstream-" + UUID.randomUUID() + "-WXYZ";
        open("/providers/new");
        type("name", unique("leaky"));
        new Select(browser.findElement(By.id("type"))).selectByValue("openai");
        type("baseUrl", "ftp://not-http.example");
        type("apiKey", providerKey);
        browser.findElement(By.id("create-provider")).click();
        assertThat(browser.findElement(By.className("error-text")).getText()).contains("https://");
        assertThat(browser.getPageSource()).doesNotContain(providerKey);

        String name = unique("upstream");
        type("name", name);
        type("baseUrl", "http://127.0.0.1:9/v1");
        type("apiKey", providerKey);
        browser.findElement(By.id("create-provider")).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='provider-table']//tr[td[text()='" + name + "']]")));
        assertThat(row.getText()).contains("••••WXYZ");
        assertThat(browser.getPageSource()).doesNotContain(providerKey);
        screenshot("console-providers.png");
    }

    @Test
    void publishedTemplatePreviewsWithTheTypedValuesTakenLiterally() throws IOException {
        open("/templates/new");
        type("name", unique("ui-prompt"));
        browser.findElement(By.id("create-template")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-version")))
                .click();
        type("content-0", "You are terse.");
        type("content-1", "Greet {{who}} from {{place}}, briefly.");
        type("model", "gpt-4o-mini");
        type("var-name-0", "who");
        new Select(browser.findElement(By.id("var-required-0"))).selectByValue("yes");
        type("var-name-1", "place");
        type("var-default-1", "Berlin");
        screenshot("console-template-editor.png");
        browser.findElement(By.id("save-draft")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("publish-1")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#version-table .badge.active")));
        browser.findElement(By.id("preview-1")).click();
        type("var-who", "{{secret}}");
        browser.findElement(By.id("render")).click();

        WebElement rendered = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rendered")));
        assertThat(rendered.getText()).contains("You are terse.").contains("Greet {{secret}} from Berlin, briefly.");
        screenshot("console-template-preview.png");
    }

    @Test
    void editsAModelsRoutingAndWillNotDeleteTheModelItFallsBackTo() throws IOException {
        String model = createMockModel();
        String provider = database.sql("select d.provider_id::text from deployment d join model_route r"
                        + " on r.id = d.route_id where r.name = :name")
                .bind("name", model)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
        String backup = unique("ui-backup");
        String backupId = createdId(
                "/api/v1/models",
                Map.of(
                        "name",
                        backup,
                        "deployments",
                        java.util.List.of(Map.of(
                                "provider_id",
                                provider,
                                "upstream_model",
                                "mock-chat",
                                "input_price_per_mtok",
                                "1",
                                "output_price_per_mtok",
                                "2"))));

        open("/models");
        browser.findElement(By.id("edit-" + model)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("model-form")));
        new Select(browser.findElement(By.id("strategy"))).selectByValue("weighted");
        new Select(browser.findElement(By.id("dep-provider-1"))).selectByValue(provider);
        type("dep-model-1", "mock-chat-canary");
        type("dep-input-1", "0.20");
        type("dep-output-1", "0.80");
        screenshot("console-model-edit-deployments.png");
        type("retry-max", "2");
        type("retry-backoff", "250");
        new Select(browser.findElement(By.id("fb-model-0"))).selectByValue(backup);
        browser.findElement(By.id("fb-on-0-rate_limited")).click();
        browser.findElement(By.id("fb-on-0-timeout")).click();
        new Select(browser.findElement(By.id("cache-mode"))).selectByValue("deterministic");
        screenshot("console-model-edit.png");
        browser.findElement(By.id("save-model")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        screenshot("console-models-routed.png");

        ModelRoute route = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readValue(redis.get(ConfigKeys.route(model)), ModelRoute.class);
        assertThat(route.strategy()).isEqualTo("weighted");
        assertThat(route.deployments()).extracting(Deployment::upstreamModel).contains("mock-chat", "mock-chat-canary");
        assertThat(route.retry()).isEqualTo(new RetryPolicy(2, 250, null));
        assertThat(route.fallbacks())
                .containsExactly(new Fallback(backup, java.util.List.of("rate_limited", "timeout")));
        assertThat(route.cache().mode()).isEqualTo("deterministic");
        assertThat(browser.findElement(By.id("model-table")).getText())
                .contains(backup)
                .contains("rate limited, timeout");

        open("/models/" + backupId + "/delete");
        assertThat(browser.findElement(By.id("fallback-of")).getText()).contains(model);
        assertThat(browser.findElements(By.id("confirm"))).isEmpty();
        screenshot("console-model-delete-refused.png");
    }

    private String createMockModel() throws IOException {
        String provider = unique("mock");
        open("/providers/new");
        type("name", provider);
        new Select(browser.findElement(By.id("type"))).selectByValue("mock");
        browser.findElement(By.id("create-provider")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("provider-table")));

        String model = unique("ui-chat");
        open("/models/new");
        type("name", model);
        new Select(browser.findElement(By.id("providerId"))).selectByVisibleText(provider + " (mock)");
        type("upstreamModel", "mock-chat");
        type("inputPrice", "0.15");
        type("outputPrice", "0.60");
        browser.findElement(By.id("create-model")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("model-table"), model));
        screenshot("console-models.png");
        return model;
    }

    private String createTenant() {
        String slug = unique("ui");
        open("/tenants/new");
        type("name", "Browser " + slug);
        type("slug", slug);
        browser.findElement(By.id("create-tenant")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issue-key")));
        return slug;
    }

    private void openTenant(String slug) {
        open("/tenants?q=" + slug);
        browser.findElement(By.linkText("Browser " + slug)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issue-key")));
    }

    private String issueKey(String model) throws IOException {
        browser.findElement(By.id("issue-key")).click();
        type("name", unique("app"));
        new Select(browser.findElement(By.id("models"))).selectByValue(model);
        type("rpmLimit", "120");
        screenshot("console-key-form.png");
        browser.findElement(By.id("issue")).click();
        WebElement secret = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("secret")));
        assertThat(browser.getPageSource()).contains("shown only this once");
        return secret.getDomProperty("value");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Revocation reaches the gateway by pub/sub, so it is given a few seconds; any other answer is returned as is. */
    private static int statusWithin(Duration limit, int expected, java.util.function.IntSupplier call) {
        Instant deadline = Instant.now().plus(limit);
        int status = call.getAsInt();
        while (status != expected && Instant.now().isBefore(deadline)) {
            ServiceProcess.pause(Duration.ofMillis(200));
            status = call.getAsInt();
        }
        return status;
    }
}
