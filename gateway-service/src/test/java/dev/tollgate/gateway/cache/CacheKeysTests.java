package dev.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.cache.CacheKeys.Target;
import dev.tollgate.model.openai.ChatCompletionRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CacheKeysTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final Target GPT = new Target("gpt", "d1=gpt-4o-mini");
    static final CacheKeys.Scope TENANT = new CacheKeys.Scope("t1", null);

    @Test
    void ignoresFieldsThatDoNotChangeTheAnswerAndTheOrderOfFields() {
        String plain = key("{\"model\":\"a\",\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        String labelled = key("{\"messages\":[{\"content\":\"hi\",\"role\":\"user\"}],\"user\":\"u1\","
                + "\"metadata\":{\"x\":\"y\"},\"model\":\"b\",\"temperature\":0}");

        assertThat(labelled)
                .isEqualTo(plain)
                .startsWith("tollgate:cache:t1:")
                .hasSize("tollgate:cache:t1:".length() + 16 + 1 + 64);
    }

    @Test
    void separatesWhatChangesTheAnswer() {
        String base = key("{\"model\":\"a\",\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(
                        key(
                                "{\"model\":\"a\",\"temperature\":0,\"seed\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .isNotEqualTo(base);
        assertThat(
                        key(
                                "{\"model\":\"a\",\"temperature\":0,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .isNotEqualTo(base);
        assertThat(CacheKeys.of(
                        TENANT,
                        new Target("gpt", "d2=gpt-4o-mini"),
                        request("{\"model\":\"a\",\"temperature\":0,"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                        json))
                .isNotEqualTo(base);
    }

    @Test
    void scopesByKeyOnlyWhenAsked() {
        String body = "{\"model\":\"a\",\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        String keyed = CacheKeys.of(new CacheKeys.Scope("t1", "k1"), GPT, request(body), json);

        assertThat(keyed).isNotEqualTo(key(body)).startsWith("tollgate:cache:t1:");
    }

    @Test
    void findsARoutesEntriesInEveryTenant() {
        String entry = key("{\"model\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        String pattern = CacheKeys.routePattern("gpt");

        assertThat(entry).matches(pattern.replace("*", ".*"));
        assertThat(entry).doesNotMatch(CacheKeys.routePattern("other").replace("*", ".*"));
    }

    @Test
    void escapesGlobCharactersInTheTenantPattern() {
        assertThat(CacheKeys.tenantPattern("t*1")).isEqualTo("tollgate:cache:t\\*1:*");
    }

    @Test
    void givesTwoConversationsOneSemanticScopeOnlyWhenAllButTheirLastTurnsAreEqual() {
        String shipping = "{\"role\":\"user\",\"content\":\"Do you ship to Canada?\"},"
                + "{\"role\":\"assistant\",\"content\":\"We do.\"},";
        String deleting = "{\"role\":\"user\",\"content\":\"Delete my files.\"},"
                + "{\"role\":\"assistant\",\"content\":\"Sure?\"},";

        String yes = scope(TENANT, shipping, "yes", "");
        String yesPlease = scope(TENANT, shipping, "yes please", "");

        assertThat(yesPlease).isEqualTo(yes);
        assertThat(scope(TENANT, deleting, "yes", "")).isNotEqualTo(yes);
        assertThat(scope(new CacheKeys.Scope("t2", null), shipping, "yes", "")).isNotEqualTo(yes);
        assertThat(scope(TENANT, shipping, "yes", ",\"stream\":true")).isNotEqualTo(yes);
        assertThat(scope(TENANT, shipping, "yes", ",\"top_p\":0.5")).isNotEqualTo(yes);
    }

    @Test
    void putsASemanticEntryBesideItsAnswerUnderTheSamePrefixes() {
        String answer = key("{\"model\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        String entry = CacheKeys.semanticEntry(answer);

        assertThat(entry).matches(CacheKeys.routePattern("gpt").replace("*", ".*"));
        assertThat(entry).matches(CacheKeys.tenantPattern("t1").replace("*", ".*"));
        assertThat(entry)
                .isEqualTo(answer.substring(0, answer.lastIndexOf(':')) + ":s"
                        + answer.substring(answer.lastIndexOf(':')));
    }

    private static String scope(CacheKeys.Scope scope, String earlier, String last, String more) {
        ChatCompletionRequest request = request("{\"model\":\"a\",\"temperature\":0" + more + ",\"messages\":["
                + earlier + "{\"role\":\"user\",\"content\":\"" + last + "\"}]}");
        SemanticPrompts.Split split = SemanticPrompts.of(request);
        assertThat(split).isNotNull();
        assertThat(split.lastTurn()).isEqualTo(last);
        return CacheKeys.semanticScope(scope, GPT, request, split.earlier(), "minilm", json);
    }

    private static String key(String body) {
        return CacheKeys.of(TENANT, GPT, request(body), json);
    }

    private static ChatCompletionRequest request(String body) {
        return json.readValue(body, ChatCompletionRequest.class);
    }
}
