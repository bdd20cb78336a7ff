package dev.tollgate.gateway.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.bedrock.BedrockTools.OutputTool;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class BedrockMapperTests {

    static final OpenAiJson json = new OpenAiJson(64);

    static ChatCompletionRequest request(String body) {
        return json.mapper().readValue(body, ChatCompletionRequest.class);
    }

    /** The Converse request for {@code body}, as the JSON Bedrock receives. */
    static JsonNode converse(String body) {
        ChatCompletionRequest request = request(body);
        return json.mapper()
                .readTree(json.write(BedrockMapper.toConverseRequest(request, BedrockTools.outputTool(request))));
    }

    static ConverseResponse answer(String body) {
        return json.upstreamMapper().readValue(body, ConverseResponse.class);
    }

    static ChatCompletion completion(String answer, OutputTool output) {
        return BedrockMapper.toChatCompletion(
                answer(answer), "chatcmpl-1", 1700000000L, "amazon.nova-pro-v1:0", output);
    }

    @Test
    void systemAndDeveloperMessagesBecomeSystemBlocksAndTheRestAlternatingTurns() {
        JsonNode converse = converse("""
                {"model":"m","messages":[
                  {"role":"system","content":"You are terse."},
                  {"role":"developer","content":[{"type":"text","text":"Answer in French."}]},
                  {"role":"user","content":"Hi"},
                  {"role":"user","content":"Are you there?"},
                  {"role":"assistant","content":"Oui."}]}""");

        assertThat(converse.get("system").toString())
                .isEqualTo("[{\"text\":\"You are terse.\"},{\"text\":\"Answer in French.\"}]");
        assertThat(converse.get("messages").toString()).isEqualTo("""
                [{"role":"user","content":[{"text":"Hi"},{"text":"Are you there?"}]},\
                {"role":"assistant","content":[{"text":"Oui."}]}]""");
        assertThat(converse.has("inferenceConfig")).isFalse();
        assertThat(converse.has("toolConfig")).isFalse();
    }

    @Test
    void aMultiTurnToolConversationBecomesToolUseAndToolResultBlocks() {
        JsonNode converse = converse("""
                {"model":"m","tools":[{"type":"function","function":{"name":"weather","parameters":{"type":"object",
                  "properties":{"city":{"type":"string"}}}}}],
                 "messages":[
                  {"role":"user","content":"Weather in Paris and Rome?"},
                  {"role":"assistant","content":"Checking.","tool_calls":[
                    {"id":"tooluse_1","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                    {"id":"tooluse_2","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
                  {"role":"tool","tool_call_id":"tooluse_1","content":"18°C"},
                  {"role":"tool","tool_call_id":"tooluse_2","content":"24°C"},
                  {"role":"user","content":"Which is warmer?"}]}""");

        JsonNode messages = converse.get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1).toString()).isEqualTo("""
                {"role":"assistant","content":[{"text":"Checking."},\
                {"toolUse":{"toolUseId":"tooluse_1","name":"weather","input":{"city":"Paris"}}},\
                {"toolUse":{"toolUseId":"tooluse_2","name":"weather","input":{"city":"Rome"}}}]}""");
        assertThat(messages.get(2).toString()).isEqualTo("""
                {"role":"user","content":[\
                {"toolResult":{"toolUseId":"tooluse_1","content":[{"text":"18°C"}]}},\
                {"toolResult":{"toolUseId":"tooluse_2","content":[{"text":"24°C"}]}},\
                {"text":"Which is warmer?"}]}""");
        assertThat(converse.at("/toolConfig/tools/0/toolSpec/inputSchema/json/properties/city/type")
                        .asString())
                .isEqualTo("string");
        assertThat(converse.at("/toolConfig/toolChoice").isMissingNode()).isTrue();
    }

    @Test
    void inlineImagesBecomeImageBlocksWithTheirFormat() {
        JsonNode converse = converse("""
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"text","text":"Compare"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
                  {"type":"image_url","image_url":{"url":"data:image/jpg;base64,/9j/4AAQ","detail":"low"}}]}]}""");

        assertThat(converse.at("/messages/0/content").toString()).isEqualTo("""
                [{"text":"Compare"},{"image":{"format":"png","source":{"bytes":"iVBORw0KGgo="}}},\
                {"image":{"format":"jpeg","source":{"bytes":"/9j/4AAQ"}}}]""");
    }

    @Test
    void anImageByUrlIsRefusedWithAClearBadRequest() {
        assertThatThrownBy(() -> converse("""
                        {"model":"m","messages":[{"role":"user","content":[
                          {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}""")).isInstanceOfSatisfying(GatewayException.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(refused.status().value()).isEqualTo(400);
            assertThat(refused.getMessage()).contains("data: URI");
        });
    }

    @Test
    void limitsAndSamplingGoToTheInferenceConfig() {
        JsonNode converse = converse("""
                {"model":"m","max_tokens":100,"max_completion_tokens":50,"temperature":0.2,"top_p":0.9,
                 "stop":"END","messages":[{"role":"user","content":"Hi"}]}""");

        assertThat(converse.get("inferenceConfig").toString())
                .isEqualTo("{\"maxTokens\":50,\"temperature\":0.2,\"topP\":0.9,\"stopSequences\":[\"END\"]}");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"required\"|{\"any\":{}}",
                "{\"type\":\"function\",\"function\":{\"name\":\"weather\"}}|{\"tool\":{\"name\":\"weather\"}}"
            })
    void toolChoiceBecomesAnyOrANamedTool(String choice, String expected) {
        JsonNode converse = converse("""
                {"model":"m","tool_choice":%s,"tools":[{"type":"function","function":{"name":"weather"}}],
                 "messages":[{"role":"user","content":"Hi"}]}""".formatted(choice));

        assertThat(converse.at("/toolConfig/toolChoice").toString()).isEqualTo(expected);
        assertThat(converse.at("/toolConfig/tools/0/toolSpec/inputSchema/json").toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{}}");
    }

    @Test
    void toolChoiceNoneLeavesTheToolsOut() {
        JsonNode converse = converse("""
                {"model":"m","tool_choice":"none","tools":[{"type":"function","function":{"name":"weather"}}],
                 "messages":[{"role":"user","content":"Hi"}]}""");

        assertThat(converse.has("toolConfig")).isFalse();
    }

    @Test
    void aJsonSchemaResponseFormatIsAToolTheModelMustCall() {
        JsonNode converse = converse("""
                {"model":"m","messages":[{"role":"user","content":"Extract"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"person","strict":true,
                   "schema":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}}}}""");

        assertThat(converse.get("toolConfig").toString()).isEqualTo("""
                {"tools":[{"toolSpec":{"name":"person","inputSchema":{"json":{"type":"object",\
                "properties":{"name":{"type":"string"}},"required":["name"]}}}}],"toolChoice":{"any":{}}}""");
    }

    @Test
    void aSchemaNamedLikeOneOfTheCallersToolsIsRefused() {
        assertThatThrownBy(() -> converse("""
                        {"model":"m","messages":[{"role":"user","content":"Hi"}],
                         "tools":[{"type":"function","function":{"name":"person"}}],
                         "response_format":{"type":"json_schema","json_schema":{"name":"person","schema":{}}}}"""))
                .isInstanceOfSatisfying(
                        GatewayException.class,
                        refused -> assertThat(refused.param()).isEqualTo("response_format"));
    }

    @Test
    void whatConverseCannotExpressIsRefused() {
        assertThatThrownBy(() ->
                        converse("{\"model\":\"m\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("n must be 1");
        assertThatThrownBy(() -> converse("""
                        {"model":"m","messages":[{"role":"assistant","content":"x","tool_calls":[
                          {"id":"t","type":"function","function":{"name":"f","arguments":"[1,2]"}}]}]}"""))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void anAnswerBecomesAChatCompletionWithReasoningKeptOutOfTheContent() {
        ChatCompletion completion = completion("""
                {"output":{"message":{"role":"assistant","content":[
                  {"reasoningContent":{"reasoningText":{"text":"The user greets me.","signature":"sig"}}},
                  {"text":"Hello"},{"text":" there!"}]}},
                 "stopReason":"end_turn","usage":{"inputTokens":7,"outputTokens":39,"totalTokens":46}}""", null);

        var choice = completion.choices().getFirst();
        assertThat(completion.id()).isEqualTo("chatcmpl-1");
        assertThat(completion.object()).isEqualTo("chat.completion");
        assertThat(completion.model()).isEqualTo("amazon.nova-pro-v1:0");
        assertThat(choice.message().content().text()).isEqualTo("Hello there!");
        assertThat(choice.message().extra()).containsEntry("reasoning_content", "The user greets me.");
        assertThat(choice.finishReason()).isEqualTo("stop");
        assertThat(completion.usage().promptTokens()).isEqualTo(7);
        assertThat(completion.usage().completionTokens()).isEqualTo(39);
        assertThat(completion.usage().totalTokens()).isEqualTo(46);
    }

    @Test
    void toolUseBlocksBecomeToolCallsWithJsonArguments() {
        ChatCompletion completion = completion("""
                {"output":{"message":{"role":"assistant","content":[
                  {"toolUse":{"input":{"city":"London","date":"2022-01-01"},"name":"temperature",
                              "toolUseId":"tooluse_2IgdxwmNQ9quvRlyqF3PzQ"}}]}},
                 "stopReason":"tool_use","usage":{"inputTokens":571,"outputTokens":22,"totalTokens":593}}""", null);

        var message = completion.choices().getFirst().message();
        assertThat(message.content()).isNull();
        assertThat(message.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("tooluse_2IgdxwmNQ9quvRlyqF3PzQ");
            assertThat(call.type()).isEqualTo("function");
            assertThat(call.function().name()).isEqualTo("temperature");
            assertThat(call.function().arguments()).isEqualTo("{\"city\":\"London\",\"date\":\"2022-01-01\"}");
        });
        assertThat(completion.choices().getFirst().finishReason()).isEqualTo("tool_calls");
    }

    @Test
    void theOutputToolsInputIsTheStructuredAnswerAndTextAroundItIsDropped() {
        ChatCompletion completion = completion("""
                {"output":{"message":{"role":"assistant","content":[
                  {"toolUse":{"input":{"city":"London","temperature":"30°C"},"name":"final_result","toolUseId":"t1"}},
                  {"text":"\\n\\nThe temperature in London was 30°C."}]}},"stopReason":"tool_use"}""", new OutputTool("final_result", null, java.util.Map.of()));

        var choice = completion.choices().getFirst();
        assertThat(choice.message().content().text()).isEqualTo("{\"city\":\"London\",\"temperature\":\"30°C\"}");
        assertThat(choice.message().toolCalls()).isNull();
        assertThat(choice.finishReason()).isEqualTo("stop");
    }

    @ParameterizedTest
    @CsvSource({
        "end_turn,stop",
        "stop_sequence,stop",
        "max_tokens,length",
        "tool_use,tool_calls",
        "guardrail_intervened,content_filter",
        "content_filtered,content_filter",
        ",stop"
    })
    void stopReasonsBecomeFinishReasons(String stopReason, String finishReason) {
        assertThat(BedrockMapper.toFinishReason(stopReason)).isEqualTo(finishReason);
    }

    /** A real usage block of Claude Sonnet 4.5 on Bedrock, whose input tokens exclude the 1504 read from the cache. */
    @Test
    void cachedPromptTokensCountAsPromptTokensAndAsTheCachedShare() {
        Usage usage = BedrockMapper.toUsage(answer("""
                {"usage":{"cacheReadInputTokenCount":1504,"cacheReadInputTokens":1504,"cacheWriteInputTokenCount":0,
                 "cacheWriteInputTokens":0,"inputTokens":13,"outputTokens":5,"serverToolUsage":{},"totalTokens":1522}}""").usage());

        assertThat(usage.promptTokens()).isEqualTo(1517);
        assertThat(usage.completionTokens()).isEqualTo(5);
        assertThat(usage.totalTokens()).isEqualTo(1522);
        assertThat(usage.promptTokensDetails().cachedTokens()).isEqualTo(1504);
        assertThat(usage.extra())
                .containsEntry("cache_read_input_tokens", 1504)
                .containsEntry("cache_creation_input_tokens", 0);
    }

    @Test
    void cacheWritesArePromptTokensButNotCached() {
        Usage usage = BedrockMapper.toUsage(answer("""
                {"usage":{"inputTokens":22,"outputTokens":1000,"cacheReadInputTokens":0,"cacheWriteInputTokens":3010,
                 "totalTokens":4032}}""").usage());

        assertThat(usage.promptTokens()).isEqualTo(3032);
        assertThat(usage.totalTokens()).isEqualTo(4032);
        assertThat(usage.promptTokensDetails().cachedTokens()).isZero();
    }
}
