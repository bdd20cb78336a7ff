package dev.tollgate.admin.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.guardrail.GuardrailKeys;
import dev.tollgate.model.guardrail.GuardrailPolicy;
import dev.tollgate.model.guardrail.GuardrailRule;
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

class GuardrailPolicyApiIntegrationTests extends AdminIntegrationTest {

    static final JsonMapper json = JsonMapper.builder().build();
    static final String POLICIES = "/api/v1/guardrail-policies";

    @Test
    void createsReadsUpdatesSwitchesAndDeletesAPolicyPublishingAndAnnouncingEachChange() throws Exception {
        String tenant = createTenant(unique("guard"));
        String[] id = new String[1];

        List<Map<?, ?>> created = ConfigChanges.heardWhile(() -> id[0] = createdId(POLICIES, pii(tenant)));

        assertThat(created).contains(Map.of("kind", "guardrail", "id", "tenant:" + tenant));
        get(POLICIES + "/" + id[0], ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.scope_id")
                .isEqualTo(tenant)
                .jsonPath("$.tenant_id")
                .isEqualTo(tenant)
                .jsonPath("$.input[1].terms[0]")
                .isEqualTo("\\d{3}-\\d{2}-\\d{4}")
                .jsonPath("$.enabled")
                .isEqualTo(true);
        assertThat(published("tenant", tenant)).singleElement().satisfies(policy -> {
            assertThat(policy.policyId()).isEqualTo(id[0]);
            assertThat(policy.reversible()).isTrue();
            assertThat(policy.input())
                    .containsExactly(
                            new GuardrailRule("pii.email", "redact", List.of(), null),
                            new GuardrailRule("pii.national_id", "redact", List.of("\\d{3}-\\d{2}-\\d{4}"), "US_SSN"));
            assertThat(policy.output())
                    .containsExactly(new GuardrailRule("deny_list", "block", List.of("acme secret"), null));
        });

        Map<String, Object> changed = pii(tenant);
        changed.put("output", List.of(Map.of("detector", "json_schema", "action", "log")));
        put(POLICIES + "/" + id[0], changed, ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(published("tenant", tenant).getFirst().output())
                .containsExactly(new GuardrailRule("json_schema", "log", List.of(), null));

        List<Map<?, ?>> disabled = ConfigChanges.heardWhile(() -> post(POLICIES + "/" + id[0] + "/disable", Map.of())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.enabled")
                .isEqualTo(false));
        assertThat(disabled).contains(Map.of("kind", "guardrail", "id", "tenant:" + tenant));
        assertThat(redis.exists(GuardrailKeys.policies("tenant", tenant))).isFalse();

        post(POLICIES + "/" + id[0] + "/enable", Map.of())
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(published("tenant", tenant)).hasSize(1);

        delete(POLICIES + "/" + id[0], ADMIN_TOKEN).exchange().expectStatus().isNoContent();
        assertThat(redis.exists(GuardrailKeys.policies("tenant", tenant))).isFalse();
        get(POLICIES + "/" + id[0], ADMIN_TOKEN).exchange().expectStatus().isNotFound();
        assertThat(audited(id[0]))
                .containsExactly(
                        "guardrail.create",
                        "guardrail.update",
                        "guardrail.disable",
                        "guardrail.enable",
                        "guardrail.delete");
    }

    @Test
    void publishesTheEnabledPoliciesOfOneKeyAsOneList() {
        String tenant = createTenant(unique("keyed"));
        String key = createdId("/api/v1/tenants/" + tenant + "/keys", Map.of("name", "app", "models", List.of("*")));
        createdId(POLICIES, policy("key", key, "injection", Map.of("detector", "injection", "action", "block")));
        Map<String, Object> off = policy("key", key, "off", Map.of("detector", "pii.ip", "action", "log"));
        off.put("enabled", false);
        createdId(POLICIES, off);
        createdId(POLICIES, policy("key", key, "cards", Map.of("detector", "pii.card", "action", "redact")));

        assertThat(published("key", key)).extracting(GuardrailPolicy::name).containsExactly("cards", "injection");
        get(POLICIES + "?scope=key&scope_id=" + key, ADMIN_TOKEN)
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(3)
                .jsonPath("$.items[0].tenant_id")
                .isEqualTo(tenant);
    }

    @Test
    void answersASecondPolicyOfTheSameNameInOneScopeWithConflict() {
        String tenant = createTenant(unique("twice"));
        createdId(POLICIES, pii(tenant));

        post(POLICIES, pii(tenant)).exchange().expectStatus().isEqualTo(409);
    }

    static Stream<Arguments> invalidPolicies() {
        return Stream.of(
                Arguments.of(rule("pii.passport", "redact"), "input[0].detector"),
                Arguments.of(rule("pii.email", "explode"), "input[0].action"),
                Arguments.of(rule("json_schema", "block"), "input[0].detector"),
                Arguments.of(rule("deny_list", "block"), "input[0].terms"),
                Arguments.of(terms("deny_list", List.of("x".repeat(201))), "input[0].terms[0]"),
                Arguments.of(terms("pii.email", List.of("a@b")), "input[0].terms"),
                Arguments.of(terms("pii.national_id", List.of()), "input[0].terms"),
                Arguments.of(terms("pii.national_id", List.of("(\\d+-?)+")), "input[0].terms[0]"),
                Arguments.of(terms("pii.national_id", List.of("[0-9")), "input[0].terms[0]"),
                Arguments.of(terms("pii.national_id", List.of("\\d".repeat(101))), "input[0].terms[0]"),
                Arguments.of(Map.of("detector", "pii.email", "action", "redact", "label", "email"), "input[0].label"),
                Arguments.of(
                        Map.of("detector", "pii.email", "action", "redact", "label", "A" + "B".repeat(32)),
                        "input[0].label"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalidPolicies")
    void answersAnInvalidRuleWithAProblemNamingTheField(Map<String, Object> rule, String reported) {
        post(POLICIES, policy("tenant", UUID.randomUUID().toString(), "bad", rule))
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
    void answersPolicyProblemsBeyondOneRuleNamingEachField() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", " ");
        body.put("scope", "global");
        body.put("scope_id", "everything");
        body.put("output", List.of(rule("injection", "block"), rule("json_schema", "redact")));
        body.put("reversible", true);

        post(POLICIES, body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("name", "scope_id", "output[0].detector", "output[1].action", "reversible"));
        post(POLICIES, Map.of("name", "empty", "scope", "tenant", "scope_id", "acme"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("scope_id", "input"));
        post(POLICIES, Map.of("name", "x", "scope", "planet", "input", List.of(rule("pii.ip", "log"))))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("scope");
    }

    @Test
    void answersAValueTheDatabaseCannotStoreWithA400Problem() {
        String tenant = createTenant(unique("nul"));

        post(POLICIES, policy("tenant", tenant, "with\u0000nul", rule("pii.email", "redact")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json")
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(String.valueOf(detail)).contains("NUL"));
    }

    @Test
    void keepsEachTenantsPoliciesFromTheOtherTenantsAdmins() {
        UUID own = UUID.fromString(createTenant(unique("own")));
        String other = createTenant(unique("other"));
        String theirs = createdId(POLICIES, pii(other));
        String global = createdId(POLICIES, policy("global", null, unique("global"), rule("injection", "block")));
        String token = tokenFor("TENANT_ADMIN", own);

        for (String hidden : List.of(theirs, global)) {
            get(POLICIES + "/" + hidden, token).exchange().expectStatus().isNotFound();
            put(POLICIES + "/" + hidden, pii(other), token)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            post(POLICIES + "/" + hidden + "/disable", Map.of(), token)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            delete(POLICIES + "/" + hidden, token).exchange().expectStatus().isNotFound();
        }
        post(POLICIES, pii(other), token).exchange().expectStatus().isNotFound();
        post(POLICIES, policy("global", null, "mine", rule("pii.ip", "log")), token)
                .exchange()
                .expectStatus()
                .isForbidden();
        String mine = post(POLICIES, pii(own.toString()), token)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
        get(POLICIES + "?size=100", token)
                .exchange()
                .expectBody()
                .jsonPath("$.items[*].id")
                .isEqualTo(List.of(mine));
        get(POLICIES + "?tenant_id=" + other, token).exchange().expectStatus().isNotFound();
        assertThat(published("tenant", other)).hasSize(1);
    }

    @Test
    void letsOnlyPlatformAdminsManageRoutePoliciesOfExistingModels() {
        UUID tenant = UUID.fromString(createTenant(unique("routes")));
        String model = model();
        Map<String, Object> body = policy("route", model, "route", rule("pii.phone", "redact"));

        post(POLICIES, body, tokenFor("TENANT_ADMIN", tenant))
                .exchange()
                .expectStatus()
                .isForbidden();
        post(POLICIES, policy("route", unique("no-such-model"), "route", rule("pii.phone", "redact")))
                .exchange()
                .expectStatus()
                .isNotFound();
        createdId(POLICIES, body);

        assertThat(published("route", model)).extracting(GuardrailPolicy::scope).containsExactly("route");
    }

    @Test
    void resyncRepublishesPoliciesAndDropsStaleOnes() {
        String tenant = createTenant(unique("resync"));
        createdId(POLICIES, pii(tenant));
        String key = GuardrailKeys.policies("tenant", tenant);
        String stale = GuardrailKeys.policies("tenant", UUID.randomUUID().toString());
        String foreign = "tollgate:guardrail-notes:" + UUID.randomUUID();
        redis.del(key);
        redis.set(stale, "[]");
        redis.set(foreign, "kept");

        post("/api/v1/resync", Map.of()).exchange().expectStatus().isOk();

        assertThat(published("tenant", tenant)).hasSize(1);
        assertThat(redis.exists(stale)).isFalse();
        assertThat(redis.get(foreign)).isEqualTo("kept");
        redis.del(foreign);
    }

    private List<GuardrailPolicy> published(String scope, String scopeId) {
        String value = redis.get(GuardrailKeys.policies(scope, scopeId));
        assertThat(value).as("published policies of %s %s", scope, scopeId).isNotNull();
        return json.readValue(value, new TypeReference<List<GuardrailPolicy>>() {});
    }

    private List<String> audited(String id) {
        return database.sql("select action from audit_log where target_type = 'guardrail_policy' and target_id = :id"
                        + " order by id")
                .bind("id", id)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }

    private String model() {
        String provider = createdId("/api/v1/providers", Map.of("name", unique("guard"), "type", "mock"));
        String name = unique("guarded-model");
        createdId(
                "/api/v1/models",
                Map.of(
                        "name",
                        name,
                        "deployments",
                        List.of(Map.of(
                                "provider_id",
                                provider,
                                "upstream_model",
                                "m",
                                "input_price_per_mtok",
                                "1",
                                "output_price_per_mtok",
                                "2"))));
        return name;
    }

    private static Map<String, Object> pii(String tenant) {
        Map<String, Object> body = policy(
                "tenant",
                tenant,
                "PII",
                rule("pii.email", "redact"),
                Map.of(
                        "detector",
                        "pii.national_id",
                        "action",
                        "redact",
                        "terms",
                        List.of("\\d{3}-\\d{2}-\\d{4}"),
                        "label",
                        "US_SSN"));
        body.put("output", List.of(terms("deny_list", List.of(" acme secret ", ""))));
        body.put("reversible", true);
        return body;
    }

    @SafeVarargs
    private static Map<String, Object> policy(
            String scope,
            @org.jspecify.annotations.Nullable String scopeId,
            String name,
            Map<String, Object>... input) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("scope", scope);
        if (scopeId != null) {
            body.put("scope_id", scopeId);
        }
        body.put("input", List.of(input));
        return body;
    }

    private static Map<String, Object> rule(String detector, String action) {
        return Map.of("detector", detector, "action", action);
    }

    private static Map<String, Object> terms(String detector, List<String> terms) {
        return Map.of("detector", detector, "action", "block", "terms", terms);
    }
}
