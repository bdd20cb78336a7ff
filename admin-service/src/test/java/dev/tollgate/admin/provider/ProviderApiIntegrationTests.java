package dev.tollgate.admin.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.SealedSecret;
import dev.tollgate.model.route.SecretSealer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ProviderApiIntegrationTests extends AdminIntegrationTest {

    static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void sealsApiKeyAndNeverShowsOrPublishesItInPlain() {
        String apiKey = "sk-upstream-" + unique("plaintext");
        String name = unique("openai");

        String created = post(
                        "/api/v1/providers",
                        Map.of(
                                "name",
                                name,
                                "type",
                                "openai-compatible",
                                "base_url",
                                "http://127.0.0.1:9/v1",
                                "api_key",
                                apiKey,
                                "settings",
                                Map.of("organization", "org-1")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        Map<?, ?> provider = json.readValue(created, Map.class);
        String model = createModel(provider.get("id").toString());
        String listing = get("/api/v1/providers?size=100", ADMIN_TOKEN)
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(created)
                .doesNotContain(apiKey)
                .contains("\"api_key_last4\":\"" + apiKey.substring(apiKey.length() - 4));
        assertThat(listing).contains(name).doesNotContain(apiKey);
        String stored = database.sql("select p::text from provider p where name = :name")
                .bind("name", name)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
        assertThat(stored).doesNotContain(apiKey);
        String published = redis.get(ConfigKeys.route(model));
        assertThat(published).doesNotContain(apiKey);
        ModelRoute route = json.readValue(published, ModelRoute.class);
        SealedSecret credential = route.deployments().getFirst().provider().credential();
        assertThat(new SecretSealer("k1", Map.of("k1", MASTER_KEY)).open(credential))
                .isEqualTo(apiKey);
        assertThat(route.deployments().getFirst().provider().settings()).containsEntry("organization", "org-1");
        assertThat(route.deployments().getFirst().prices().getFirst().inputPerMtok())
                .isEqualByComparingTo(new BigDecimal("0.15"));
        assertThat(published).contains("\"input_per_mtok\":\"0.15\"");
        assertThat(redis.smembers(ConfigKeys.ROUTES)).contains(model);
        for (String key : redis.keys("tollgate:*")) {
            if ("string".equals(redis.type(key))) {
                assertThat(redis.get(key)).doesNotContain(apiKey);
            }
        }
    }

    @Test
    void rejectsBaseUrlsThatPointAtMetadataOrCarryUserInfo() {
        for (String url : List.of(
                "http://169.254.169.254/latest", "https://user:pass@api.example.com/v1", "https://x.test/#frag")) {
            post("/api/v1/providers", Map.of("name", unique("bad"), "type", "openai", "base_url", url))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType("application/problem+json");
        }
    }

    @Test
    void rejectsUnknownProviderType() {
        post("/api/v1/providers", Map.of("name", unique("x"), "type", "openaii", "base_url", "https://a.example"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("type");
    }

    @Test
    void acceptsBedrockWithItsRegionAndAccessKeyIdAndPublishesThem() {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + unique("secret");
        String id = createdId(
                "/api/v1/providers",
                Map.of(
                        "name",
                        unique("bedrock"),
                        "type",
                        "bedrock",
                        "api_key",
                        secret,
                        "settings",
                        Map.of("region", "eu-central-1", "access_key_id", "AKIAIOSFODNN7EXAMPLE")));
        String model = createModel(id);

        ModelRoute route = json.readValue(redis.get(ConfigKeys.route(model)), ModelRoute.class);
        var provider = route.deployments().getFirst().provider();
        assertThat(provider.type()).isEqualTo("bedrock");
        assertThat(provider.baseUrl()).isNull();
        assertThat(provider.settings())
                .containsEntry("region", "eu-central-1")
                .containsEntry("access_key_id", "AKIAIOSFODNN7EXAMPLE");
        assertThat(new SecretSealer("k1", Map.of("k1", MASTER_KEY)).open(provider.credential()))
                .isEqualTo(secret);
    }

    @Test
    void refusesBedrockWithoutRegionAccessKeyIdOrSecret() {
        post("/api/v1/providers", Map.of("name", unique("bedrock"), "type", "bedrock", "settings", Map.of()))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("settings.region")
                .jsonPath("$.errors[1].field")
                .isEqualTo("settings.access_key_id")
                .jsonPath("$.errors[2].field")
                .isEqualTo("api_key");
        post(
                        "/api/v1/providers",
                        Map.of(
                                "name",
                                unique("bedrock"),
                                "type",
                                "bedrock",
                                "api_key",
                                "secret",
                                "settings",
                                Map.of("region", "Frankfurt", "access_key_id", "AKIAIOSFODNN7EXAMPLE")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("settings.region");
    }

    @Test
    void anthropicAndGeminiMayLeaveTheBaseUrlToTheirPublicEndpointButOpenAiMayNot() {
        for (String type : List.of("anthropic", "gemini")) {
            post("/api/v1/providers", Map.of("name", unique(type), "type", type, "api_key", "k-123456"))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.base_url")
                    .doesNotExist();
        }
        post("/api/v1/providers", Map.of("name", unique("openai"), "type", "openai", "api_key", "k-123456"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("base_url");
        post(
                        "/api/v1/providers",
                        Map.of("name", unique("anthropic"), "type", "anthropic", "base_url", "http://169.254.169.254/"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json");
    }

    @Test
    void openAiCompatibleQuirkSwitchesAreTrueOrFalse() {
        Map<String, Object> provider = Map.of(
                "name",
                unique("compat"),
                "type",
                "openai-compatible",
                "base_url",
                "http://127.0.0.1:9/v1",
                "settings",
                Map.of("no_done", "yes"));

        post("/api/v1/providers", provider)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("settings.no_done");
        post(
                        "/api/v1/providers",
                        Map.of(
                                "name",
                                unique("compat"),
                                "type",
                                "openai-compatible",
                                "base_url",
                                "http://127.0.0.1:9/v1",
                                "settings",
                                Map.of("no_done", "true", "no_stream_usage", "false")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.settings.no_done")
                .isEqualTo("true");
    }

    @Test
    void resealsCredentialsForPlatformAdminOnly() {
        post("/api/v1/credentials/reseal", Map.of())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.resealed")
                .isEqualTo(0);
    }

    @Test
    void flagsAModelWhosePriceIsNotYetInForceAsUnpriced() {
        String provider = json.readValue(
                        post(
                                        "/api/v1/providers",
                                        Map.of(
                                                "name",
                                                unique("later"),
                                                "type",
                                                "openai-compatible",
                                                "base_url",
                                                "http://127.0.0.1:9/v1"))
                                .exchange()
                                .expectStatus()
                                .isCreated()
                                .expectBody(String.class)
                                .returnResult()
                                .getResponseBody(),
                        Map.class)
                .get("id")
                .toString();
        String name = unique("priced-later");

        post(
                        "/api/v1/models",
                        Map.of(
                                "name",
                                name,
                                "strategy",
                                "priority",
                                "deployments",
                                List.of(Map.of(
                                        "provider_id",
                                        provider,
                                        "upstream_model",
                                        "gpt-4o-mini",
                                        "input_price_per_mtok",
                                        "1",
                                        "output_price_per_mtok",
                                        "2",
                                        "effective_from",
                                        "2999-01-01T00:00:00Z"))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.deployments[0].priced")
                .isEqualTo(false);
    }

    private String createModel(String providerId) {
        String name = unique("gpt");
        post(
                        "/api/v1/models",
                        Map.of(
                                "name",
                                name,
                                "strategy",
                                "priority",
                                "deployments",
                                List.of(Map.of(
                                        "provider_id",
                                        providerId,
                                        "upstream_model",
                                        "gpt-4o-mini",
                                        "weight",
                                        1,
                                        "priority",
                                        0,
                                        "input_price_per_mtok",
                                        0.15,
                                        "output_price_per_mtok",
                                        "0.60",
                                        "cached_input_price_per_mtok",
                                        "0.075",
                                        "cache_write_price_per_mtok",
                                        "0.1875"))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.deployments[0].input_price_per_mtok")
                .isEqualTo("0.15")
                .jsonPath("$.deployments[0].output_price_per_mtok")
                .isEqualTo("0.6")
                .jsonPath("$.deployments[0].cached_input_price_per_mtok")
                .isEqualTo("0.075")
                .jsonPath("$.deployments[0].cache_write_price_per_mtok")
                .isEqualTo("0.1875")
                .jsonPath("$.deployments[0].priced")
                .isEqualTo(true);
        return name;
    }
}
