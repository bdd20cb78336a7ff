package dev.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.model.openai.ChatCompletionRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SemanticPromptsTests {

    static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void comparesTheLastUserTurnAndKeepsEverythingBeforeIt() {
        var split = SemanticPrompts.of(request("[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}]}]"));

        assertThat(split).isNotNull();
        assertThat(split.lastTurn()).isEqualTo("Hello");
        assertThat(split.earlier()).hasSize(2);
        assertThat(split.earlier().get(1).content()).isNull();
    }

    @Test
    void leavesOutConversationsThatDoNotEndWithTheUsersText() {
        assertThat(SemanticPrompts.of(request("[{\"role\":\"user\",\"content\":\"Hi\"},"
                        + "{\"role\":\"assistant\",\"content\":\"Hello\"}]")))
                .isNull();
        assertThat(SemanticPrompts.of(request("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What"
                        + " is this?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}]}]")))
                .isNull();
        assertThat(SemanticPrompts.of(request("[{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"42\"}]")))
                .isNull();
    }

    private static ChatCompletionRequest request(String messages) {
        return json.readValue("{\"model\":\"a\",\"messages\":" + messages + "}", ChatCompletionRequest.class);
    }
}
