package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.key.KeyHasher;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Console pages over HTTP as a signed-in platform admin: forms, inline errors, confirmations and error pages. */
class ConsolePagesIntegrationTests extends AdminIntegrationTest {

    private static final Pattern SECRET = Pattern.compile("id=\"secret\" value=\"(sk-tg-[^\"]+)\"");

    ConsoleSession admin;

    @BeforeEach
    void signIn() {
        String email = unique("pages") + "@example.test";
        database.sql("insert into admin_user (email, password_hash, role) values (:e, :h, 'PLATFORM_ADMIN')")
                .bind("e", email)
                .bind(
                        "h",
                        PasswordEncoderFactories.createDelegatingPasswordEncoder()
                                .encode("pw"))
                .then()
                .block();
        admin = ConsoleSession.anonymous(client);
        assertThat(admin.signIn(email, "pw")).isEqualTo("/");
    }

    @Test
    void showsValidationErrorsNextToTheFieldsAndKeepsWhatWasTyped() {
        EntityExchangeResult<String> result =
                admin.post("/tenants/new", "/tenants", form("name", "Acme Search", "slug", "Not A Slug"));

        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(result.getResponseBody())
                .contains("must be lowercase letters, digits and inner hyphens")
                .contains("value=\"Acme Search\"")
                .contains("value=\"Not A Slug\"");
    }

    @Test
    void reportsATakenSlugOnTheForm() {
        String slug = unique("dup");
        createTenant(slug);

        String page = admin.post("/tenants/new", "/tenants", form("name", "Again", "slug", slug))
                .getResponseBody();

        assertThat(page).contains("is already taken by another tenant");
    }

    @Test
    void findsTenantsByPartOfTheirNameOrSlug() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        createTenant("find-" + marker);

        assertThat(admin.html("/tenants?q=" + marker)).contains("find-" + marker);
        assertThat(admin.html("/tenants?q=no-such-" + marker)).contains("No tenant matches");
    }

    @Test
    void suspendsATenantOnlyAfterConfirmation() {
        String tenant = createTenant(unique("susp"));

        assertThat(admin.html("/tenants/" + tenant + "/suspend")).contains("Suspend tenant");
        assertThat(status(tenant)).isEqualTo("active");
        String location = admin.post("/tenants/" + tenant + "/suspend", "/tenants/" + tenant + "/suspend", form())
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(location).isEqualTo("/tenants/" + tenant + "?suspended");
        assertThat(status(tenant)).isEqualTo("suspended");
        assertThat(admin.html(location)).contains("The tenant was suspended.").contains("activate-tenant");
    }

    @Test
    void asksForAtLeastOneModelWhenIssuingAKey() {
        String tenant = createTenant(unique("nomodel"));

        String page = admin.post(
                        "/tenants/" + tenant + "/keys/new", "/tenants/" + tenant + "/keys", form("name", "app"))
                .getResponseBody();

        assertThat(page).contains("choose at least one model");
    }

    @Test
    void rotatingShowsTheNewSecretOnceWithoutCachingIt() {
        String tenant = createTenant(unique("rotate"));
        String first = issue(tenant);
        String keyId = database.sql("select id::text from virtual_key where tenant_id = :t")
                .bind("t", UUID.fromString(tenant))
                .map(row -> row.get(0, String.class))
                .one()
                .block();

        EntityExchangeResult<String> rotated =
                admin.post("/keys/" + keyId + "/rotate", "/keys/" + keyId + "/rotate", form());

        assertThat(rotated.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        String second = secretIn(rotated.getResponseBody());
        assertThat(second).isNotEqualTo(first);
        assertThat(rotated.getResponseBody()).contains("The previous secret keeps working until");
        KeyHasher hasher = new KeyHasher(KEY_HASH_SECRET);
        assertThat(redis.exists(ConfigKeys.key(hasher.hash(first)))).isTrue();
        assertThat(redis.exists(ConfigKeys.key(hasher.hash(second)))).isTrue();
        assertThat(admin.html("/tenants/" + tenant)).doesNotContain(first).doesNotContain(second);
    }

    @Test
    void asksForAProviderWhenAddingAModel() {
        String page = admin.post(
                        "/models/new",
                        "/models",
                        form(
                                "name",
                                unique("m"),
                                "strategy",
                                "priority",
                                "upstreamModel",
                                "x",
                                "inputPrice",
                                "1",
                                "outputPrice",
                                "2"))
                .getResponseBody();

        assertThat(page).contains("choose a provider");
    }

    @Test
    void addsAModelWithItsCacheWritePriceAndRefusesANegativeOne() {
        String provider = createdId("/api/v1/providers", Map.of("name", unique("mock"), "type", "mock"));
        String name = unique("m");
        MultiValueMap<String, String> model = form(
                "name", name,
                "strategy", "priority",
                "providerId", provider,
                "upstreamModel", "mock-chat",
                "inputPrice", "3",
                "outputPrice", "15",
                "cacheWritePrice", "-1");

        String refused = admin.post("/models/new", "/models", model).getResponseBody();
        model.set("cacheWritePrice", "3.75");
        String location = admin.post("/models/new", "/models", model)
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(refused).contains("must be greater than or equal to 0").contains("value=\"-1\"");
        assertThat(location).isEqualTo("/models?created=" + name);
        assertThat(redis.get(ConfigKeys.route(name))).contains("\"cache_write_per_mtok\":\"3.75");
    }

    @Test
    void rendersErrorsThroughTheErrorPage() {
        String missing = admin.get("/tenants/" + UUID.randomUUID())
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(missing).contains("error-detail").contains("tenant not found");

        String unknown = admin.get("/no-such-page")
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(unknown).contains("There is nothing at this address.");
    }

    @Test
    void showsCountsAndRecentChangesOnTheDashboardAndInTheAuditLog() {
        String slug = unique("dash");
        String tenant = createTenant(slug);

        assertThat(admin.html("/"))
                .contains("tenant-count")
                .contains("Recent changes")
                .contains(tenant);
        assertThat(admin.html("/audit")).contains("tenant.create").contains(tenant);
    }

    private String issue(String tenant) {
        MultiValueMap<String, String> key = form("name", "app", "rpmLimit", "60");
        key.addAll("models", List.of("*"));
        EntityExchangeResult<String> issued =
                admin.post("/tenants/" + tenant + "/keys/new", "/tenants/" + tenant + "/keys", key);
        assertThat(issued.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
        return secretIn(issued.getResponseBody());
    }

    private String status(String tenant) {
        return database.sql("select status from tenant where id = :id")
                .bind("id", UUID.fromString(tenant))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private static String secretIn(String html) {
        Matcher secret = SECRET.matcher(html);
        assertThat(secret.find()).as("a secret in the page").isTrue();
        return secret.group(1);
    }

    @Test
    void showsBudgetErrorsInlineThenShowsTheLimitOnTheTenantPage() {
        String tenant = createTenant(unique("budgeted"));
        String newBudget = "/budgets/new?scope=tenant&scopeId=" + tenant;

        String invalid = admin.post(newBudget, "/budgets", budgetForm(tenant, "Moon/Base", "50, 120"))
                .getResponseBody();
        String location = admin.post(newBudget, "/budgets", budgetForm(tenant, "Europe/Berlin", "50, 80, 100"))
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(invalid)
                .contains("must be an IANA time zone")
                .contains("must be less than or equal to 100")
                .contains("value=\"Moon/Base\"");
        assertThat(location).endsWith("&saved");
        assertThat(admin.html("/tenants/" + tenant))
                .contains("$250.5")
                .contains("live from the gateway's counters")
                .contains("80%");
    }

    @Test
    void deletesABudgetOnlyAfterConfirmation() {
        String tenant = createTenant(unique("unbudgeted"));
        String newBudget = "/budgets/new?scope=tenant&scopeId=" + tenant;
        admin.post(newBudget, "/budgets", budgetForm(tenant, "UTC", "100"));
        String id = database.sql("select id::text from budget where scope_id = :id")
                .bind("id", UUID.fromString(tenant))
                .map(row -> row.get(0, String.class))
                .one()
                .block();

        assertThat(admin.html("/budgets/" + id + "/delete")).contains("Delete budget");
        admin.post("/budgets/" + id + "/delete", "/budgets/" + id + "/delete", form());

        assertThat(admin.html("/budgets?scope=tenant&scopeId=" + tenant)).contains("No budgets match.");
    }

    @Test
    void namesUndeclaredVariablesInTheEditorAndKeepsCommasInMessages() {
        String template = createdId("/api/v1/templates", java.util.Map.of("name", unique("edited")));
        String editor = "/templates/" + template + "/versions/new";

        String refused = admin.post(
                        editor, "/templates/" + template + "/versions", draftForm("Hi {{who}}, {{what}}", ""))
                .getResponseBody();
        admin.post(editor, "/templates/" + template + "/versions", draftForm("Hi {{who}}, welcome", "who"));

        assertThat(refused).contains("use undeclared variables: who, what").contains("Hi {{who}}, {{what}}");
        assertThat(admin.html("/templates/" + template)).contains("v1").contains("draft");
        get("/api/v1/templates/" + template + "/versions/1", ADMIN_TOKEN)
                .exchange()
                .expectBody()
                .jsonPath("$.messages[1].content")
                .isEqualTo("Hi {{who}}, welcome");
    }

    private static MultiValueMap<String, String> budgetForm(String tenant, String timezone, String thresholds) {
        return form(
                "scope", "tenant",
                "scopeId", tenant,
                "amountUsd", "250.50",
                "period", "monthly",
                "timezone", timezone,
                "thresholds", thresholds,
                "action", "block");
    }

    private static MultiValueMap<String, String> draftForm(String userContent, String variable) {
        return form(
                "role", "system",
                "content", "Be kind.",
                "role", "user",
                "content", userContent,
                "role", "user",
                "content", "",
                "model", "gpt-4o-mini",
                "parameters", "{\"temperature\": 0.3}",
                "varName", variable,
                "varType", "string",
                "varRequired", "yes",
                "varDefault", "");
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }
}
