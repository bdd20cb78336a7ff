package dev.tollgate.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.api.EncodingType;
import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenMeterTests {

    final TokenMeter meter = new TokenMeter(new OpenAiJson(64));

    @Test
    void picksTheEncodingOfTheModelFamily() {
        assertThat(TokenMeter.encodingTypeFor("gpt-4o-mini")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(TokenMeter.encodingTypeFor("o3-mini")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(TokenMeter.encodingTypeFor("gpt-5")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(TokenMeter.encodingTypeFor("openai/gpt-4.1")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(TokenMeter.encodingTypeFor("gpt-4-turbo")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(TokenMeter.encodingTypeFor("gpt-3.5-turbo")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(TokenMeter.encodingTypeFor("text-embedding-3-small")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(TokenMeter.encodingTypeFor("llama-3-70b")).isEqualTo(EncodingType.O200K_BASE);
    }

    @Test
    void countsMessagesWithOpenAisChatFraming() {
        // OpenAI cookbook example: system text is 6 tokens, "Hello" and each role 1
        ChatCompletionRequest request = request(
                List.of(ChatMessage.of("system", "You are a helpful assistant."), ChatMessage.of("user", "Hello")));

        assertThat(meter.prompt(request, "gpt-4o")).isEqualTo(3 + (1 + 6) + 3 + (1 + 1) + 3);
    }

    @Test
    void countsANameAsOneTokenMoreThanItsText() {
        ChatMessage named = new ChatMessage(
                "user", new dev.tollgate.model.openai.MessageContent.Text("Hello"), "bob", null, null, null, null);

        int withName = meter.prompt(request(List.of(named)), "gpt-4o");
        int without = meter.prompt(request(List.of(ChatMessage.of("user", "Hello"))), "gpt-4o");

        assertThat(withName - without).isEqualTo(2); // 1 for the name field, 1 for "bob"
    }

    private static ChatCompletionRequest request(List<ChatMessage> messages) {
        return new ChatCompletionRequest(
                "m", messages, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }
}
