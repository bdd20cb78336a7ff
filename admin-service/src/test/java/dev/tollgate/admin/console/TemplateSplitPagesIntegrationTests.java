package dev.tollgate.admin.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.admin.AdminIntegrationTest;
import dev.tollgate.model.prompt.TemplateKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A/B tests of prompts in the console: overridable parameters in the editor, and splitting a label by weight. */
class TemplateSplitPagesIntegrationTests extends AdminIntegrationTest {

    ConsoleSession admin;
    String name;
    String template;

    @BeforeEach
    void twoPublishedVersions() {
        admin = ConsoleSession.anonymous(client);
        assertThat(admin.signIn(user("PLATFORM_ADMIN", null, "write").email(), USER_PASSWORD))
                .isEqualTo("/");
        name = unique("pages-ab");
        template = createdId("/api/v1/templates", Map.of("name", name));
    }

    @Test
    void writesTheOverridableParametersOfADraftInTheEditor() {
        String editor = "/templates/" + template + "/versions/new";
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("role", "user");
        form.add("content", "Hello");
        form.add("model", "gpt-4o-mini");
        form.add("parameters", "{\"temperature\": 0.2, \"max_tokens\": 100}");
        form.add("overridable", "temperature, max_tokens");

        admin.post(editor, "/templates/" + template + "/versions", form);

        get("/api/v1/templates/" + template + "/versions/1", ADMIN_TOKEN)
                .exchange()
                .expectBody()
                .jsonPath("$.overridable")
                .isEqualTo(List.of("temperature", "max_tokens"));
        form.set("overridable", "top_p");
        assertThat(admin.post(editor, "/templates/" + template + "/versions", form)
                        .getResponseBody())
                .contains("overridable[0] must name one of this version&#39;s parameters");
    }

    @Test
    void splitsALabelByWeightAndEndsTheSplit() {
        for (int version = 1; version <= 2; version++) {
            post(
                            "/api/v1/templates/" + template + "/versions",
                            Map.of("messages", List.of(Map.of("role", "user", "content", "v" + version)), "model", "m"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            post("/api/v1/templates/" + template + "/versions/" + version + "/publish", Map.of())
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        put("/api/v1/templates/" + template + "/labels/production", Map.of("version", 1), ADMIN_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();
        String page = "/templates/" + template;
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("label", "production");
        form.addAll("version", List.of("1", "2", ""));
        form.addAll("weight", List.of("3", "1", ""));

        String location = admin.post(page, page + "/splits", form)
                .getResponseHeaders()
                .getLocation()
                .toString();

        assertThat(admin.html(location))
                .contains("now shares its traffic by weight")
                .contains("v1 · 3 (75.0%)")
                .contains("v2 · 1 (25.0%)");
        assertThat(redis.get(TemplateKeys.template(null, name))).contains("\"splits\":{\"production\":");

        form.set("version", "1");
        assertThat(admin.post(page, page + "/splits", form).getResponseBody())
                .contains("id=\"split-problem\"")
                .contains("versions must list 2 to 10 versions");

        String ended = admin.post(page, page + "/splits/production/end", new LinkedMultiValueMap<>())
                .getResponseHeaders()
                .getLocation()
                .toString();
        assertThat(admin.html(ended))
                .contains("serves its main version alone again")
                .contains("No label splits");
    }

    @Test
    void comparesVersionsUsageOrSaysWhyItCannot() {
        // No usage service answers in this test: the page says so instead of failing.
        assertThat(admin.html("/templates/" + template + "/usage"))
                .contains("Versions compared")
                .contains("id=\"usage-unavailable\"");
    }
}
