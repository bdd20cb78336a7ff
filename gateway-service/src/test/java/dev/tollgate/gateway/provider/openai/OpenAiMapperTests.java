package dev.tollgate.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.provider.UpstreamTarget;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.ToolCall;
import dev.tollgate.model.openai.Usage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

class OpenAiMapperTests {

    final OpenAiJson json = new OpenAiJson(64);
    final JsonMapper plain = JsonMapper.builder().build();

    @Test
    void replacesOnlyTheModelNameKeepingEveryOtherFieldAsSent() {
        String body = "{\"model\":\"team-gpt\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"temperature\":0.5,\"logit_bias\":{\"1\":-100}}";
        ChatCompletionRequest request = json.mapper().readValue(body, ChatCompletionRequest.class);

        ChatCompletionRequest upstream = OpenAiMapper.toUpstream(request, "gpt-4o-2024-08-06");

        assertThat(plain.readTree(json.write(upstream)))
                .isEqualTo(plain.readTree(body.replace("team-gpt", "gpt-4o-2024-08-06")));
        assertThat(OpenAiMapper.toUpstream(request, null)).isSameAs(request);
    }

    @Test
    void asksForStreamUsageKeepingOtherStreamOptions() {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true,"
                + "\"stream_options\":{\"include_obfuscation\":false}}";
        ChatCompletionRequest request = json.mapper().readValue(body, ChatCompletionRequest.class);

        String sent =
                new String(json.write(OpenAiMapper.toUpstream(request, null)), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(plain.readTree(sent).path("stream_options"))
                .isEqualTo(plain.readTree("{\"include_usage\":true,\"include_obfuscation\":false}"));
    }

    @Test
    void sendsNoStreamOptionsAtAllToAnUpstreamThatRejectsThem() {
        ChatCompletionRequest request =
                request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                        + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}");

        ChatCompletionRequest upstream = OpenAiMapper.toUpstream(request, null, false);

        assertThat(upstream.streamOptions()).isNull();
        assertThat(plain.readTree(json.write(upstream)).has("stream_options")).isFalse();
    }

    @Test
    void leavesStreamOptionsOfANonStreamingRequestAlone() {
        ChatCompletionRequest request =
                request("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(OpenAiMapper.toUpstream(request, null, false)).isSameAs(request);
        assertThat(OpenAiMapper.toUpstream(request, null, true)).isSameAs(request);
    }

    @Test
    void copiesGroqsUsageFromXGroqIntoUsageKeepingItsTimings() {
        ChatCompletionChunk chunk =
                chunk("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{},\"finish_reason\":\"stop\"}],\"x_groq\":{\"id\":\"req_1\",\"usage\":{\"queue_time\":0.06,"
                        + "\"prompt_tokens\":18,\"completion_tokens\":439,\"total_tokens\":457}}}");

        Usage usage = OpenAiMapper.fromUpstream(chunk).usage();

        assertThat(usage).isNotNull();
        assertThat(List.of(usage.promptTokens(), usage.completionTokens(), usage.totalTokens()))
                .containsExactly(18, 439, 457);
        assertThat(usage.extra()).containsEntry("queue_time", 0.06);
        assertThat(OpenAiMapper.fromUpstream(chunk).extra()).containsKey("x_groq");
    }

    @Test
    void keepsAReportedUsageOverGroqsCopy() {
        ChatCompletionChunk chunk =
                chunk("{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2},"
                        + "\"x_groq\":{\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":9}}}");

        assertThat(OpenAiMapper.fromUpstream(chunk)).isSameAs(chunk);
    }

    @Test
    void indexesAndTypesToolCallFragmentsThatCameWithoutThem() {
        ChatCompletionChunk chunk = chunk(
                "{\"id\":\"b3\",\"choices\":[{\"index\":0,\"delta\":{\"content\":null,\"tool_calls\":["
                        + "{\"id\":\"gSIMJiOkT\",\"function\":{\"name\":\"weather\",\"arguments\":\"{}\"}},"
                        + "{\"id\":\"x2\",\"function\":{\"name\":\"time\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}]}");

        List<ToolCall> calls =
                OpenAiMapper.fromUpstream(chunk).choices().getFirst().delta().toolCalls();

        assertThat(calls).extracting(ToolCall::index).containsExactly(0, 1);
        assertThat(calls).extracting(ToolCall::type).containsExactly("function", "function");
        assertThat(calls).extracting(ToolCall::id).containsExactly("gSIMJiOkT", "x2");
        assertThat(calls.getFirst().function().name()).isEqualTo("weather");
    }

    @Test
    void leavesAChunkInOpenAisShapeUntouched() {
        ChatCompletionChunk chunk =
                chunk("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,"
                        + "\"function\":{\"arguments\":\"{\\\"lo\"}}]}}]}");

        assertThat(OpenAiMapper.fromUpstream(chunk)).isSameAs(chunk);
    }

    @Test
    void keepsRefusalsAndContentFilterFinishesAsSent() {
        ChatCompletionChunk refusal =
                chunk("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"I can't help with that.\"},"
                        + "\"finish_reason\":null,\"content_filter_results\":{}}]}");
        ChatCompletionChunk filtered =
                chunk("{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"content_filter\"}]}");

        assertThat(OpenAiMapper.fromUpstream(refusal)).isSameAs(refusal);
        assertThat(OpenAiMapper.fromUpstream(filtered).choices().getFirst().finishReason())
                .isEqualTo("content_filter");
        assertThat(plain.readTree(json.write(refusal))
                        .at("/choices/0/delta/refusal")
                        .asString())
                .isEqualTo("I can't help with that.");
    }

    @Test
    void readsTheQuirkSwitchesFromTheProvidersSettings() {
        assertThat(OpenAiQuirks.of(Map.of("no_done", "true", "no_stream_usage", " TRUE ")))
                .isEqualTo(new OpenAiQuirks(true, true));
        assertThat(OpenAiQuirks.of(Map.of("no_done", "false", "no_stream_usage", "yes")))
                .isEqualTo(OpenAiQuirks.NONE);
        assertThat(OpenAiTarget.of(target("openai-compatible", "http://llm/v1", Map.of("no_done", "true")))
                        .quirks())
                .isEqualTo(new OpenAiQuirks(true, false));
    }

    @Test
    void replacesTheModelOfEmbeddingRequestsToo() {
        EmbeddingRequest request =
                json.mapper().readValue("{\"model\":\"team-embed\",\"input\":\"x\"}", EmbeddingRequest.class);

        assertThat(OpenAiMapper.toUpstream(request, "text-embedding-3-small").model())
                .isEqualTo("text-embedding-3-small");
    }

    @Test
    void buildsOpenAiAndAzureUrlsAndCredentials() {
        OpenAiTarget compatible = OpenAiTarget.of(target("openai-compatible", "http://llm.internal/v1/", Map.of()));
        OpenAiTarget openai = OpenAiTarget.of(target("openai", null, Map.of()));
        OpenAiTarget azure =
                OpenAiTarget.of(target("azure-openai", "https://res.openai.azure.com", Map.of("api_version", "v9")));

        assertThat(compatible.uri("chat/completions")).hasToString("http://llm.internal/v1/chat/completions");
        assertThat(openai.uri("embeddings")).hasToString("https://api.openai.com/v1/embeddings");
        assertThat(azure.uri("chat/completions"))
                .hasToString("https://res.openai.azure.com/openai/deployments/dep%201/chat/completions?api-version=v9");
        assertThat(headers(compatible).getFirst("Authorization")).isEqualTo("Bearer sk-secret");
        assertThat(headers(azure).getFirst("api-key")).isEqualTo("sk-secret");
        assertThat(headers(azure).containsHeader("Authorization")).isFalse();
        assertThat(azure.toString()).doesNotContain("sk-secret");
    }

    @Test
    void refusesACompatibleProviderWithoutBaseUrl() {
        assertThatThrownBy(() -> OpenAiTarget.of(target("openai-compatible", null, Map.of())))
                .hasMessageContaining("base URL");
    }

    private ChatCompletionRequest request(String body) {
        return json.mapper().readValue(body, ChatCompletionRequest.class);
    }

    private ChatCompletionChunk chunk(String body) {
        return json.upstreamMapper().readValue(body, ChatCompletionChunk.class);
    }

    private static UpstreamTarget target(String type, String baseUrl, Map<String, String> settings) {
        return new UpstreamTarget(type, baseUrl == null ? null : URI.create(baseUrl), "sk-secret", "dep 1", settings);
    }

    private static HttpHeaders headers(OpenAiTarget target) {
        HttpHeaders headers = new HttpHeaders();
        target.authenticate(headers);
        return headers;
    }
}
