package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Deployment;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.RetryPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/** The console's model pages over HTTP as a signed-in platform admin: the edit page and the delete confirmation. */
class ModelPagesIntegrationTests extends AdminIntegrationTest {

    static final JsonMapper json = JsonMapper.builder().build();

    ConsoleSession admin;
    String provider;

    @BeforeEach
    void signIn() {
        String email = unique("models") + "@example.test";
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
        provider = createdId("/api/v1/providers", Map.of("name", unique("mock"), "type", "mock"));
    }

    @Test
    void editingAModelChangesItsRoutingAndPublishesIt() {
        String target = unique("backup");
        createModel(target);
        String name = unique("edited");
        String id = createModel(name);
        String deployment = deploymentIdOf(id);
        String edit = "/models/" + id + "/edit";
        assertThat(admin.html(edit))
                .contains("dep-model-0")
                .contains("fb-model-0")
                .contains(target);

        MultiValueMap<String, String> form = editForm(deployment, "2", target);
        String location = admin.post(edit, "/models/" + id, form)
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(location).isEqualTo("/models?saved=" + name);
        ModelRoute route = published(name);
        assertThat(route.strategy()).isEqualTo("weighted");
        assertThat(route.deployments()).extracting(Deployment::deploymentId).contains(deployment);
        assertThat(route.deployments()).extracting(Deployment::upstreamModel).contains("mock-chat", "added-upstream");
        assertThat(route.retry()).isEqualTo(new RetryPolicy(2, 100, null));
        assertThat(route.fallbacks()).containsExactly(new Fallback(target, List.of("timeout", "unavailable")));
        assertThat(route.cache()).isEqualTo(new CacheSettings("always", null, true, null, null));
        Deployment kept = route.deployments().stream()
                .filter(published -> published.deploymentId().equals(deployment))
                .findFirst()
                .orElseThrow();
        assertThat(kept.prices().getLast().cacheWritePerMtok()).isEqualByComparingTo("3.7531");
        assertThat(admin.html("/models")).contains(">3.7531<");
        assertThat(admin.html(location))
                .contains("was changed and published")
                .contains(target)
                .contains("timeout, unavailable");
    }

    @Test
    void showsFaultsNextToTheRowsTheyConcernAndKeepsWhatWasTyped() {
        String name = unique("faulty");
        String id = createModel(name);
        String edit = "/models/" + id + "/edit";
        MultiValueMap<String, String> form = editForm(deploymentIdOf(id), "eleven", "");
        form.set("cacheThreshold", "1.5");
        form.get("depCacheWrite").set(0, "-1");

        String page = admin.post(edit, "/models/" + id, form).getResponseBody();

        assertThat(page)
                .contains("Please correct the fields marked below.")
                .contains("must be a whole number")
                .contains("value=\"eleven\"")
                .contains("must be less than or equal to 1")
                .contains("value=\"added-upstream\"")
                .contains("value=\"-1\"")
                .contains("must be greater than or equal to 0")
                .doesNotContain("cache write price per mtok");
        assertThat(published(name).deployments()).hasSize(1);
    }

    @Test
    void refusesAnEditMadeFromAPageThatIsNoLongerCurrent() {
        String name = unique("stale");
        String id = createModel(name);
        String edit = "/models/" + id + "/edit";
        MultiValueMap<String, String> form = editForm(deploymentIdOf(id), "1", "");
        form.set("version", "7");

        String page = admin.post(edit, "/models/" + id, form).getResponseBody();

        assertThat(page).contains("Someone else changed this model");
        assertThat(published(name).strategy()).isEqualTo("priority");
    }

    @Test
    void deletesAModelAfterConfirmationUnlessAnotherFallsBackToIt() {
        String target = unique("needed");
        String targetId = createModel(target);
        String user = unique("user");
        Map<String, Object> withFallback = model(user);
        withFallback.put("fallbacks", List.of(Map.of("model", target, "on", List.of("timeout"))));
        String userId = createdId("/api/v1/models", withFallback);

        assertThat(admin.html("/models/" + targetId + "/delete"))
                .contains("cannot be deleted while other models fall back to it")
                .contains(user)
                .doesNotContain("id=\"confirm\"");
        String refused = admin.post("/models/" + targetId + "/delete", "/models/" + targetId + "/delete", form())
                .getResponseBody();
        assertThat(refused).contains("id=\"refused\"").contains("is the fallback of " + user);
        assertThat(redis.exists(ConfigKeys.route(target))).isTrue();

        assertThat(admin.html("/models/" + userId + "/delete")).contains("id=\"confirm\"");
        String location = admin.post("/models/" + userId + "/delete", "/models/" + userId + "/delete", form())
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(location).isEqualTo("/models?deleted=" + user);
        assertThat(redis.exists(ConfigKeys.route(user))).isFalse();
        assertThat(admin.html(location)).contains("was deleted").doesNotContain(">" + user + "<");
    }

    private MultiValueMap<String, String> editForm(String deployment, String retries, String fallback) {
        return form(
                "version", "1",
                "strategy", "weighted",
                "depId", deployment,
                "depProvider", provider,
                "depModel", "mock-chat",
                "depWeight", "3",
                "depPriority", "0",
                "depInput", "1",
                "depOutput", "2",
                "depCached", "",
                "depCacheWrite", "3.7531",
                "depId", "",
                "depProvider", "",
                "depModel", "",
                "depWeight", "1",
                "depPriority", "0",
                "depInput", "",
                "depOutput", "",
                "depCached", "",
                "depCacheWrite", "",
                "depId", "",
                "depProvider", provider,
                "depModel", "added-upstream",
                "depWeight", "1",
                "depPriority", "1",
                "depInput", "0.5",
                "depOutput", "1.5",
                "depCached", "",
                "depCacheWrite", "",
                "retryMax", retries,
                "retryBackoff", "100",
                "retryMaxBackoff", "",
                "fbModel", "",
                "fbModel", fallback,
                "fbOn1", "timeout",
                "fbOn1", "unavailable",
                "cacheMode", "always",
                "cacheTtl", "",
                "cachePerKey", "true",
                "cacheSemantic", "",
                "cacheThreshold", "");
    }

    private String createModel(String name) {
        return createdId("/api/v1/models", model(name));
    }

    private Map<String, Object> model(String name) {
        Map<String, Object> model = new java.util.LinkedHashMap<>();
        model.put("name", name);
        model.put(
                "deployments",
                List.of(Map.of(
                        "provider_id",
                        provider,
                        "upstream_model",
                        "mock-chat",
                        "input_price_per_mtok",
                        "1",
                        "output_price_per_mtok",
                        "2")));
        return model;
    }

    private String deploymentIdOf(String modelId) {
        return database.sql("select id::text from deployment where route_id = :id::uuid")
                .bind("id", modelId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private static ModelRoute published(String name) {
        return json.readValue(redis.get(ConfigKeys.route(name)), ModelRoute.class);
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }
}
