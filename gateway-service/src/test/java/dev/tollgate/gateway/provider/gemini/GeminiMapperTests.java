package dev.tollgate.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import dev.tollgate.model.openai.ToolCall;
import dev.tollgate.model.openai.Usage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GeminiMapperTests {

    static final OpenAiJson json = new OpenAiJson(64);
    static final JsonMapper plain = JsonMapper.builder().build();

    // ---- requests

    @Test
    void systemAndDeveloperMessagesBecomeTheSystemInstructionAndRolesBecomeGeminis() {
        JsonNode sent = toGemini("""
                {"model":"m","messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":"Hi"},
                  {"role":"assistant","content":"Hello!"},
                  {"role":"developer","content":"Answer in French."},
                  {"role":"user","content":"How are you?"}]}""");

        assertThat(sent.path("systemInstruction"))
                .isEqualTo(tree("{\"parts\":[{\"text\":\"Be brief.\"},{\"text\":\"Answer in French.\"}]}"));
        assertThat(sent.path("contents")).isEqualTo(tree("""
                        [{"role":"user","parts":[{"text":"Hi"}]},
                         {"role":"model","parts":[{"text":"Hello!"}]},
                         {"role":"user","parts":[{"text":"How are you?"}]}]"""));
        assertThat(sent.has("generationConfig")).as("nothing to configure").isFalse();
    }

    @Test
    void aToolCallSurvivesTheRoundTripThroughAMultiTurnConversation() {
        GeminiResponse answer = response("""
                {"candidates":[{"content":{"role":"model","parts":[
                  {"functionCall":{"name":"get_weather","args":{"city":"Paris"}},"thoughtSignature":"c2lnLTE="},
                  {"functionCall":{"name":"get_time","args":{"zone":"CET"}}}]},
                  "finishReason":"STOP","index":0}],"responseId":"resp-1"}""");
        ChatMessage assistant = GeminiResponseMapper.toChatCompletion(answer, "gemini-2.5-flash", 1L)
                .choices()
                .getFirst()
                .message();
        List<ToolCall> calls = assistant.toolCalls();

        ChatCompletionRequest next = new ChatCompletionRequest(
                "m",
                List.of(
                        ChatMessage.of("user", "Weather and time in Paris?"),
                        plain.readValue(plain.writeValueAsString(assistant), ChatMessage.class),
                        toolResult(calls.get(1).id(), "{\"time\":\"10:00\"}"),
                        toolResult(calls.get(0).id(), "sunny"),
                        ChatMessage.of("user", "Thanks")),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        JsonNode sent = plain.valueToTree(GeminiMapper.toRequest(next));

        assertThat(calls).extracting(ToolCall::id).containsExactly("call_resp-1_0", "call_resp-1_1");
        assertThat(sent.path("contents")).isEqualTo(tree("""
                        [{"role":"user","parts":[{"text":"Weather and time in Paris?"}]},
                         {"role":"model","parts":[
                           {"thoughtSignature":"c2lnLTE=","functionCall":{"name":"get_weather","args":{"city":"Paris"}}},
                           {"functionCall":{"name":"get_time","args":{"zone":"CET"}}}]},
                         {"role":"user","parts":[
                           {"functionResponse":{"name":"get_time","response":{"time":"10:00"}}},
                           {"functionResponse":{"name":"get_weather","response":{"result":"sunny"}}}]},
                         {"role":"user","parts":[{"text":"Thanks"}]}]"""));
    }

    @Test
    void aToolCallTurnThatLostItsSignaturesGetsGooglesPlaceholderOnItsFirstCall() {
        JsonNode sent = toGemini("""
                {"model":"m","messages":[{"role":"user","content":"Go"},
                  {"role":"assistant","tool_calls":[
                    {"id":"a","type":"function","function":{"name":"f","arguments":"{}"}},
                    {"id":"b","type":"function","function":{"name":"g","arguments":""}}]}]}""");

        assertThat(sent.path("contents").path(1).path("parts"))
                .isEqualTo(tree("""
                        [{"thoughtSignature":"%s","functionCall":{"name":"f","args":{}}},
                         {"functionCall":{"name":"g","args":{}}}]""".formatted(GeminiThoughts.SKIP_VALIDATOR)));
    }

    @Test
    void aToolResultForACallNoAssistantMadeIsABadRequest() {
        assertThatThrownBy(() -> toGemini("""
                        {"model":"m","messages":[{"role":"user","content":"Hi"},
                          {"role":"tool","tool_call_id":"call_x","content":"42"}]}""")).isInstanceOfSatisfying(GatewayException.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(error.param()).isEqualTo("messages[1].tool_call_id");
        });
    }

    @Test
    void imagesBecomeInlineDataOrFileDataWithTheirType() {
        JsonNode sent = toGemini("""
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"text","text":"Compare"},
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}},
                  {"type":"image_url","image_url":{"url":"https://example.com/photos/cat.JPG?size=large"}}]}]}""");

        assertThat(sent.path("contents").path(0).path("parts")).isEqualTo(tree("""
                        [{"text":"Compare"},
                         {"inlineData":{"mimeType":"image/png","data":"iVBORw0KGgo="}},
                         {"fileData":{"mimeType":"image/jpeg","fileUri":"https://example.com/photos/cat.JPG?size=large"}}]"""));
    }

    @ParameterizedTest
    @CsvSource({
        "https://example.com/render?id=7, cannot be told from its name",
        "https://example.com/anim.gif, cannot be told from its name",
        "ftp://example.com/cat.png, https URLs or base64 data: URIs",
        "'data:image/png,rawbytes', must name their type and be base64"
    })
    void anImageGeminiCannotBeGivenIsABadRequestThatSaysWhy(String url, String reason) {
        assertThatThrownBy(() -> toGemini("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                        + "\"image_url\",\"image_url\":{\"url\":\"" + url + "\"}}]}]}"))
                .isInstanceOfSatisfying(GatewayException.class, error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(error.param()).isEqualTo("messages[0].content");
                })
                .hasMessageContaining(reason);
    }

    @Test
    void toolSchemasAreCutDownToWhatGeminiAccepts() {
        JsonNode sent = toGemini("""
                {"model":"m","messages":[{"role":"user","content":"Book it"}],"tools":[{"type":"function","function":{
                  "name":"book","description":"Books a trip.","strict":true,"parameters":{
                    "$schema":"http://json-schema.org/draft-07/schema#","type":"object","additionalProperties":false,
                    "$defs":{"Place":{"type":"object","properties":{"city":{"type":"string","format":"hostname"}},
                                      "required":["city","country"]}},
                    "properties":{
                      "from":{"$ref":"#/$defs/Place","description":"Where from"},
                      "when":{"type":["string","null"],"format":"date-time","default":"now"},
                      "seats":{"type":"integer","enum":[1,2,3],"exclusiveMinimum":0},
                      "class":{"anyOf":[{"type":"string","enum":["economy","business"]},{"type":"null"}]},
                      "kind":{"const":"flight"},
                      "stops":{"oneOf":[{"type":"integer"},{"type":"string"}]},
                      "extras":{"allOf":[{"type":"object","properties":{"bags":{"type":"integer"}}},
                                         {"properties":{"meal":{"type":"boolean"}},"required":["meal"]}]}},
                    "required":["from","seats"]}}}]}""");

        assertThat(sent.path("tools").path(0).path("functionDeclarations").path(0))
                .isEqualTo(tree("""
                        {"name":"book","description":"Books a trip.","parameters":{
                          "type":"object",
                          "properties":{
                            "from":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],
                                    "description":"Where from"},
                            "when":{"format":"date-time","type":"string","nullable":true},
                            "seats":{"type":"integer"},
                            "class":{"nullable":true,"type":"string","enum":["economy","business"]},
                            "kind":{"enum":["flight"],"type":"string"},
                            "stops":{"anyOf":[{"type":"integer"},{"type":"string"}]},
                            "extras":{"type":"object","properties":{"bags":{"type":"integer"},"meal":{"type":"boolean"}},
                                      "required":["meal"]}},
                          "required":["from","seats"]}}"""));
    }

    @Test
    void aFunctionWithoutParametersIsDeclaredWithout() {
        JsonNode sent = toGemini("""
                {"model":"m","messages":[{"role":"user","content":"Where am I?"}],"tools":[{"type":"function",
                  "function":{"name":"locate","parameters":{"type":"object","properties":{},"additionalProperties":false}}}]}""");

        assertThat(sent.path("tools").path(0).path("functionDeclarations").path(0))
                .isEqualTo(tree("{\"name\":\"locate\"}"));
    }

    @Test
    void aRecursiveSchemaIsABadRequestRatherThanALoop() {
        assertThatThrownBy(() -> toGemini("""
                        {"model":"m","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{
                          "name":"tree","parameters":{"type":"object","properties":{"root":{"$ref":"#/$defs/Node"}},
                            "$defs":{"Node":{"type":"object","properties":{"children":{"type":"array",
                              "items":{"$ref":"#/$defs/Node"}}}}}}}}]}"""))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("recursive");
    }

    @Test
    void aJsonSchemaOutputBecomesAResponseSchemaThatKeepsThePropertyOrder() {
        JsonNode config = toGemini("""
                {"model":"m","messages":[{"role":"user","content":"A city?"}],"response_format":{"type":"json_schema",
                  "json_schema":{"name":"City","strict":true,"schema":{"type":"object","additionalProperties":false,
                    "properties":{"name":{"type":"string"},"country":{"type":"string"},
                      "population":{"type":"integer"}},"required":["name","country","population"]}}}}""").path("generationConfig");

        assertThat(config).isEqualTo(tree("""
                        {"responseMimeType":"application/json","responseSchema":{"type":"object",
                          "properties":{"name":{"type":"string"},"country":{"type":"string"},"population":{"type":"integer"}},
                          "required":["name","country","population"],
                          "propertyOrdering":["name","country","population"]}}"""));
    }

    @Test
    void samplingLengthStopAndOutputSettingsBecomeTheGenerationConfig() {
        JsonNode config = toGemini("""
                {"model":"m","messages":[{"role":"user","content":"x"}],"temperature":0.3,"top_p":0.9,"n":2,
                 "max_tokens":100,"max_completion_tokens":200,"stop":"END","seed":42,"presence_penalty":0.5,
                 "frequency_penalty":-0.25,"response_format":{"type":"json_object"},"reasoning_effort":"low",
                 "top_k":40,"user":"u-1","logit_bias":{"1":-100},"parallel_tool_calls":false}""").path("generationConfig");

        assertThat(config).isEqualTo(tree("""
                        {"stopSequences":["END"],"responseMimeType":"application/json","candidateCount":2,
                         "maxOutputTokens":200,"temperature":0.3,"topP":0.9,"topK":40,"seed":42,"presencePenalty":0.5,
                         "frequencyPenalty":-0.25,"thinkingConfig":{"thinkingBudget":1024}}"""));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"none\"                                            | {\"mode\":\"NONE\"}",
                "\"auto\"                                            | {\"mode\":\"AUTO\"}",
                "\"required\"                                        | {\"mode\":\"ANY\"}",
                "{\"type\":\"function\",\"function\":{\"name\":\"f\"}} | {\"mode\":\"ANY\",\"allowedFunctionNames\":[\"f\"]}"
            })
    void toolChoiceBecomesTheFunctionCallingMode(String choice, String config) {
        JsonNode sent = toGemini("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":"
                + "[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}],\"tool_choice\":" + choice + "}");

        assertThat(sent.path("toolConfig").path("functionCallingConfig")).isEqualTo(tree(config));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"seed\":4294967296                     | seed",
                "\"stop\":[1,2]                          | stop",
                "\"tool_choice\":\"sometimes\"           | tool_choice",
                "\"reasoning_effort\":\"extreme\"        | reasoning_effort",
                "\"presence_penalty\":\"high\"           | presence_penalty",
                "\"response_format\":{\"type\":\"yaml\"} | response_format"
            })
    void aParameterGeminiCannotTakeIsABadRequestNamingIt(String field, String param) {
        String tools = field.contains("tool_choice")
                ? ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]"
                : "";

        assertThatThrownBy(() -> toGemini(
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]," + field + tools + "}"))
                .isInstanceOfSatisfying(
                        GatewayException.class,
                        error -> assertThat(error.param()).isEqualTo(param));
    }

    // ---- responses

    @Test
    void candidatesBecomeChoicesWithThoughtsKeptOutOfTheContent() {
        ChatCompletion completion =
                GeminiResponseMapper.toChatCompletion(response("""
                        {"candidates":[
                          {"content":{"role":"model","parts":[{"text":"Let me think...","thought":true},
                            {"text":"Paris is "},{"text":"the capital."}]},"finishReason":"STOP","index":0},
                          {"content":{"role":"model","parts":[{"text":"Paris"}]},"finishReason":"MAX_TOKENS","index":1}],
                         "usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":6,"totalTokenCount":16},
                         "modelVersion":"gemini-2.5-flash","responseId":"abc"}"""), "gemini-flash-latest", 1_700_000_000L);

        assertThat(completion.id()).isEqualTo("chatcmpl-abc");
        assertThat(completion.model()).isEqualTo("gemini-2.5-flash");
        assertThat(completion.created()).isEqualTo(1_700_000_000L);
        assertThat(completion.choices())
                .extracting(choice -> choice.message().content().text(), ChatCompletion.Choice::finishReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Paris is the capital.", "stop"),
                        org.assertj.core.groups.Tuple.tuple("Paris", "length"));
    }

    @ParameterizedTest
    @CsvSource({
        "STOP, false, stop",
        "MAX_TOKENS, false, length",
        "SAFETY, false, content_filter",
        "RECITATION, false, content_filter",
        "BLOCKLIST, false, content_filter",
        "PROHIBITED_CONTENT, false, content_filter",
        "SPII, false, content_filter",
        "SAFETY, true, content_filter",
        "STOP, true, tool_calls",
        "MALFORMED_FUNCTION_CALL, false, stop",
        "OTHER, false, stop",
        ", false, stop"
    })
    void finishReasonsBecomeOpenAis(String gemini, boolean calledTools, String openAi) {
        assertThat(GeminiResponseMapper.toFinishReason(gemini, calledTools)).isEqualTo(openAi);
    }

    @Test
    void usageCountsThoughtsAsReasoningOutputAndCachedContentAsCachedInput() {
        Usage usage = GeminiResponseMapper.toUsage(new GeminiResponse.UsageMetadata(19, 3, 4, 56, 63, 142));

        assertThat(usage.promptTokens()).isEqualTo(82);
        assertThat(usage.completionTokens()).isEqualTo(60);
        assertThat(usage.totalTokens()).isEqualTo(142);
        assertThat(usage.promptTokensDetails().cachedTokens()).isEqualTo(3);
        assertThat(usage.completionTokensDetails().reasoningTokens()).isEqualTo(56);
        assertThat(GeminiResponseMapper.toUsage(null)).isNull();
    }

    // ---- embeddings

    @Test
    void embeddingsComeBackAsFloatsOrAsOpenAisLittleEndianBase64() {
        List<GeminiEmbedding.BatchResponse> answers = List.of(
                new GeminiEmbedding.BatchResponse(List.of(new GeminiEmbedding.Values(List.of(0.5f, -1.0f))), null));

        EmbeddingResponse floats =
                GeminiEmbeddingMapper.toEmbeddingResponse(answers, embedding(null), "gemini-embedding-001");
        EmbeddingResponse base64 =
                GeminiEmbeddingMapper.toEmbeddingResponse(answers, embedding("base64"), "gemini-embedding-001");

        assertThat(floats.data().getFirst().embedding()).isEqualTo(List.of(0.5f, -1.0f));
        ByteBuffer decoded = ByteBuffer.wrap(Base64.getDecoder()
                        .decode((String) base64.data().getFirst().embedding()))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(List.of(decoded.getFloat(), decoded.getFloat())).containsExactly(0.5f, -1.0f);
        assertThat(floats.usage())
                .as("Gemini reported no usage: the gateway counts and marks it estimated")
                .isNull();
    }

    @Test
    void tokenArraysCannotBeEmbeddedByGemini() {
        EmbeddingRequest tokens = new EmbeddingRequest("m", List.of(List.of(1, 2, 3)), null, null, null, null);

        assertThatThrownBy(() -> GeminiEmbeddingMapper.toBatches(tokens, "models/gemini-embedding-001"))
                .isInstanceOfSatisfying(
                        GatewayException.class,
                        error -> assertThat(error.param()).isEqualTo("input"));
    }

    private static EmbeddingRequest embedding(String format) {
        return new EmbeddingRequest("m", "hello", format, null, null, null);
    }

    private static ChatMessage toolResult(String id, String content) {
        return new ChatMessage(
                "tool", new dev.tollgate.model.openai.MessageContent.Text(content), null, null, id, null, null);
    }

    private static JsonNode toGemini(String request) {
        return plain.valueToTree(GeminiMapper.toRequest(json.mapper().readValue(request, ChatCompletionRequest.class)));
    }

    private static GeminiResponse response(String body) {
        return json.upstreamMapper().readValue(body, GeminiResponse.class);
    }

    private static JsonNode tree(String text) {
        return plain.readTree(text);
    }
}
