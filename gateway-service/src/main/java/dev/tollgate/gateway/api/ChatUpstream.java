package dev.tollgate.gateway.api;

import dev.tollgate.gateway.ratelimit.OutputCap;
import dev.tollgate.gateway.routing.Target;
import dev.tollgate.gateway.routing.UpstreamAttempts;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The upstream side of an admitted chat call: its route's attempts, with retries and fallbacks. */
@Component
class ChatUpstream {

    private final UpstreamAttempts attempts;
    private final OutputCap outputCap;

    ChatUpstream(UpstreamAttempts attempts, OutputCap outputCap) {
        this.attempts = attempts;
        this.outputCap = outputCap;
    }

    Mono<ChatCompletion> complete(ChatCall call) {
        return attempts.complete(
                call.route(), call.request(), call.context(), call.attempts(), target -> estimate(call, target));
    }

    Flux<ChatCompletionChunk> stream(ChatCall call) {
        return attempts.stream(
                call.route(), call.request(), call.context(), call.attempts(), target -> estimate(call, target));
    }

    // What the cost strategy compares: the prompt plus the output the request may use, on each deployment.
    private @Nullable BigDecimal estimate(ChatCall call, Target target) {
        return call.metered().costOn(target, outputCap.outputEstimate(call.request()));
    }
}
