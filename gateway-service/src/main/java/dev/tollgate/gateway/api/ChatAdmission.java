package dev.tollgate.gateway.api;

import dev.tollgate.gateway.admission.Admission;
import dev.tollgate.gateway.admission.Admitter;
import dev.tollgate.gateway.ratelimit.OutputCap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The admission step of a chat request: the key's output cap first (a request refused for its {@code max_tokens}
 * spends none of the key's rate), then its key's and tenant's rate limits, charged the prompt plus the output cap, and
 * holds on its budgets for what that would cost. The headers both add go on the response now, so a success and a
 * refusal alike carry them.
 */
@Component
class ChatAdmission {

    private final OutputCap outputCap;
    private final Admitter admitter;

    ChatAdmission(OutputCap outputCap, Admitter admitter) {
        this.outputCap = outputCap;
        this.admitter = admitter;
    }

    Mono<ChatCall> admit(ChatCall call) {
        return Mono.fromCallable(() -> capped(call)).flatMap(this::limited);
    }

    private ChatCall capped(ChatCall call) {
        OutputCap.Capped capped = outputCap.apply(call.request(), call.caller().key());
        if (capped.clampedTo() != null) {
            headers(
                    call.exchange(),
                    Map.of(OutputCap.CLAMPED_HEADER, capped.clampedTo().toString()));
            // An answer cut to this key's cap is not the answer to the request as sent: it is not kept for others.
            return call.withRequest(capped.request()).uncached();
        }
        return call.withRequest(capped.request());
    }

    private Mono<ChatCall> limited(ChatCall call) {
        long output = outputCap.outputEstimate(call.request());
        return admitter.admit(call.caller(), call.metered(), call.metered().promptTokens(), output)
                .map(admission -> admitted(call, admission));
    }

    private static ChatCall admitted(ChatCall call, Admission admission) {
        headers(call.exchange(), admission.headers());
        return call.holding(admission.hold());
    }

    static void headers(ServerWebExchange exchange, Map<String, String> headers) {
        headers.forEach(exchange.getResponse().getHeaders()::set);
    }
}
