package dev.tollgate.model.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChatCompletionTests {

    static final JsonMapper json = JsonMapper.builder().build();

    static final String COMPLETION = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-2024-08-06",
             "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,
               "tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}],
               "annotations":[]},"logprobs":null,"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":20,"completion_tokens":30,"total_tokens":50,
               "prompt_tokens_details":{"cached_tokens":10,"audio_tokens":0,"x_vendor_tokens":3},
               "completion_tokens_details":{"reasoning_tokens":12,"audio_tokens":0,
                 "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
             "service_tier":"default","system_fingerprint":"fp_1"}
            """;

    @Test
    void readsCachedAndReasoningTokens() {
        ChatCompletion completion = json.readValue(COMPLETION, ChatCompletion.class);

        assertThat(completion.usage().promptTokensDetails().cachedTokens()).isEqualTo(10);
        assertThat(completion.usage().completionTokensDetails().reasoningTokens())
                .isEqualTo(12);
        assertThat(completion.choices().get(0).finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void unknownResponseFieldsSurviveARoundTrip() {
        ChatCompletion completion = json.readValue(COMPLETION, ChatCompletion.class);

        String written = json.writeValueAsString(completion);

        assertThat(json.readTree(written).at("/choices/0/message/annotations").isArray())
                .isTrue();
        assertThat(json.readTree(written)
                        .at("/usage/prompt_tokens_details/x_vendor_tokens")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void usageChunkIsRecognised() {
        String chunk = """
                {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[],
                 "usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}}""";

        assertThat(json.readValue(chunk, ChatCompletionChunk.class).usageOnly()).isTrue();
    }

    @Test
    void errorEnvelopeAlwaysCarriesParamAndCode() {
        String written = json.writeValueAsString(ErrorResponse.of("bad", "invalid_request_error", null, null));

        assertThat(json.readTree(written))
                .isEqualTo(
                        json.readTree(
                                "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"));
    }
}
