package dev.tollgate.gateway.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.usage.GuardrailTrail;
import dev.tollgate.model.guardrail.GuardrailRule;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionChunk.ChunkChoice;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.ToolCall;
import dev.tollgate.model.openai.ToolCall.FunctionCall;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamScreenTests {

    @Test
    void restoresAPlaceholderSplitOverChunksAndHoldsBackOnlyItsBeginning() {
        Placeholders placeholders = new Placeholders();
        placeholders.placeholder("EMAIL", "bob@example.com");
        StreamScreen screen = new StreamScreen(guard(List.of(), placeholders));

        List<String> out = contents(screen, "Write to <EM", "AIL_1> and ", "<", "EMAIL_1>.", null);

        assertThat(out).containsExactly("Write to ", "bob@example.com and ", "", "bob@example.com.", "");
    }

    @Test
    void redactsAnAddressTheModelWritesAcrossChunks() {
        StreamScreen screen = new StreamScreen(
                guard(List.of(Fixtures.rule(GuardrailRule.EMAIL, Action.REDACT, false)), new Placeholders()));

        List<String> out = contents(screen, "mail leaked.per", "son@exam", "ple.com today", ".", null);

        assertThat(String.join("", out)).isEqualTo("mail [REDACTED_EMAIL] today.");
        assertThat(out.get(0)).isEqualTo("mail ");
    }

    @Test
    void releasesWhatIsPendingWhenTheStreamEndsWithoutAFinishReason() {
        StreamScreen screen = new StreamScreen(
                guard(List.of(Fixtures.rule(GuardrailRule.EMAIL, Action.REDACT, false)), new Placeholders()));

        String first = content(screen.screen(chunk("ends with a word")));
        ChatCompletionChunk rest = screen.rest();

        assertThat(first).isEqualTo("ends with a ");
        assertThat(rest).isNotNull();
        assertThat(content(rest)).isEqualTo("word");
    }

    @Test
    void restoresPlaceholdersInToolCallArgumentsPerCallAndFlushesThemWhenTheChoiceFinishes() {
        Placeholders placeholders = new Placeholders();
        placeholders.placeholder("EMAIL", "bob@example.com");
        StreamScreen screen = new StreamScreen(guard(List.of(), placeholders));

        ChatCompletionChunk opened =
                screen.screen(toolChunk(new ToolCall(0, "call_1", "function", new FunctionCall("send", ""), null)));
        ChatCompletionChunk first =
                screen.screen(toolChunk(arguments(0, "{\"to\":\"<EM"), arguments(1, "{\"cc\":\"<")));
        ChatCompletionChunk second = screen.screen(toolChunk(arguments(0, "AIL_1>\"}")));
        ChatCompletionChunk finished = screen.screen(finish());

        assertThat(calls(opened)).extracting(call -> call.function().name()).containsExactly("send");
        assertThat(calls(first))
                .extracting(call -> call.function().arguments())
                .containsExactly("{\"to\":\"", "{\"cc\":\"");
        assertThat(calls(second))
                .extracting(call -> call.function().arguments())
                .containsExactly("bob@example.com\"}");
        assertThat(calls(finished))
                .as("what call 1 still held goes out with the finishing chunk")
                .extracting(ToolCall::index, call -> call.function().arguments())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "<"));
        assertThat(screen.rest()).isNull();
    }

    private static ResponseGuard guard(List<Rule> rules, Placeholders placeholders) {
        Decisions decisions = Fixtures.decisions(new GuardrailTrail());
        return new ResponseGuard(new Stage(Stage.OUTPUT, rules, null), placeholders, null, decisions);
    }

    // Each text is one chunk's content; null is the closing chunk with finish_reason "stop".
    private static List<String> contents(StreamScreen screen, String... texts) {
        List<String> out = new ArrayList<>();
        for (String text : texts) {
            ChatCompletionChunk chunk = text == null ? finish() : chunk(text);
            out.add(content(screen.screen(chunk)));
        }
        return out;
    }

    private static ChatCompletionChunk chunk(String text) {
        return new ChatCompletionChunk(
                "id",
                "chat.completion.chunk",
                1L,
                "m",
                List.of(new ChunkChoice(0, ChatMessage.delta(null, text), null, null, null)),
                null,
                null,
                null,
                null);
    }

    private static ChatCompletionChunk finish() {
        return new ChatCompletionChunk(
                "id",
                "chat.completion.chunk",
                1L,
                "m",
                List.of(new ChunkChoice(0, ChatMessage.delta(null, null), "stop", null, null)),
                null,
                null,
                null,
                null);
    }

    private static ToolCall arguments(int index, String arguments) {
        return new ToolCall(index, null, null, new FunctionCall(null, arguments), null);
    }

    private static ChatCompletionChunk toolChunk(ToolCall... calls) {
        ChatMessage delta = new ChatMessage(null, null, null, List.of(calls), null, null, null);
        return new ChatCompletionChunk(
                "id",
                "chat.completion.chunk",
                1L,
                "m",
                List.of(new ChunkChoice(0, delta, null, null, null)),
                null,
                null,
                null,
                null);
    }

    private static List<ToolCall> calls(ChatCompletionChunk chunk) {
        List<ToolCall> calls = chunk.choices().get(0).delta().toolCalls();
        return calls == null ? List.of() : calls;
    }

    private static String content(ChatCompletionChunk chunk) {
        ChatMessage delta = chunk.choices().get(0).delta();
        return delta == null || delta.content() == null ? "" : delta.content().text();
    }
}
