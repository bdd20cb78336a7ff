package dev.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.usage.Tokens;
import dev.tollgate.model.openai.ChatCompletionChunk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamRecordingTests {

    static final Tokens USED = Tokens.counted(3, 5);

    @Test
    void keepsEveryChunkInOrder() {
        var recording = new StreamRecording();

        recording.observe(chunk("a"));
        recording.observe(chunk("b"));

        assertThat(recording.answer(USED).chunks())
                .extracting(ChatCompletionChunk::id)
                .containsExactly("a", "b");
        assertThat(recording.answer(USED).tokens()).isEqualTo(USED);
    }

    @Test
    void keepsNothingOfAStreamTooLongToCache() {
        var recording = new StreamRecording();

        for (int i = 0; i <= StreamRecording.MAX_CHUNKS; i++) {
            recording.observe(chunk("c" + i));
        }

        assertThat(recording.answer(USED).chunks()).isEmpty();
    }

    private static ChatCompletionChunk chunk(String id) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", 1L, "m", List.of(), null, null, null, Map.of());
    }
}
