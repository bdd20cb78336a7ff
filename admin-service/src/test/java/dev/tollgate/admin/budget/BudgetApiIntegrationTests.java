package dev.tollgate.admin.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.budget.BudgetKeys;
import dev.tollgate.model.budget.BudgetSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class BudgetApiIntegrationTests extends AdminIntegrationTest {

    static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void createsReadsUpdatesAndDeletesBudgetPublishingEachChange() {
        String tenant = createTenant(unique("budget"));

        String id = createdId("/api/v1/budgets", monthly(tenant, "250.50"));

        get("/api/v1/budgets/" + id, ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.amount_usd")
                .isEqualTo("250.5")
                .jsonPath("$.thresholds")
                .isEqualTo(List.of(50, 80, 100))
                .jsonPath("$.timezone")
                .isEqualTo("Europe/Berlin");
        assertThat(published(tenant)).singleElement().satisfies(budget -> {
            assertThat(budget.budgetId()).isEqualTo(id);
            assertThat(budget.amountUsd()).isEqualTo("250.5");
            assertThat(budget.blocks()).isTrue();
        });

        Map<String, Object> changed = monthly(tenant, "99");
        changed.put("amount_usd", 1000.125);
        changed.put("action", "alert");
        put("/api/v1/budgets/" + id, changed, ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.amount_usd")
                .isEqualTo("1000.125");
        assertThat(published(tenant)).singleElement().satisfies(budget -> {
            assertThat(budget.amountUsd()).isEqualTo("1000.125");
            assertThat(budget.action()).isEqualTo("alert");
        });

        delete("/api/v1/budgets/" + id, ADMIN_TOKEN).exchange().expectStatus().isNoContent();
        assertThat(redis.exists(BudgetKeys.budgets("tenant", tenant))).isFalse();
        get("/api/v1/budgets/" + id, ADMIN_TOKEN).exchange().expectStatus().isNotFound();
    }

    @Test
    void listsBudgetsOfOneScopeWithPaging() {
        String tenant = createTenant(unique("listed"));
        createdId("/api/v1/budgets", monthly(tenant, "10"));
        Map<String, Object> daily = monthly(tenant, "1");
        daily.put("period", "daily");
        createdId("/api/v1/budgets", daily);

        get("/api/v1/budgets?scope=tenant&scope_id=" + tenant + "&page=0&size=1", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(2)
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.size")
                .isEqualTo(1);
        assertThat(published(tenant)).extracting(BudgetSnapshot::period).containsExactlyInAnyOrder("daily", "monthly");
    }

    @Test
    void answersSecondBudgetForTheSamePeriodWithConflict() {
        String tenant = createTenant(unique("twice"));
        createdId("/api/v1/budgets", monthly(tenant, "10"));

        post("/api/v1/budgets", monthly(tenant, "20")).exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void budgetsAKeyOfTheTenant() {
        String tenant = createTenant(unique("keyed"));
        String key = createdId("/api/v1/tenants/" + tenant + "/keys", Map.of("name", "app", "models", List.of("*")));
        Map<String, Object> body = monthly(key, "5");
        body.put("scope", "key");

        createdId("/api/v1/budgets", body);

        BudgetSnapshot snapshot = json.readValue(
                        redis.get(BudgetKeys.budgets("key", key)), new TypeReference<List<BudgetSnapshot>>() {})
                .getFirst();
        assertThat(snapshot.scope()).isEqualTo("key");
        assertThat(snapshot.scopeId()).isEqualTo(key);
    }

    static Stream<Arguments> invalidBudgets() {
        return Stream.of(
                Arguments.of("timezone", "Mars/Olympus_Mons", "timezone"),
                Arguments.of("timezone", "+02:00", "timezone"),
                Arguments.of("thresholds", List.of(50, 120), "thresholds[1]"),
                Arguments.of("thresholds", List.of(0), "thresholds[0]"),
                Arguments.of("thresholds", List.of(80, 50), "thresholds"),
                Arguments.of("amount_usd", "-5", "amount_usd"),
                Arguments.of("amount_usd", 0, "amount_usd"),
                Arguments.of("period", "hourly", "period"),
                Arguments.of("action", "explode", "action"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidBudgets")
    void answersInvalidBudgetWithProblemNamingTheField(String field, Object value, String reported) {
        Map<String, Object> body = monthly(UUID.randomUUID().toString(), "10");
        body.put(field, value);

        post("/api/v1/budgets", body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[?(@.field == '" + reported + "')]")
                .exists();
    }

    @Test
    void hidesAnotherTenantsBudgetsFromItsTenantAdmin() {
        UUID own = UUID.fromString(createTenant(unique("own")));
        String other = createTenant(unique("other"));
        String theirs = createdId("/api/v1/budgets", monthly(other, "10"));
        String token = tokenFor("TENANT_ADMIN", own);

        get("/api/v1/budgets/" + theirs, token).exchange().expectStatus().isNotFound();
        post("/api/v1/budgets", monthly(other, "10"), token)
                .exchange()
                .expectStatus()
                .isNotFound();
        put("/api/v1/budgets/" + theirs, monthly(other, "1"), token)
                .exchange()
                .expectStatus()
                .isNotFound();
        get("/api/v1/budgets?scope_id=" + other, token)
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
        post("/api/v1/budgets", monthly(own.toString(), "10"), token)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void letsFinanceManageBudgetsButViewersOnlyRead() {
        UUID tenant = UUID.fromString(createTenant(unique("roles")));
        String viewer = tokenFor("VIEWER", tenant);

        post("/api/v1/budgets", monthly(tenant.toString(), "10"), viewer)
                .exchange()
                .expectStatus()
                .isForbidden();
        String id = post("/api/v1/budgets", monthly(tenant.toString(), "10"), tokenFor("FINANCE", tenant))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
        get("/api/v1/budgets/" + id, viewer).exchange().expectStatus().isOk();
        delete("/api/v1/budgets/" + id, viewer).exchange().expectStatus().isForbidden();
    }

    private static Map<String, Object> monthly(String tenant, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("scope", "tenant");
        body.put("scope_id", tenant);
        body.put("amount_usd", amount);
        body.put("period", "monthly");
        body.put("timezone", "Europe/Berlin");
        body.put("thresholds", List.of(50, 80, 100));
        body.put("action", "block");
        return body;
    }

    private static List<BudgetSnapshot> published(String tenant) {
        return json.readValue(
                redis.get(BudgetKeys.budgets("tenant", tenant)), new TypeReference<List<BudgetSnapshot>>() {});
    }
}
