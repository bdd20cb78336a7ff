package dev.tollgate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.ratelimit.RateLimitProperties.MaxTokensPolicy;
import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.openai.ChatCompletionRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class OutputCapTests {

    final OutputCap clamp = new OutputCap(new RateLimitProperties(MaxTokensPolicy.CLAMP, 256, 1));
    final OutputCap reject = new OutputCap(new RateLimitProperties(MaxTokensPolicy.REJECT, 256, 1));

    @Test
    void clampsBothFieldsToTheKeysCap() {
        var capped = clamp.apply(request(500, 40, null), key(100));

        assertThat(capped.clampedTo()).isEqualTo(100);
        assertThat(capped.request().maxTokens()).isEqualTo(100);
        assertThat(capped.request().maxCompletionTokens()).isEqualTo(40);
    }

    @Test
    void setsTheCapOnARequestWithoutOneUnderEitherPolicy() {
        var clamped = clamp.apply(request(null, null, null), key(100));
        var rejecting = reject.apply(request(null, null, null), key(100));

        assertThat(clamped.request().maxCompletionTokens()).isEqualTo(100);
        assertThat(rejecting.request().maxCompletionTokens()).isEqualTo(100);
        assertThat(rejecting.clampedTo()).isEqualTo(100);
    }

    @Test
    void leavesRequestsWithinTheCapAlone() {
        var request = request(50, null, null);

        assertThat(reject.apply(request, key(100)).request()).isSameAs(request);
        assertThat(clamp.apply(request, key(null)).clampedTo()).isNull();
    }

    @Test
    void rejectsAnOutputCapAboveTheKeysNamingTheField() {
        assertThatThrownBy(() -> reject.apply(request(null, 500, null), key(100)))
                .isInstanceOfSatisfying(GatewayException.class, error -> {
                    assertThat(error.status().value()).isEqualTo(400);
                    assertThat(error.param()).isEqualTo("max_completion_tokens");
                    assertThat(error.getStackTrace()).isEmpty();
                });
    }

    @Test
    void estimatesOutputFromTheSmallestCapPerChoiceElseTheDefault() {
        assertThat(clamp.outputEstimate(request(null, null, null))).isEqualTo(256);
        assertThat(clamp.outputEstimate(request(300, 200, 3))).isEqualTo(600);
    }

    private static ChatCompletionRequest request(
            @Nullable Integer maxTokens, @Nullable Integer maxCompletionTokens, @Nullable Integer n) {
        return new ChatCompletionRequest(
                "mock-chat",
                List.of(),
                null,
                null,
                null,
                null,
                null,
                maxTokens,
                maxCompletionTokens,
                null,
                null,
                n,
                null,
                null,
                null,
                null,
                Map.of());
    }

    private static KeyPrincipal key(@Nullable Integer maxTokens) {
        return new KeyPrincipal("k", "t", "app", "sk-tg-ab", List.of("*"), null, null, maxTokens, "active", null, null);
    }
}
