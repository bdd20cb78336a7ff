package dev.tollgate.admin.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.prompt.TemplateKeys;
import dev.tollgate.model.prompt.TemplateSnapshot;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TemplateApiIntegrationTests extends AdminIntegrationTest {

    static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void rendersVariablesOnceSoAValueThatLooksLikeAPlaceholderStaysLiteral() {
        String template = template(null);
        int version = draft(template, "Hello {{name}}, you are {{ age }}. {{not a var}} {{flag}}");

        post(versionPath(template, version) + "/preview", Map.of("variables", Map.of("name", "{{secret}}", "age", 42)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.messages[0].content")
                .isEqualTo("Be brief.")
                .jsonPath("$.messages[1].content")
                .isEqualTo("Hello {{secret}}, you are 42. {{not a var}} true")
                .jsonPath("$.model")
                .isEqualTo("gpt-4o-mini")
                .jsonPath("$.parameters.temperature")
                .isEqualTo(0.2);
    }

    @Test
    void namesUnknownMissingAndMistypedVariablesInTheProblem() {
        String template = template(null);
        int version = draft(template, "Hello {{name}}, you are {{age}}.");

        post(versionPath(template, version) + "/preview", Map.of("variables", Map.of("age", "forty", "colour", "red")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'variables.name')].message")
                .isEqualTo("is required")
                .jsonPath("$.errors[?(@.field == 'variables.age')].message")
                .isEqualTo("must be an integer")
                .jsonPath("$.errors[?(@.field == 'variables.colour')].message")
                .isEqualTo("is not a variable of this version");
    }

    @Test
    void refusesDraftWithUndeclaredPlaceholdersListingThem() {
        String template = template(null);

        post(versionsPath(template), version("{{name}} {{mood}} and {{weather}}"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'messages')].message")
                .isEqualTo("use undeclared variables: mood, weather");
    }

    @Test
    void keepsPublishedVersionImmutableInTheServiceAndTheDatabase() {
        String template = template(null);
        int version = draft(template, "Hello {{name}}");
        publish(template, version);

        put(versionPath(template, version), version("Changed {{name}}"), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        post(versionPath(template, version) + "/publish", Map.of())
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThatThrownBy(() -> database.sql("update prompt_version set model = 'other' where template_id = :id")
                        .bind("id", UUID.fromString(template))
                        .then()
                        .block())
                .hasMessageContaining("is published and cannot change");
    }

    @Test
    void letsDraftsChangeUntilPublished() {
        String template = template(null);
        int version = draft(template, "Hello {{name}}");

        put(versionPath(template, version), version("Hi {{name}}"), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.messages[1].content")
                .isEqualTo("Hi {{name}}");
    }

    @Test
    void publishesLabelMovesAndRollbacksBeforeAnswering() {
        String name = unique("labelled");
        String template = createdId("/api/v1/templates", Map.of("name", name));
        int first = draft(template, "First {{name}}");
        int second = draft(template, "Second {{name}}");
        publish(template, first);
        publish(template, second);

        moveLabel(template, "production", second);
        assertThat(published(name).labels()).containsEntry("production", second);

        moveLabel(template, "production", first);
        TemplateSnapshot rolledBack = published(name);
        assertThat(rolledBack.labels()).containsEntry("production", first);
        assertThat(rolledBack.versions()).hasSize(2);
        assertThat(rolledBack.versions().getFirst().messages().get(1).content()).isEqualTo("First {{name}}");
        assertThat(rolledBack.versions().getFirst().variables().getFirst().name())
                .isEqualTo("name");
    }

    @Test
    void refusesToPointALabelAtADraft() {
        String template = template(null);
        int version = draft(template, "Hello {{name}}");

        put("/api/v1/templates/" + template + "/labels/staging", Map.of("version", version), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void diffsTwoVersionsLineByLine() {
        String template = template(null);
        int first = draft(template, "Hello {{name}}\nBye");
        int second = draft(template, "Hi {{name}}\nBye");

        get("/api/v1/templates/" + template + "/versions/" + first + "/diff/" + second, ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.changed")
                .isEqualTo(true)
                .jsonPath("$.lines[?(@.op == 'removed')].text")
                .isEqualTo("Hello {{name}}")
                .jsonPath("$.lines[?(@.op == 'added')].text")
                .isEqualTo("Hi {{name}}")
                .jsonPath("$.lines[?(@.text == 'Bye')].op")
                .isEqualTo("same")
                .jsonPath("$.lines[0].text")
                .isEqualTo("model: gpt-4o-mini");
    }

    @Test
    void hidesAnotherTenantsTemplatesButSharesPlatformWideOnes() {
        UUID own = UUID.fromString(createTenant(unique("own")));
        String theirs = template(UUID.fromString(createTenant(unique("other"))));
        String shared = template(null);
        String token = tokenFor("TENANT_ADMIN", own);

        get("/api/v1/templates/" + theirs, token).exchange().expectStatus().isNotFound();
        get("/api/v1/templates/" + shared, token).exchange().expectStatus().isOk();
        post(versionsPath(shared), version("{{name}}"), token)
                .exchange()
                .expectStatus()
                .isForbidden();
        post("/api/v1/templates", Map.of("name", unique("mine")), token)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.tenant_id")
                .isEqualTo(own.toString());
    }

    @Test
    void answersDuplicateNameWithConflict() {
        String name = unique("twice");
        createdId("/api/v1/templates", Map.of("name", name));

        post("/api/v1/templates", Map.of("name", name))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    private String template(UUID tenant) {
        return createdId(
                "/api/v1/templates",
                tenant == null
                        ? Map.of("name", unique("tpl"))
                        : Map.of("name", unique("tpl"), "tenant_id", tenant.toString()));
    }

    private int draft(String template, String userContent) {
        Map<?, ?> created = post(versionsPath(template), version(userContent))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (Integer) created.get("version");
    }

    private void publish(String template, int version) {
        post(versionPath(template, version) + "/publish", Map.of())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("published");
    }

    private void moveLabel(String template, String label, int version) {
        put("/api/v1/templates/" + template + "/labels/" + label, Map.of("version", version), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(version);
    }

    private static TemplateSnapshot published(String name) {
        return json.readValue(redis.get(TemplateKeys.template(null, name)), TemplateSnapshot.class);
    }

    private static Map<String, Object> version(String userContent) {
        return Map.of(
                "messages",
                List.of(
                        Map.of("role", "system", "content", "Be brief."),
                        Map.of("role", "user", "content", userContent)),
                "model",
                "gpt-4o-mini",
                "parameters",
                Map.of("temperature", 0.2),
                "variables",
                List.of(
                        Map.of("name", "name", "type", "string", "required", true),
                        Map.of("name", "age", "type", "integer", "required", false),
                        Map.of("name", "flag", "type", "boolean", "default", true)));
    }

    private static String versionsPath(String template) {
        return "/api/v1/templates/" + template + "/versions";
    }

    private static String versionPath(String template, int version) {
        return versionsPath(template) + "/" + version;
    }
}
