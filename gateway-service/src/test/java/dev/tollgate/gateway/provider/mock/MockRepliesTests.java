package dev.tollgate.gateway.provider.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockRepliesTests {

    final MockReplies replies = new MockReplies();

    @Test
    void repliesDeterministicallyToTheLastUserMessage() {
        ChatCompletionRequest request =
                request(null, ChatMessage.of("user", "first"), ChatMessage.of("user", "second"));

        assertThat(replies.replyTo(request).text()).isEqualTo("This is a mock reply from Tollgate. You said: second");
        assertThat(replies.replyTo(request)).isEqualTo(replies.replyTo(request));
    }

    @Test
    void cutsTheReplyAtTheTokenCapAndSaysSo() {
        MockReplies.Reply reply = replies.replyTo(request(3, ChatMessage.of("user", "a long question")));

        assertThat(reply.truncated()).isTrue();
        assertThat(replies.count(reply.text())).isEqualTo(3);
    }

    @Test
    void streamPiecesJoinBackToTheWholeReply() {
        String text = "one two three four five six seven";

        List<String> pieces = MockReplies.pieces(text, 3);

        assertThat(pieces).hasSize(3);
        assertThat(String.join("", pieces)).isEqualTo(text);
    }

    @Test
    void countsPromptTokensWithOpenAisChatFraming() {
        int tokens = replies.promptTokens(List.of(ChatMessage.of("system", "Be brief."), ChatMessage.of("user", "Hi")));

        // 3 priming + per message (3 framing + role + text): "Be" " brief" "." and "Hi"
        assertThat(tokens).isEqualTo(3 + (3 + 1 + 3) + (3 + 1 + 1));
    }

    private static ChatCompletionRequest request(Integer maxTokens, ChatMessage... messages) {
        return new ChatCompletionRequest(
                "mock-chat",
                List.of(messages),
                null,
                null,
                null,
                null,
                null,
                maxTokens,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
