package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A tenant admin sets a key's cache settings on the issue form and on the key's cache page. */
class KeyCachePagesIntegrationTests extends AdminIntegrationTest {

    String tenant;
    ConsoleSession tenantAdmin;

    @BeforeEach
    void signIn() {
        tenant = createTenant(unique("pages-cache"));
        tenantAdmin = ConsoleSession.anonymous(client);
        assertThat(tenantAdmin.signIn(
                        user("TENANT_ADMIN", UUID.fromString(tenant), "write").email(), USER_PASSWORD))
                .isEqualTo("/");
    }

    @Test
    void issuesAKeyWithItsOwnCacheSettings() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("name", "cached-app");
        form.add("models", "*");
        form.add("cache.mode", "always");
        form.add("cache.ttlSeconds", "900");
        form.add("cache.perKey", "");
        form.add("cache.semantic", "true");
        form.add("cache.similarityThreshold", "0.93");

        String page = tenantAdmin
                .post("/tenants/" + tenant + "/keys/new", "/tenants/" + tenant + "/keys", form)
                .getResponseBody();

        assertThat(page).contains("sk-tg-");
        assertThat(tenantAdmin.html("/tenants/" + tenant))
                .contains(">always<")
                .contains(">900 s<")
                .contains("semantic ≥ 0.93");
    }

    @Test
    void changesTheSettingsOfAKeyAndRefusesAThresholdAboveOne() {
        String key = createdId("/api/v1/tenants/" + tenant + "/keys", Map.of("name", "app", "models", List.of("*")));
        String page = "/keys/" + key + "/cache";
        assertThat(tenantAdmin.html(page)).contains("Response cache of app");

        String refused = tenantAdmin.post(page, page, form("off", "", "1.5")).getResponseBody();
        String location = tenantAdmin
                .post(page, page, form("off", "60", ""))
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(refused).contains("Please correct the fields");
        assertThat(tenantAdmin.html(location))
                .contains("cache settings were saved")
                .contains(">off<")
                .contains(">60 s<");
    }

    private static MultiValueMap<String, String> form(String mode, String ttl, String threshold) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("mode", mode);
        form.add("ttlSeconds", ttl);
        form.add("perKey", "");
        form.add("semantic", "");
        form.add("similarityThreshold", threshold);
        return form;
    }
}
