package dev.tollgate.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletionChunk;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class OpenAiStreamStateTests {

    final OpenAiJson json = new OpenAiJson(64);

    @Test
    void aStreamThatSentDoneIsComplete() {
        OpenAiStreamState state = new OpenAiStreamState("openai", false);

        assertThat(state.beforeDone(ServerSentEvent.<String>builder().data("{}").build()))
                .isTrue();
        assertThat(state.beforeDone(
                        ServerSentEvent.<String>builder().data("[DONE]").build()))
                .isFalse();

        state.ending().as(StepVerifier::create).verifyComplete();
    }

    @Test
    void aStreamClosedWithoutDoneIsCutEvenAfterItsFinishReason() {
        OpenAiStreamState state = new OpenAiStreamState("openai", false);
        state.observe(chunk(0, "stop"));

        state.ending().as(StepVerifier::create).verifyErrorSatisfies(OpenAiStreamStateTests::isStreamCut);
    }

    @Test
    void withNoDoneAStreamIsCompleteWhenEveryChoiceItStartedFinished() {
        OpenAiStreamState state = new OpenAiStreamState("openai-compatible", true);
        state.observe(chunk(0, null));
        state.observe(chunk(1, null));
        state.observe(chunk(0, "stop"));
        state.observe(chunk(1, "length"));

        state.ending().as(StepVerifier::create).verifyComplete();
    }

    @Test
    void withNoDoneAStreamClosedBeforeAFinishReasonIsStillCut() {
        OpenAiStreamState unfinished = new OpenAiStreamState("openai-compatible", true);
        unfinished.observe(chunk(0, null));
        unfinished.observe(chunk(1, "stop"));
        OpenAiStreamState empty = new OpenAiStreamState("openai-compatible", true);

        unfinished.ending().as(StepVerifier::create).verifyErrorSatisfies(OpenAiStreamStateTests::isStreamCut);
        empty.ending().as(StepVerifier::create).verifyErrorSatisfies(OpenAiStreamStateTests::isStreamCut);
    }

    @Test
    void foldsAzuresAnnotationsOnlyFirstChunkIntoTheNextChunk() {
        OpenAiStreamState state = new OpenAiStreamState("azure-openai", false);
        ChatCompletionChunk annotations =
                parse("{\"choices\":[],\"created\":0,\"id\":\"\",\"model\":\"\",\"object\":\"\","
                        + "\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}]}");
        ChatCompletionChunk first = parse("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],"
                + "\"obfuscation\":\"x\"}");
        ChatCompletionChunk second = chunk(0, "stop");

        Flux<ChatCompletionChunk> out = Flux.just(annotations, first, second).handle(state::foldAnnotations);

        out.as(StepVerifier::create)
                .assertNext(merged -> {
                    assertThat(merged.id()).isEqualTo("chatcmpl-1");
                    assertThat(merged.extra()).containsKeys("prompt_filter_results", "obfuscation");
                })
                .expectNext(second)
                .verifyComplete();
    }

    @Test
    void passesAStreamWithoutAnnotationsThroughUnchanged() {
        OpenAiStreamState state = new OpenAiStreamState("openai", false);
        ChatCompletionChunk only = chunk(0, "stop");

        Flux<ChatCompletionChunk> out = Flux.just(only).handle(state::foldAnnotations);

        out.as(StepVerifier::create).expectNext(only).verifyComplete();
    }

    private ChatCompletionChunk chunk(int index, String finishReason) {
        String finish = finishReason == null ? "null" : "\"" + finishReason + "\"";
        return parse("{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":" + index
                + ",\"delta\":{\"content\":\"x\"},\"finish_reason\":" + finish + "}]}");
    }

    private ChatCompletionChunk parse(String body) {
        return json.upstreamMapper().readValue(body, ChatCompletionChunk.class);
    }

    private static void isStreamCut(Throwable failure) {
        assertThat(failure).isInstanceOf(GatewayException.class);
        assertThat(((GatewayException) failure).code()).isEqualTo(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThat(failure).hasMessageContaining("ended the stream before it was complete");
    }
}
