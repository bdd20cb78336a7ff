package dev.tollgate.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChatCompletionRequestTests {

    static final JsonMapper json = JsonMapper.builder().build();

    static final String FULL_REQUEST = """
            {"model":"gpt-4o","messages":[
              {"role":"system","content":"Be brief."},
              {"role":"user","content":[{"type":"text","text":"What is in this image?"},
                {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"low","x_crop":[0,0]}},
                {"type":"input_audio","input_audio":{"data":"AAA=","format":"wav"}}]},
              {"role":"assistant","tool_calls":[{"id":"call_1","type":"function",
                "function":{"name":"lookup","arguments":"{\\"q\\":\\"cat\\"}","x_trace":"t"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"a cat"}],
             "tools":[{"type":"function","function":{"name":"lookup","description":"Looks up",
               "parameters":{"type":"object","properties":{"q":{"type":"string"}}},"strict":true,"x_hint":1}}],
             "tool_choice":{"type":"function","function":{"name":"lookup"}},
             "response_format":{"type":"json_schema","structures":[{"begin":"<a>"}],"json_schema":{"name":"answer","strict":true,"x_v":2,
               "schema":{"type":"object","properties":{"a":{"type":"string"}}}}},
             "stream":true,"stream_options":{"include_usage":true},
             "max_tokens":100,"max_completion_tokens":200,"temperature":0.2,"top_p":0.9,"n":1,
             "stop":["\\n\\n","END"],"seed":42,"user":"u-1","metadata":{"team":"search"},
             "logit_bias":{"50256":-100},"prediction":{"type":"content","content":"x"},"store":false,
             "reasoning_effort":"low"}
            """;

    @Test
    void readsEveryModelledField() {
        ChatCompletionRequest request = json.readValue(FULL_REQUEST, ChatCompletionRequest.class);

        assertThat(request.model()).isEqualTo("gpt-4o");
        assertThat(request.messages()).hasSize(4);
        assertThat(request.messages().get(0).content()).isEqualTo(new MessageContent.Text("Be brief."));
        assertThat(request.messages().get(1).content()).isInstanceOf(MessageContent.Parts.class);
        assertThat(request.messages().get(1).content().text()).isEqualTo("What is in this image?");
        assertThat(request.messages().get(2).toolCalls().get(0).function().arguments())
                .isEqualTo("{\"q\":\"cat\"}");
        assertThat(request.messages().get(3).toolCallId()).isEqualTo("call_1");
        assertThat(request.tools().get(0).function().strict()).isTrue();
        assertThat(request.responseFormat().jsonSchema().name()).isEqualTo("answer");
        assertThat(request.streaming()).isTrue();
        assertThat(request.wantsStreamUsage()).isTrue();
        assertThat(request.maxTokens()).isEqualTo(100);
        assertThat(request.maxCompletionTokens()).isEqualTo(200);
        assertThat(request.seed()).isEqualTo(42L);
        assertThat(request.metadata()).containsEntry("team", "search");
    }

    @Test
    void unknownFieldsSurviveARoundTripUnchanged() {
        ChatCompletionRequest request = json.readValue(FULL_REQUEST, ChatCompletionRequest.class);

        JsonNode written = json.readTree(json.writeValueAsString(request));

        assertThat(request.extra()).containsKeys("logit_bias", "prediction", "store", "reasoning_effort");
        assertThat(written).isEqualTo(json.readTree(FULL_REQUEST));
    }

    @Test
    void absentOptionalFieldsAreNotInvented() {
        String minimal = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        String written = json.writeValueAsString(json.readValue(minimal, ChatCompletionRequest.class));

        assertThat(json.readTree(written)).isEqualTo(json.readTree(minimal));
    }

    @Test
    void rejectsANullContentPart() {
        String nullPart = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[null]}]}";

        assertThatThrownBy(() -> json.readValue(nullPart, ChatCompletionRequest.class))
                .hasMessageContaining("content parts must not be null");
    }

    @Test
    void rejectsContentThatIsNeitherStringNorParts() {
        String numeric = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":42}]}";

        assertThatThrownBy(() -> json.readValue(numeric, ChatCompletionRequest.class))
                .hasMessageContaining("message content must be a string or an array of content parts");
    }
}
