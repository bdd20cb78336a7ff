package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.guardrail.GuardrailKeys;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A tenant admin manages its tenant's guardrail policies in the console, and never sees another tenant's. */
class GuardrailPagesIntegrationTests extends AdminIntegrationTest {

    UUID tenant;
    ConsoleSession tenantAdmin;

    @BeforeEach
    void signIn() {
        tenant = UUID.fromString(createTenant(unique("pages-guard")));
        tenantAdmin = ConsoleSession.anonymous(client);
        assertThat(tenantAdmin.signIn(user("TENANT_ADMIN", tenant, "write").email(), USER_PASSWORD))
                .isEqualTo("/");
    }

    @Test
    void createsAPolicyFromRuleRowsAndSwitchesItOffAndOn() {
        MultiValueMap<String, String> form = policyForm("Customer PII");
        form.add("input[0].detector", "pii.national_id");
        form.add("input[0].action", "redact");
        form.add("input[0].terms", "\\d{3}-\\d{2}-\\d{4}\r\n[A-Z]{2}\\d{6}");
        form.add("input[0].label", "US_SSN");
        form.add("input[1].detector", "");
        form.add("input[1].action", "redact");
        form.add("output[0].detector", "deny_list");
        form.add("output[0].action", "block");
        form.add("output[0].terms", "project falcon\nacquisition");
        form.add("reversible", "true");
        form.add("enabled", "true");

        String location = tenantAdmin
                .post("/guardrails/new", "/guardrails", form)
                .getResponseHeaders()
                .getLocation()
                .toString();

        String list = tenantAdmin.html(location);
        assertThat(list)
                .contains("The policy was saved")
                .contains("Customer PII")
                .contains("US_SSN → redact")
                .contains("deny_list → block")
                .contains("reversible redaction");
        String published = redis.get(GuardrailKeys.policies("tenant", tenant.toString()));
        assertThat(published)
                .contains("\"label\":\"US_SSN\"")
                .contains("[A-Z]{2}\\\\d{6}")
                .contains("acquisition");
        String id = policyId(list);

        String disabled = tenantAdmin
                .post(location, "/guardrails/" + id + "/disable", new LinkedMultiValueMap<>())
                .getResponseHeaders()
                .getLocation()
                .toString();
        assertThat(tenantAdmin.html(disabled)).contains("The policy is disabled");
        assertThat(redis.exists(GuardrailKeys.policies("tenant", tenant.toString())))
                .isFalse();

        tenantAdmin.post(location, "/guardrails/" + id + "/enable", new LinkedMultiValueMap<>());
        assertThat(redis.exists(GuardrailKeys.policies("tenant", tenant.toString())))
                .isTrue();
        assertThat(tenantAdmin.html("/guardrails/" + id + "/edit"))
                .contains("value=\"Customer PII\"")
                .contains("project falcon\nacquisition");
    }

    @Test
    void showsWhatIsWrongOnTheFormWithoutSaving() {
        MultiValueMap<String, String> form = policyForm("Catastrophic");
        form.add("input[0].detector", "pii.national_id");
        form.add("input[0].action", "redact");
        form.add("input[0].terms", "(\\d+-?)+");
        form.add("output[0].detector", "injection");
        form.add("output[0].action", "block");

        String page = tenantAdmin.post("/guardrails/new", "/guardrails", form).getResponseBody();

        assertThat(page)
                .contains("id=\"policy-problems\"")
                .contains("input[0].terms[0] must not repeat a group")
                .contains("output[0].detector injection screens requests only")
                .contains("value=\"Catastrophic\"");
        assertThat(redis.exists(GuardrailKeys.policies("tenant", tenant.toString())))
                .isFalse();
    }

    @Test
    void deletesAfterConfirmation() {
        String id = createdId(
                "/api/v1/guardrail-policies",
                Map.of(
                        "name",
                        "Doomed",
                        "scope",
                        "tenant",
                        "scope_id",
                        tenant.toString(),
                        "input",
                        List.of(Map.of("detector", "pii.ip", "action", "log"))));

        assertThat(tenantAdmin.html("/guardrails/" + id + "/delete")).contains("Delete the policy Doomed?");
        String location = tenantAdmin
                .post("/guardrails/" + id + "/delete", "/guardrails/" + id + "/delete", new LinkedMultiValueMap<>())
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(tenantAdmin.html(location))
                .contains("The policy was deleted")
                .doesNotContain("Doomed");
    }

    @Test
    void hidesAnotherTenantsPoliciesAndPlatformPolicies() {
        String other = createTenant(unique("pages-guard-other"));
        String theirs = createdId(
                "/api/v1/guardrail-policies",
                Map.of(
                        "name",
                        "Theirs",
                        "scope",
                        "tenant",
                        "scope_id",
                        other,
                        "input",
                        List.of(Map.of("detector", "pii.ip", "action", "log"))));

        assertThat(tenantAdmin.html("/guardrails")).doesNotContain("Theirs").doesNotContain(theirs);
        tenantAdmin.get("/guardrails/" + theirs + "/edit").expectStatus().isNotFound();
        assertThat(tenantAdmin.html("/guardrails/new"))
                .contains("value=\"" + tenant + "\"")
                .doesNotContain("The whole platform");
    }

    private MultiValueMap<String, String> policyForm(String name) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", name);
        form.add("scope", "tenant");
        form.add("scopeId", tenant.toString());
        return form;
    }

    private static String policyId(String list) {
        java.util.regex.Matcher id =
                java.util.regex.Pattern.compile("data-policy-id=\"([^\"]+)\"").matcher(list);
        assertThat(id.find()).isTrue();
        return id.group(1);
    }
}
