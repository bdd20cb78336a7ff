package dev.tollgate.gateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Both directions of the request and response mappings; streams and errors have their own tests. */
class AnthropicMapperTests {

    static final OpenAiJson json = new OpenAiJson(64);
    static final JsonMapper plain = JsonMapper.builder().build();

    @Test
    void extractsSystemAndDeveloperMessagesIntoTheSystemPromptWhereverTheyStand() {
        JsonNode sent = forward("""
                {"model":"m","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},
                 {"role":"developer","content":[{"type":"text","text":"Use French.","cache_control":{"type":"ephemeral"}}]}]}""");

        assertThat(sent.get("system")).isEqualTo(tree("""
                        [{"type":"text","text":"Be brief."},
                         {"type":"text","text":"Use French.","cache_control":{"type":"ephemeral"}}]"""));
        assertThat(sent.get("messages")).isEqualTo(tree("[{\"role\":\"user\",\"content\":\"Hi\"}]"));
        assertThat(forward("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                                + "{\"role\":\"user\",\"content\":\"Hi\"}]}")
                        .get("system")
                        .asString())
                .isEqualTo("Be brief.");
    }

    @Test
    void alwaysSendsMaxTokensPreferringMaxCompletionTokensThenMaxTokensThenTheDefault() {
        String messages = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

        assertThat(forward("{\"model\":\"m\"," + messages + ",\"max_completion_tokens\":7,\"max_tokens\":9}")
                        .get("max_tokens")
                        .asInt())
                .isEqualTo(7);
        assertThat(forward("{\"model\":\"m\"," + messages + ",\"max_tokens\":9}")
                        .get("max_tokens")
                        .asInt())
                .isEqualTo(9);
        assertThat(forward("{\"model\":\"m\"," + messages + "}")
                        .get("max_tokens")
                        .asInt())
                .isEqualTo(4096);
    }

    @Test
    void turnsAMultiTurnToolConversationIntoAlternatingTurnsWithToolUseAndToolResultBlocks() {
        JsonNode sent = forward("""
                {"model":"m","messages":[
                 {"role":"user","content":"Weather in Paris and Rome?"},
                 {"role":"assistant","content":"Let me check.","tool_calls":[
                   {"id":"toolu_1","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}},
                   {"id":"toolu_2","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Rome\\"}"}}]},
                 {"role":"tool","tool_call_id":"toolu_1","content":"18C"},
                 {"role":"tool","tool_call_id":"toolu_2","content":[{"type":"text","text":"24C"}]},
                 {"role":"user","content":"And tomorrow?"},
                 {"role":"assistant","content":"","tool_calls":[
                   {"id":"toolu_3","type":"function","function":{"name":"forecast","arguments":""}}]}]}""");

        assertThat(sent.get("messages")).isEqualTo(tree("""
                [{"role":"user","content":"Weather in Paris and Rome?"},
                 {"role":"assistant","content":[{"type":"text","text":"Let me check."},
                   {"type":"tool_use","id":"toolu_1","name":"weather","input":{"city":"Paris"}},
                   {"type":"tool_use","id":"toolu_2","name":"weather","input":{"city":"Rome"}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},
                   {"type":"tool_result","tool_use_id":"toolu_2","content":"24C"},
                   {"type":"text","text":"And tomorrow?"}]},
                 {"role":"assistant","content":[{"type":"tool_use","id":"toolu_3","name":"forecast","input":{}}]}]"""));
    }

    @Test
    void sendsDataUriImagesAsBase64AndWebImagesAsUrls() {
        JsonNode sent = forward("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"Compare"},
                 {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,/9j/4AAQ","detail":"high"}},
                 {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}""");

        assertThat(sent.at("/messages/0/content")).isEqualTo(tree("""
                [{"type":"text","text":"Compare"},
                 {"type":"image","source":{"type":"base64","media_type":"image/jpeg","data":"/9j/4AAQ"}},
                 {"type":"image","source":{"type":"url","url":"https://example.com/cat.png"}}]"""));
    }

    @Test
    void refusesImagesThatAreNeitherWebUrlsNorBase64DataUris() {
        assertRefused("""
                {"model":"m","messages":[{"role":"user","content":[
                 {"type":"image_url","image_url":{"url":"data:image/svg+xml,<svg/>"}}]}]}""", "messages[0].content[0].image_url.url");
        assertRefused("""
                {"model":"m","messages":[{"role":"user","content":[
                 {"type":"image_url","image_url":{"url":"file:///etc/passwd"}}]}]}""", "messages[0].content[0].image_url.url");
    }

    @Test
    void declaresFunctionsAsToolsWithTheirParametersAsInputSchema() {
        JsonNode sent = forward("""
                {"model":"m","messages":[{"role":"user","content":"Hi"}],"tools":[
                 {"type":"function","function":{"name":"weather","description":"Weather now",
                   "parameters":{"type":"object","properties":{"city":{"type":"string"}}},"strict":true}},
                 {"type":"function","function":{"name":"ping"}}]}""");

        assertThat(sent.get("tools")).isEqualTo(tree("""
                [{"name":"weather","description":"Weather now",
                  "input_schema":{"type":"object","properties":{"city":{"type":"string"}}}},
                 {"name":"ping","input_schema":{"type":"object","properties":{}}}]"""));
        assertThat(sent.has("tool_choice")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"auto\"                                          | {\"type\":\"auto\"}",
                "\"none\"                                          | {\"type\":\"none\"}",
                "\"required\"                                      | {\"type\":\"any\"}",
                "{\"type\":\"function\",\"function\":{\"name\":\"ping\"}} | {\"type\":\"tool\",\"name\":\"ping\"}"
            })
    void mapsEveryToolChoice(String openAi, String anthropic) {
        JsonNode sent = forward("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"ping\"}}],\"tool_choice\":" + openAi
                + "}");

        assertThat(sent.get("tool_choice")).isEqualTo(tree(anthropic));
    }

    @Test
    void turnsParallelToolCallsOffWithDisableParallelToolUse() {
        JsonNode sent = forward("""
                {"model":"m","messages":[{"role":"user","content":"Hi"}],"parallel_tool_calls":false,
                 "tools":[{"type":"function","function":{"name":"ping"}}]}""");

        assertThat(sent.get("tool_choice")).isEqualTo(tree("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"));
    }

    @Test
    void passesStopSequencesSamplingAndTheEndUser() {
        JsonNode sent = forward("""
                {"model":"m","messages":[{"role":"user","content":"Hi"}],"stop":"END","temperature":0.3,
                 "top_p":0.9,"user":"user-42","seed":7,"presence_penalty":0.5,"top_k":40}""");

        assertThat(sent.get("stop_sequences")).isEqualTo(tree("[\"END\"]"));
        assertThat(sent.get("temperature").asDouble()).isEqualTo(0.3);
        assertThat(sent.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(sent.get("top_k").asInt()).isEqualTo(40);
        assertThat(sent.get("metadata")).isEqualTo(tree("{\"user_id\":\"user-42\"}"));
        assertThat(sent.has("seed") || sent.has("presence_penalty")).isFalse();
        assertThat(AnthropicMapper.IGNORED_PARAMETERS).contains("seed", "presence_penalty");
    }

    @Test
    void asksForAJsonSchemaByForcingAToolWhoseInputSchemaIsTheSchema() {
        String request = """
                {"model":"m","messages":[{"role":"user","content":"Capital of France?"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"capital","strict":true,
                   "schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}}""";
        JsonNode sent = forward(request);

        assertThat(sent.get("tools")).hasSize(1);
        assertThat(sent.at("/tools/0/name").asString()).isEqualTo("capital");
        assertThat(sent.at("/tools/0/input_schema/required")).isEqualTo(tree("[\"city\"]"));
        assertThat(sent.get("tool_choice")).isEqualTo(tree("{\"type\":\"tool\",\"name\":\"capital\"}"));
        assertThat(AnthropicMapper.structuredOutputTool(read(request))).isEqualTo("capital");
    }

    @Test
    void letsTheModelCallTheCallersToolsBeforeItsStructuredAnswer() {
        JsonNode sent = forward("""
                {"model":"m","messages":[{"role":"user","content":"Hi"}],"response_format":{"type":"json_object"},
                 "tools":[{"type":"function","function":{"name":"ping"}}]}""");

        assertThat(sent.findValuesAsString("name")).containsExactly("ping", "json_response");
        assertThat(sent.at("/tools/1/input_schema")).isEqualTo(tree("{\"type\":\"object\"}"));
        assertThat(sent.get("tool_choice")).isEqualTo(tree("{\"type\":\"any\"}"));
    }

    @Test
    void refusesWhatAnthropicCannotAnswerInsteadOfSilentlyIgnoringIt() {
        String hi = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

        assertRefused("{\"model\":\"m\"," + hi + ",\"n\":2}", "n");
        assertRefused("{\"model\":\"m\"," + hi + ",\"logprobs\":true}", "logprobs");
        assertRefused("{\"model\":\"m\"," + hi + ",\"modalities\":[\"text\",\"audio\"]}", "modalities");
        assertRefused("""
                {"model":"m","messages":[{"role":"assistant","content":null,"tool_calls":[
                 {"id":"t","type":"function","function":{"name":"f","arguments":"{not json"}}]}]}""", "messages[0].tool_calls[0].function.arguments");
        assertRefused("""
                {"model":"m","messages":[{"role":"tool","content":"18C"}]}""", "messages[0].tool_call_id");
    }

    @Test
    void joinsTextBlocksAndKeepsThinkingOutOfTheContent() {
        MessagesResponse response = response("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[
                 {"type":"thinking","thinking":"The user greets me.","signature":"EqQB"},
                 {"type":"redacted_thinking","data":"EmwKAhgB"},
                 {"type":"text","text":"Hello"},{"type":"text","text":" there!"}],
                 "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":10,"output_tokens":5}}""");

        ChatCompletion completion = AnthropicMapper.toChatCompletion(response, null, 1_700_000_000L);

        assertThat(tree(json.write(completion))).isEqualTo(tree("""
                {"id":"msg_1","object":"chat.completion","created":1700000000,"model":"claude-sonnet-4-5",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there!",
                   "reasoning_content":"The user greets me."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15,
                   "prompt_tokens_details":{"cached_tokens":0},
                   "cache_creation_input_tokens":0,"cache_read_input_tokens":0}}"""));
    }

    @Test
    void returnsToolUseBlocksAsToolCallsWithTheirInputAsArgumentsJson() {
        MessagesResponse response = response("""
                {"id":"msg_1","type":"message","role":"assistant","model":"m","content":[
                 {"type":"tool_use","id":"toolu_1","name":"weather","input":{"city":"Paris","days":[1,2]}}],
                 "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1}}""");

        ChatCompletion.Choice choice =
                AnthropicMapper.toChatCompletion(response, null, 0).choices().getFirst();

        assertThat(choice.finishReason()).isEqualTo("tool_calls");
        assertThat(choice.message().content()).isNull();
        assertThat(tree(json.write(choice.message().toolCalls()))).isEqualTo(tree("""
                [{"id":"toolu_1","type":"function",
                  "function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\",\\"days\\":[1,2]}"}}]"""));
    }

    @Test
    void returnsTheStructuredOutputToolsInputAsTheContentOfAFinishedAnswer() {
        MessagesResponse response = response("""
                {"id":"msg_1","type":"message","role":"assistant","model":"m","content":[
                 {"type":"text","text":"Here it is."},
                 {"type":"tool_use","id":"toolu_1","name":"capital","input":{"city":"Paris"}}],
                 "stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":1}}""");

        ChatCompletion.Choice choice = AnthropicMapper.toChatCompletion(response, "capital", 0)
                .choices()
                .getFirst();

        assertThat(choice.message().content().text()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(choice.message().toolCalls()).isNull();
        assertThat(choice.finishReason()).isEqualTo("stop");
    }

    @ParameterizedTest
    @CsvSource({
        "end_turn, stop",
        "stop_sequence, stop",
        "pause_turn, stop",
        "max_tokens, length",
        "model_context_window_exceeded, length",
        "tool_use, tool_calls",
        "refusal, content_filter"
    })
    void mapsEveryStopReasonToAFinishReason(String stopReason, String finishReason) {
        MessagesResponse response = response("{\"id\":\"msg_1\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}],"
                + "\"stop_reason\":\"" + stopReason + "\"}");

        assertThat(AnthropicMapper.toChatCompletion(response, null, 0)
                        .choices()
                        .getFirst()
                        .finishReason())
                .isEqualTo(finishReason);
    }

    @Test
    void countsCacheReadsAndWritesAsPromptTokensWithReadsAsCachedTokens() {
        MessagesResponse response = response("""
                {"id":"msg_1","content":[],"stop_reason":"end_turn","usage":{"input_tokens":11,
                 "cache_creation_input_tokens":300,"cache_read_input_tokens":2055,"output_tokens":100}}""");

        Usage usage = AnthropicMapper.toChatCompletion(response, null, 0).usage();

        assertThat(usage.promptTokens()).isEqualTo(2366);
        assertThat(usage.completionTokens()).isEqualTo(100);
        assertThat(usage.totalTokens()).isEqualTo(2466);
        assertThat(usage.promptTokensDetails().cachedTokens()).isEqualTo(2055);
        assertThat(usage.extra()).containsEntry("cache_creation_input_tokens", 300);
    }

    @Test
    void turnsAMessagesRequestIntoAChatRequestForTheIngress() {
        MessagesRequest request = messagesRequest("""
                {"model":"claude-sonnet-4-5","max_tokens":512,"system":"Be brief.","stream":true,
                 "stop_sequences":["END"],"temperature":0.2,"metadata":{"user_id":"user-42"},
                 "tool_choice":{"type":"tool","name":"weather","disable_parallel_tool_use":true},
                 "tools":[{"name":"weather","description":"Weather now","input_schema":{"type":"object"}}],
                 "messages":[
                  {"role":"user","content":[{"type":"text","text":"What is this?"},
                    {"type":"image","source":{"type":"base64","media_type":"image/png","data":"iVBORw0"}},
                    {"type":"image","source":{"type":"url","url":"https://example.com/a.png"}}]},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"hm","signature":"x"},
                    {"type":"text","text":"Checking."},
                    {"type":"tool_use","id":"toolu_1","name":"weather","input":{"city":"Paris"}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18C"},
                    {"type":"text","text":"Thanks"}]}]}""");

        ChatCompletionRequest chat = AnthropicMapper.toChatRequest(request);

        assertThat(tree(json.write(chat))).isEqualTo(tree("""
                {"model":"claude-sonnet-4-5","messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":[{"type":"text","text":"What is this?"},
                    {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0"}},
                    {"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]},
                  {"role":"assistant","content":"Checking.","tool_calls":[{"id":"toolu_1","type":"function",
                    "function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                  {"role":"tool","content":"18C","tool_call_id":"toolu_1"},
                  {"role":"user","content":"Thanks"}],
                 "tools":[{"type":"function","function":{"name":"weather","description":"Weather now",
                   "parameters":{"type":"object"}}}],
                 "tool_choice":{"type":"function","function":{"name":"weather"}},
                 "stream":true,"stream_options":{"include_usage":true},"max_completion_tokens":512,
                 "temperature":0.2,"stop":["END"],"user":"user-42","parallel_tool_calls":false}"""));
    }

    @Test
    void refusesIngressRequestsAnthropicWouldRefuseOrOnlyAnthropicCouldServe() {
        assertThatThrownBy(() -> AnthropicMapper.toChatRequest(
                        messagesRequest("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")))
                .isInstanceOfSatisfying(
                        GatewayException.class,
                        error -> assertThat(error.param()).isEqualTo("max_tokens"));
        assertThatThrownBy(() -> AnthropicMapper.toChatRequest(messagesRequest("""
                        {"model":"m","max_tokens":5,"messages":[{"role":"user","content":"Hi"}],
                         "tools":[{"type":"web_search_20250305","name":"web_search"}]}""")))
                .hasMessageContaining("web_search_20250305");
    }

    @Test
    void turnsAChatCompletionIntoAMessagesResponseForTheIngress() {
        ChatCompletion completion = json.mapper().readValue("""
                {"id":"chatcmpl-9","object":"chat.completion","created":1,"model":"gpt-4o","choices":[{"index":0,
                 "message":{"role":"assistant","content":"Let me check.","tool_calls":[{"id":"call_1","type":"function",
                   "function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":20,"total_tokens":140,
                   "prompt_tokens_details":{"cached_tokens":100}}}""", ChatCompletion.class);

        MessagesResponse response = AnthropicMapper.toMessagesResponse(completion, 0);

        assertThat(tree(json.write(response))).isEqualTo(tree("""
                {"id":"msg_chatcmpl-9","type":"message","role":"assistant","model":"gpt-4o","content":[
                  {"type":"text","text":"Let me check."},
                  {"type":"tool_use","id":"call_1","name":"weather","input":{"city":"Paris"}}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":20,"cache_creation_input_tokens":0,"cache_read_input_tokens":100,
                   "output_tokens":20}}"""));
    }

    static JsonNode forward(String openAiRequest) {
        return tree(json.write(AnthropicMapper.toMessagesRequest(read(openAiRequest), "claude-x", 4096)));
    }

    static ChatCompletionRequest read(String body) {
        return json.mapper().readValue(body, ChatCompletionRequest.class);
    }

    static MessagesResponse response(String body) {
        return json.upstreamMapper().readValue(body, MessagesResponse.class);
    }

    static MessagesRequest messagesRequest(String body) {
        return json.mapper().readValue(body, MessagesRequest.class);
    }

    static JsonNode tree(byte[] body) {
        return plain.readTree(body);
    }

    static JsonNode tree(String body) {
        return plain.readTree(body);
    }

    private static void assertRefused(String request, String param) {
        assertThatThrownBy(() -> forward(request)).isInstanceOfSatisfying(GatewayException.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(error.status().value()).isEqualTo(400);
            assertThat(error.param()).isEqualTo(param);
        });
    }
}
