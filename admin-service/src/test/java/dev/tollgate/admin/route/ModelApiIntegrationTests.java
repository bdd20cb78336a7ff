package dev.tollgate.admin.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.config.ConfigChange;
import dev.tollgate.model.config.ConfigKeys;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Deployment;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.ModelRoute;
import dev.tollgate.model.route.PriceVersion;
import dev.tollgate.model.route.RetryPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.json.JsonMapper;

/** The models API end to end: what lands in Postgres, what is published to Redis and announced, and what is refused. */
class ModelApiIntegrationTests extends AdminIntegrationTest {

    static final JsonMapper json = JsonMapper.builder().build();
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    String provider;

    @BeforeEach
    void provider() {
        provider = createdId("/api/v1/providers", Map.of("name", unique("mock"), "type", "mock"));
    }

    @Test
    void createsAModelWithRetriesFallbacksAndCacheSettingsAndPublishesThem() throws Exception {
        String target = createModelNamed(unique("target"));
        String name = unique("routed");
        Map<String, Object> body = body(deployment("0.15", "0.60"));
        body.put("strategy", "least-busy");
        body.put("retry", Map.of("max_retries", 3, "backoff_ms", 200, "max_backoff_ms", 5000));
        body.put("fallbacks", List.of(Map.of("model", target, "on", List.of("rate_limited", "timeout"))));
        body.put(
                "cache",
                Map.of("mode", "always", "ttl_seconds", 600, "semantic", true, "similarity_threshold", "0.92"));

        Map<String, Object> created;
        try (Announcements announcements = Announcements.listen()) {
            created = post("/api/v1/models", withName(body, name))
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1\"")
                    .expectBody(MAP)
                    .returnResult()
                    .getResponseBody();
            assertThat(announcements.heard(new ConfigChange(ConfigChange.ROUTE, name)))
                    .isTrue();
        }

        assertThat(created).containsEntry("strategy", "least-busy").containsEntry("version", 1);
        assertThat(created.get("fallbacks"))
                .isEqualTo(List.of(Map.of("model", target, "on", List.of("rate_limited", "timeout"))));
        ModelRoute route = published(name);
        assertThat(route.strategy()).isEqualTo(ModelRoute.LEAST_BUSY);
        assertThat(route.retry()).isEqualTo(new RetryPolicy(3, 200, 5000));
        assertThat(route.fallbacks()).containsExactly(new Fallback(target, List.of("rate_limited", "timeout")));
        assertThat(route.cache()).isEqualTo(new CacheSettings("always", 600, null, true, new BigDecimal("0.92")));
        assertThat(redis.get(ConfigKeys.route(name))).contains("\"similarity_threshold\":\"0.92\"");
        assertThat(redis.smembers(ConfigKeys.ROUTES)).contains(name);
    }

    @Test
    void aModelWithoutPoliciesIsPublishedWithTheGatewaysDefaults() {
        String name = unique("plain");

        createModel(name, body(deployment("1", "2")));

        ModelRoute route = published(name);
        assertThat(route.retry()).isNull();
        assertThat(route.cache()).isNull();
        assertThat(route.fallbacks()).isEmpty();
        assertThat(redis.get(ConfigKeys.route(name))).contains("\"retry\":null").contains("\"fallbacks\":[]");
    }

    @Test
    void anUpdateKeepsTheIdsOfListedDeploymentsAddsNewOnesAndDeletesTheRest() throws Exception {
        String name = unique("edit");
        String id = createModel(name, body(deployment("1", "2"), deployment("3", "4")));
        List<Map<String, Object>> before = deployments(get(id));
        String kept = (String) before.get(0).get("id");
        String dropped = (String) before.get(1).get("id");
        Map<String, Object> keptChanged = new LinkedHashMap<>(deployment("1", "2"));
        keptChanged.put("id", kept);
        keptChanged.put("weight", 5);
        keptChanged.put("upstream_model", "renamed-upstream");
        Map<String, Object> update = body(keptChanged, deployment("7", "8"));
        update.put("strategy", "weighted");

        Map<String, Object> updated;
        try (Announcements announcements = Announcements.listen()) {
            updated = put("/api/v1/models/" + id, update, ADMIN_TOKEN)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2\"")
                    .expectBody(MAP)
                    .returnResult()
                    .getResponseBody();
            assertThat(announcements.heard(new ConfigChange(ConfigChange.ROUTE, name)))
                    .isTrue();
        }

        List<String> ids = deployments(updated).stream()
                .map(deployment -> (String) deployment.get("id"))
                .toList();
        assertThat(ids).hasSize(2).contains(kept).doesNotContain(dropped);
        ModelRoute route = published(name);
        assertThat(route.strategy()).isEqualTo("weighted");
        assertThat(route.deployments()).extracting(Deployment::deploymentId).containsExactlyInAnyOrderElementsOf(ids);
        Deployment published = route.deployments().stream()
                .filter(deployment -> deployment.deploymentId().equals(kept))
                .findFirst()
                .orElseThrow();
        assertThat(published.weight()).isEqualTo(5);
        assertThat(published.upstreamModel()).isEqualTo("renamed-upstream");
        assertThat(count("select count(*) from deployment where id = '" + dropped + "'"))
                .isZero();
        assertThat(count("select count(*) from audit_log where action = 'model.update' and target_id = '" + name + "'"))
                .isEqualTo(1);
    }

    @Test
    void aChangedPriceAddsAVersionAndNeverRewritesOne() {
        String name = unique("prices");
        String id = createModel(name, body(deployment("1", "2")));
        String deploymentId = (String) deployments(get(id)).getFirst().get("id");
        Instant first = Instant.parse((String) deployments(get(id)).getFirst().get("effective_from"));

        putDeployment(id, deploymentId, deployment("1.0", "2.00"), null)
                .expectStatus()
                .isOk();
        assertThat(versions(deploymentId)).isEqualTo(1);

        putDeployment(id, deploymentId, deployment("3", "4"), null)
                .expectStatus()
                .isOk();
        assertThat(versions(deploymentId)).isEqualTo(2);
        List<BigDecimal> inputs = published(name).deployments().getFirst().prices().stream()
                .map(price -> price.inputPerMtok())
                .toList();
        assertThat(inputs)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ONE, new BigDecimal("3"));
        assertThat(deployments(get(id)).getFirst()).containsEntry("input_price_per_mtok", "3");

        putDeployment(id, deploymentId, deployment("9", "9"), first)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("deployments[0].effective_from");
        putDeployment(id, deploymentId, deployment("9", "9"), Instant.now().minus(1, ChronoUnit.DAYS))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).contains("never rewritten"));
        putDeployment(id, deploymentId, deployment("5", "6"), Instant.now().plus(30, ChronoUnit.DAYS))
                .expectStatus()
                .isOk();
        assertThat(versions(deploymentId)).isEqualTo(3);
        assertThat(deployments(get(id)).getFirst()).containsEntry("input_price_per_mtok", "3");
    }

    @Test
    void theCacheWritePriceIsShownPublishedAndVersionedLikeTheOtherPrices() {
        String name = unique("cachewrite");
        Map<String, Object> priced = new LinkedHashMap<>(deployment("3", "15"));
        priced.put("cached_input_price_per_mtok", "0.30");
        priced.put("cache_write_price_per_mtok", "3.75");
        String id = createModel(name, body(priced));
        Map<String, Object> shown = deployments(get(id)).getFirst();
        String deploymentId = (String) shown.get("id");

        assertThat(shown)
                .containsEntry("cached_input_price_per_mtok", "0.3")
                .containsEntry("cache_write_price_per_mtok", "3.75");
        assertThat(redis.get(ConfigKeys.route(name))).contains("\"cache_write_per_mtok\":\"3.75");
        assertThat(published(name).deployments().getFirst().prices().getFirst().cacheWritePerMtok())
                .isEqualByComparingTo("3.75");

        putDeployment(id, deploymentId, priced, null).expectStatus().isOk();
        assertThat(versions(deploymentId)).isEqualTo(1);
        Map<String, Object> changed = new LinkedHashMap<>(priced);
        changed.put("cache_write_price_per_mtok", "4.5");
        putDeployment(id, deploymentId, changed, null).expectStatus().isOk();

        assertThat(versions(deploymentId)).isEqualTo(2);
        assertThat(published(name).deployments().getFirst().prices())
                .extracting(PriceVersion::cacheWritePerMtok)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("3.75"), new BigDecimal("4.5"));
        assertThat(deployments(get(id)).getFirst()).containsEntry("cache_write_price_per_mtok", "4.5");
    }

    @Test
    void aModelReadWithGetCanBePutBackUnchanged() {
        String name = unique("roundtrip");
        Map<String, Object> body = body(deployment("1", "2"), deployment("3", "4"));
        body.put("retry", Map.of("max_retries", 1));
        String id = createModel(name, body);
        String read = get("/api/v1/models/" + id, ADMIN_TOKEN)
                .exchange()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        Map<String, Object> updated = client.put()
                .uri("/api/v1/models/" + id)
                .headers(headers -> headers.setBearerAuth(ADMIN_TOKEN))
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(read)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        Map<String, Object> before = json.readValue(read, MAP_TYPE);
        assertThat(deployments(updated)).isEqualTo(deployments(before));
        assertThat(updated.get("retry")).isEqualTo(before.get("retry"));
        assertThat(updated).containsEntry("version", 2);
        assertThat(count("select count(*) from deployment_price p join deployment d on d.id = p.deployment_id"
                        + " join model_route r on r.id = d.route_id where r.name = '" + name + "'"))
                .isEqualTo(2);
    }

    @Test
    void aChangeBasedOnAnOlderVersionIsRefused() {
        String id = createModel(unique("race"), body(deployment("1", "2")));
        put("/api/v1/models/" + id, body(deployment("1", "2")), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();

        client.put()
                .uri("/api/v1/models/" + id)
                .headers(headers -> headers.setBearerAuth(ADMIN_TOKEN))
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(deployment("5", "6")))
                .exchange()
                .expectStatus()
                .isEqualTo(412)
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json");
        client.delete()
                .uri("/api/v1/models/" + id)
                .headers(headers -> headers.setBearerAuth(ADMIN_TOKEN))
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .exchange()
                .expectStatus()
                .isEqualTo(412);
        get("/api/v1/models/" + id, ADMIN_TOKEN).exchange().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
    }

    @Test
    void deletingAModelUnpublishesItAndAnnouncesIt() throws Exception {
        String name = unique("gone");
        String id = createModel(name, body(deployment("1", "2")));
        assertThat(redis.exists(ConfigKeys.route(name))).isTrue();

        try (Announcements announcements = Announcements.listen()) {
            delete("/api/v1/models/" + id, ADMIN_TOKEN)
                    .exchange()
                    .expectStatus()
                    .isNoContent();
            assertThat(announcements.heard(new ConfigChange(ConfigChange.ROUTE, name)))
                    .isTrue();
        }

        assertThat(redis.exists(ConfigKeys.route(name))).isFalse();
        assertThat(redis.smembers(ConfigKeys.ROUTES)).doesNotContain(name);
        get("/api/v1/models/" + id, ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json");
        assertThat(count("select count(*) from audit_log where action = 'model.delete' and target_id = '" + name + "'"))
                .isEqualTo(1);
    }

    @Test
    void aModelOthersFallBackToCannotBeDeletedUntilTheyStop() {
        String targetName = unique("backup");
        String target = createModel(targetName, body(deployment("1", "2")));
        String first = unique("first");
        String second = unique("second");
        Map<String, Object> withFallback = body(deployment("1", "2"));
        withFallback.put("fallbacks", List.of(Map.of("model", targetName, "on", List.of("unavailable"))));
        String firstId = createModel(first, withFallback);
        createModel(second, withFallback);

        delete("/api/v1/models/" + target, ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json")
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains(first).contains(second));
        assertThat(redis.exists(ConfigKeys.route(targetName))).isTrue();

        put("/api/v1/models/" + firstId, body(deployment("1", "2")), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();
        delete("/api/v1/models/" + target, ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail ->
                        assertThat((String) detail).doesNotContain(first).contains(second));
    }

    @Test
    void unknownModelsAreNotFound() {
        String path = "/api/v1/models/" + UUID.randomUUID();

        get(path, ADMIN_TOKEN).exchange().expectStatus().isNotFound();
        put(path, body(deployment("1", "2")), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isNotFound();
        delete(path, ADMIN_TOKEN).exchange().expectStatus().isNotFound();
        get("/api/v1/models/not-an-id", ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void refusesRoutingThatCannotWorkNamingTheField() {
        String self = unique("self");
        String other = createModelNamed(unique("other"));

        assertRefused(with(body(deployment("1", "2")), "strategy", "fastest"), "strategy", "must be one of");
        Map<String, Object> zero = new LinkedHashMap<>(deployment("1", "2"));
        zero.put("weight", 0);
        assertRefused(with(body(zero, zero), "strategy", "weighted"), "deployments", "weight above 0");
        assertRefused(fallbacks(self, Map.of("model", self, "on", List.of("timeout"))), "fallbacks[0].model", "itself");
        assertRefused(
                fallbacks(self, Map.of("model", unique("nobody"), "on", List.of("timeout"))),
                "fallbacks[0].model",
                "not an existing model");
        assertRefused(
                fallbacks(
                        self,
                        Map.of("model", other, "on", List.of("timeout")),
                        Map.of("model", other, "on", List.of("unavailable"))),
                "fallbacks[1].model",
                "listed twice");
        assertRefused(
                fallbacks(self, Map.of("model", other, "on", List.of("timeout", "overloaded"))),
                "fallbacks[0].on[1]",
                "must be one of");
        assertRefused(fallbacks(self, Map.of("model", other, "on", List.of())), "fallbacks[0].on", "at least one");
        assertRefused(with(body(deployment("1", "2")), "retry", Map.of("max_retries", 11)), "retry.max_retries", "");
        assertRefused(
                with(body(deployment("1", "2")), "retry", Map.of("max_retries", 1, "backoff_ms", 0)),
                "retry.backoff_ms",
                "");
        assertRefused(
                with(body(deployment("1", "2")), "retry", Map.of("max_retries", 1, "backoff_ms", 60_001)),
                "retry.backoff_ms",
                "");
        assertRefused(
                with(
                        body(deployment("1", "2")),
                        "retry",
                        Map.of("max_retries", 1, "backoff_ms", 500, "max_backoff_ms", 100)),
                "retry.max_backoff_ms",
                "at least backoff_ms");
        assertRefused(
                with(body(deployment("1", "2")), "cache", Map.of("similarity_threshold", "1.5")),
                "cache.similarity_threshold",
                "");
        assertRefused(with(body(deployment("1", "2")), "cache", Map.of("mode", "sometimes")), "cache.mode", "");
        Map<String, Object> negative = new LinkedHashMap<>(deployment("1", "2"));
        negative.put("cache_write_price_per_mtok", "-0.5");
        assertRefused(body(negative), "deployments[0].cache_write_price_per_mtok", "greater than or equal to 0");
        Map<String, Object> stranger = new LinkedHashMap<>(deployment("1", "2"));
        stranger.put("provider_id", UUID.randomUUID().toString());
        assertRefused(body(stranger), "deployments[0].provider_id", "not an existing provider");
    }

    @Test
    void refusesUpdatesThatNameDeploymentsWrongOrRenameTheModel() {
        String name = unique("strict");
        String id = createModel(name, body(deployment("1", "2")));
        String deploymentId = (String) deployments(get(id)).getFirst().get("id");
        Map<String, Object> listed = new LinkedHashMap<>(deployment("1", "2"));
        listed.put("id", deploymentId);
        Map<String, Object> foreign = new LinkedHashMap<>(deployment("1", "2"));
        foreign.put("id", UUID.randomUUID().toString());
        String otherProvider = createdId("/api/v1/providers", Map.of("name", unique("mock"), "type", "mock"));
        Map<String, Object> moved = new LinkedHashMap<>(listed);
        moved.put("provider_id", otherProvider);

        assertUpdateRefused(id, body(listed, listed), "deployments[1].id", "appears twice");
        assertUpdateRefused(id, body(foreign), "deployments[0].id", "not one of this model's deployments");
        assertUpdateRefused(id, body(moved), "deployments[0].provider_id", "cannot change");
        assertUpdateRefused(id, with(body(listed), "name", unique("renamed")), "name", "cannot change");
        assertUpdateRefused(id, body(), "deployments", "");
        put("/api/v1/models/" + id, with(body(listed), "name", name), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();
    }

    // ---- helpers

    static final tools.jackson.core.type.TypeReference<Map<String, Object>> MAP_TYPE =
            new tools.jackson.core.type.TypeReference<>() {};

    private void assertRefused(Map<String, Object> body, String field, String message) {
        assertBadRequest(
                post("/api/v1/models", body.containsKey("name") ? body : withName(body, unique("bad"))),
                field,
                message);
    }

    private void assertUpdateRefused(String id, Map<String, Object> body, String field, String message) {
        assertBadRequest(put("/api/v1/models/" + id, body, ADMIN_TOKEN), field, message);
    }

    private static void assertBadRequest(
            org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> request,
            String field,
            String message) {
        EntityExchangeResult<Map<String, Object>> result = request.exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith("application/problem+json")
                .expectBody(MAP)
                .returnResult();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors =
                (List<Map<String, String>>) result.getResponseBody().get("errors");
        assertThat(errors).as("errors of %s", result.getResponseBody()).anySatisfy(error -> {
            assertThat(error.get("field")).isEqualTo(field);
            assertThat(error.get("message")).contains(message);
        });
    }

    private Map<String, Object> fallbacks(String self, Map<?, ?>... fallbacks) {
        return with(withName(body(deployment("1", "2")), self), "fallbacks", List.of(fallbacks));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> withName(Map<String, Object> body, String name) {
        return with(body, "name", name);
    }

    @SafeVarargs
    private static Map<String, Object> body(Map<String, Object>... deployments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deployments", new ArrayList<>(List.of(deployments)));
        return body;
    }

    private Map<String, Object> deployment(String input, String output) {
        Map<String, Object> deployment = new LinkedHashMap<>();
        deployment.put("provider_id", provider);
        deployment.put("upstream_model", "mock-chat");
        deployment.put("input_price_per_mtok", input);
        deployment.put("output_price_per_mtok", output);
        return deployment;
    }

    private String createModel(String name, Map<String, Object> body) {
        return createdId("/api/v1/models", withName(body, name));
    }

    private String createModelNamed(String name) {
        createModel(name, body(deployment("1", "2")));
        return name;
    }

    private Map<String, Object> get(String id) {
        return get("/api/v1/models/" + id, ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> deployments(Map<String, Object> model) {
        return (List<Map<String, Object>>) model.get("deployments");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec putDeployment(
            String id, String deploymentId, Map<String, Object> deployment, Instant effectiveFrom) {
        Map<String, Object> listed = new LinkedHashMap<>(deployment);
        listed.put("id", deploymentId);
        if (effectiveFrom != null) {
            listed.put("effective_from", effectiveFrom.toString());
        }
        return put("/api/v1/models/" + id, body(listed), ADMIN_TOKEN).exchange();
    }

    private long versions(String deploymentId) {
        return count("select count(*) from deployment_price where deployment_id = '" + deploymentId + "'");
    }

    private long count(String sql) {
        return database.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private static ModelRoute published(String name) {
        return json.readValue(redis.get(ConfigKeys.route(name)), ModelRoute.class);
    }
}
