package dev.tollgate.admin.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.prompt.TemplateKeys;
import dev.tollgate.model.prompt.TemplateSnapshot;
import dev.tollgate.model.prompt.TemplateSnapshot.LabelSplit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Weighted label splits (A/B tests of prompts) and the parameters a client may override, as the gateway reads them. */
class TemplateSplitIntegrationTests extends AdminIntegrationTest {

    static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void splitsALabelBetweenPublishedVersionsByWeightInTheSnapshot() {
        String name = unique("ab");
        String template = twoPublishedVersions(name);

        put(splitPath(template, "production"), split(2, 10, 1, 90), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.versions[0].version")
                .isEqualTo(1)
                .jsonPath("$.versions[0].weight")
                .isEqualTo(90);

        TemplateSnapshot snapshot = published(name);
        assertThat(snapshot.labels()).containsEntry("production", 1);
        assertThat(snapshot.splits())
                .containsEntry("production", List.of(new LabelSplit(1, 90), new LabelSplit(2, 10)));
        get("/api/v1/templates/" + template, ADMIN_TOKEN)
                .exchange()
                .expectBody()
                .jsonPath("$.splits[0].label")
                .isEqualTo("production");

        delete(splitPath(template, "production"), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(published(name).splits()).isEmpty();
        delete(splitPath(template, "production"), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(audited(template)).contains("template.split", "template.split.end");
    }

    @Test
    void movingTheLabelEndsItsSplit() {
        String name = unique("promote");
        String template = twoPublishedVersions(name);
        put(splitPath(template, "production"), split(1, 50, 2, 50), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();

        put("/api/v1/templates/" + template + "/labels/production", Map.of("version", 2), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();

        TemplateSnapshot snapshot = published(name);
        assertThat(snapshot.labels()).containsEntry("production", 2);
        assertThat(snapshot.splits()).isEmpty();
    }

    static Stream<Arguments> invalidSplits() {
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int version = 1; version <= 11; version++) {
            eleven.add(Map.of("version", version, "weight", 1));
        }
        return Stream.of(
                Arguments.of(Map.of("versions", List.of(Map.of("version", 1, "weight", 1))), "versions"),
                Arguments.of(Map.of("versions", eleven), "versions"),
                Arguments.of(split(1, 1, 1, 2), "versions[1].version"),
                Arguments.of(split(1, 0, 2, 1), "versions[0].weight"),
                Arguments.of(split(1, 1, 2, 10_001), "versions[1].weight"),
                Arguments.of(Map.of(), "versions"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidSplits")
    void refusesAnInvalidSplitNamingTheField(Map<String, Object> body, String field) {
        String template = twoPublishedVersions(unique("badsplit"));

        put(splitPath(template, "production"), body, ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    @Test
    void refusesDraftsUnknownVersionsAndUnknownLabels() {
        String template = twoPublishedVersions(unique("drafts"));
        post(versionsPath(template), version(Map.of(), List.of()))
                .exchange()
                .expectStatus()
                .isCreated();

        put(splitPath(template, "production"), split(1, 1, 3, 1), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        put(splitPath(template, "production"), split(1, 1, 7, 1), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isNotFound();
        put(splitPath(template, "staging"), split(1, 1, 2, 1), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void theParametersAClientMayOverrideAreFixedWithTheVersion() {
        String name = unique("overridable");
        String template = createdId("/api/v1/templates", Map.of("name", name));
        Map<String, Object> parameters = Map.of("temperature", 0.2, "max_tokens", 300);
        int version = (Integer) post(versionsPath(template), version(parameters, List.of("temperature")))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("version");
        post(versionsPath(template) + "/" + version + "/publish", Map.of())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.overridable[0]")
                .isEqualTo("temperature");
        put("/api/v1/templates/" + template + "/labels/production", Map.of("version", version), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(published(name).versions().getFirst().overridable()).containsExactly("temperature");
        assertThatThrownBy(() -> database.sql(
                                "update prompt_version set overridable = '{max_tokens}' where template_id = :id")
                        .bind("id", UUID.fromString(template))
                        .then()
                        .block())
                .hasMessageContaining("is published and cannot change");
    }

    @Test
    void refusesOverridableNamesTheVersionDoesNotSetOrRepeats() {
        String template = createdId("/api/v1/templates", Map.of("name", unique("badoverride")));

        post(
                        versionsPath(template),
                        version(Map.of("temperature", 0.2), List.of("temperature", "top_p", "temperature")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("overridable[1]", "overridable[2]"));
    }

    private String twoPublishedVersions(String name) {
        String template = createdId("/api/v1/templates", Map.of("name", name));
        for (int version = 1; version <= 2; version++) {
            post(versionsPath(template), version(Map.of(), List.of()))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            post(versionsPath(template) + "/" + version + "/publish", Map.of())
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        put("/api/v1/templates/" + template + "/labels/production", Map.of("version", 1), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();
        return template;
    }

    private List<String> audited(String template) {
        return database.sql("select action from audit_log where target_type = 'template' and target_id = :id"
                        + " order by id")
                .bind("id", template)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
    }

    private static Map<String, Object> split(int version, int weight, int other, int otherWeight) {
        return Map.of(
                "versions",
                List.of(Map.of("version", version, "weight", weight), Map.of("version", other, "weight", otherWeight)));
    }

    private static Map<String, Object> version(Map<String, Object> parameters, List<String> overridable) {
        Map<String, Object> body = new HashMap<>();
        body.put("messages", List.of(Map.of("role", "user", "content", "Hello")));
        body.put("model", "gpt-4o-mini");
        body.put("parameters", parameters);
        body.put("overridable", overridable);
        return body;
    }

    private static TemplateSnapshot published(String name) {
        return json.readValue(redis.get(TemplateKeys.template(null, name)), TemplateSnapshot.class);
    }

    private static String splitPath(String template, String label) {
        return "/api/v1/templates/" + template + "/splits/" + label;
    }

    private static String versionsPath(String template) {
        return "/api/v1/templates/" + template + "/versions";
    }
}
