package dev.tollgate.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionChunk.ChunkChoice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeminiStreamTranslatorTests {

    static final OpenAiJson json = new OpenAiJson(64);
    static final JsonMapper plain = JsonMapper.builder().build();

    final GeminiStreamTranslator translator = new GeminiStreamTranslator("gemini", "gemini-2.5-flash", 1_700_000_000L);

    @Test
    void theRoleComesFirstThenTextDeltasThenTheFinishAndTheUsage() {
        List<ChatCompletionChunk> chunks = translate("""
                {"candidates":[{"content":{"parts":[{"text":"The capital"}],"role":"model"},"index":0}],
                 "usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":2,"totalTokenCount":9},
                 "modelVersion":"gemini-2.5-flash-001","responseId":"r-1"}""", """
                {"candidates":[{"content":{"parts":[{"text":"Why?","thought":true},{"text":" is Paris."}],"role":"model"},
                  "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":5,"thoughtsTokenCount":20,"totalTokenCount":32},
                 "modelVersion":"gemini-2.5-flash-001","responseId":"r-1"}""");

        assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly("chatcmpl-r-1");
        assertThat(chunks).extracting(ChatCompletionChunk::model).containsOnly("gemini-2.5-flash-001");
        assertThat(tree(chunks.get(0)).path("choices"))
                .isEqualTo(plain.readTree(
                        "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"The capital\"}}]"));
        assertThat(tree(chunks.get(1)).path("choices"))
                .isEqualTo(plain.readTree("[{\"index\":0,\"delta\":{\"content\":\" is Paris.\"}}]"));
        assertThat(tree(chunks.get(2)).path("choices"))
                .isEqualTo(plain.readTree("[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]"));
        ChatCompletionChunk usage = chunks.get(3);
        assertThat(usage.usageOnly()).isTrue();
        assertThat(usage.usage().completionTokens()).as("output and thoughts").isEqualTo(25);
        assertThat(usage.usage().completionTokensDetails().reasoningTokens()).isEqualTo(20);
        assertThat(chunks).hasSize(4);
    }

    @Test
    void functionCallsArriveAsWholeToolCallDeltasIndexedAcrossEvents() {
        List<ChatCompletionChunk> chunks = translate("""
                {"candidates":[{"content":{"parts":[{"functionCall":{"name":"a","args":{"x":1}},"thoughtSignature":"c2ln"}],
                  "role":"model"},"index":0}],"responseId":"r-2"}""", """
                {"candidates":[{"content":{"parts":[{"functionCall":{"name":"b"}}],"role":"model"},"index":0}],
                 "responseId":"r-2"}""", """
                {"candidates":[{"content":{"parts":[{"text":""}],"role":"model"},"finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":4,"totalTokenCount":7},"responseId":"r-2"}""");

        assertThat(tree(chunks.get(0)).path("choices").path(0).path("delta")).isEqualTo(plain.readTree("""
                        {"role":"assistant","tool_calls":[{"index":0,"id":"call_r-2_0","type":"function",
                          "function":{"name":"a","arguments":"{\\"x\\":1}"},
                          "extra_content":{"google":{"thought_signature":"c2ln"}}}]}"""));
        assertThat(tree(chunks.get(1)).path("choices").path(0).path("delta")).isEqualTo(plain.readTree("""
                        {"tool_calls":[{"index":1,"id":"call_r-2_1","type":"function",
                          "function":{"name":"b","arguments":"{}"}}]}"""));
        assertThat(chunks.get(2).choices().getFirst().finishReason()).isEqualTo("tool_calls");
        assertThat(chunks.get(3).usageOnly()).isTrue();
    }

    @Test
    void aFinishReasonOnEveryEventStillFinishesOnceAtTheEnd() {
        List<ChatCompletionChunk> chunks = translate(
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}],\"role\":\"model\"},\"finishReason\":\"STOP\"}]}",
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"b\"}],\"role\":\"model\"},\"finishReason\":\"STOP\"}]}");

        assertThat(chunks)
                .extracting(chunk -> chunk.choices().getFirst().finishReason())
                .containsExactly(null, null, "stop");
        assertThat(chunks).noneMatch(ChatCompletionChunk::usageOnly);
    }

    @Test
    void eachCandidateIsAChoiceAndEachFinishesOnItsOwn() {
        List<ChatCompletionChunk> chunks = translate("""
                {"candidates":[
                  {"content":{"parts":[{"text":"Yes"}],"role":"model"},"finishReason":"STOP","index":0},
                  {"content":{"parts":[{"text":"No"}],"role":"model"},"finishReason":"SAFETY","index":1}]}""");

        List<String> finishes = new ArrayList<>();
        chunks.forEach(chunk -> chunk.choices().stream()
                .map(ChunkChoice::finishReason)
                .filter(reason -> reason != null)
                .forEach(finishes::add));
        assertThat(chunks.subList(0, 2))
                .extracting(chunk -> chunk.choices().getFirst().index())
                .containsExactly(0, 1);
        assertThat(finishes).containsExactly("stop", "content_filter");
    }

    @Test
    void aStreamClosedBeforeAFinishReasonIsCut() {
        translator.chunks(event("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}],\"role\":\"model\"}}]}"));

        assertThatThrownBy(translator::finish)
                .isInstanceOfSatisfying(
                        GatewayException.class,
                        error -> assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE));
    }

    @Test
    void aStreamWithNothingInItIsCut() {
        assertThatThrownBy(translator::finish).isInstanceOf(GatewayException.class);
    }

    private List<ChatCompletionChunk> translate(String... events) {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        for (String event : events) {
            chunks.addAll(translator.chunks(event(event)));
        }
        chunks.addAll(translator.finish());
        return chunks;
    }

    private static GeminiResponse event(String body) {
        return json.upstreamMapper().readValue(body, GeminiResponse.class);
    }

    private static JsonNode tree(ChatCompletionChunk chunk) {
        return plain.readTree(json.write(chunk));
    }
}
