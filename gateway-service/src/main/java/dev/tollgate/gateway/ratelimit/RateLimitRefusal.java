package dev.tollgate.gateway.ratelimit;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.ratelimit.Verdict.Dimension;
import java.util.List;

/** The 429 {@code rate_limit_exceeded} of a refused request, worded like OpenAI's, naming the key or the tenant. */
public final class RateLimitRefusal {

    private RateLimitRefusal() {}

    /** The refusal for {@code verdicts}, one of which refused. */
    public static GatewayException of(List<Verdict> verdicts) {
        Verdict denied = verdicts.stream()
                .filter(verdict -> !verdict.admitted())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no verdict refused"));
        boolean requests = denied.deniedBy() == Dimension.REQUESTS;
        Verdict.Window window = requests ? denied.requests() : denied.tokens();
        long limit = window == null ? 0 : window.limit();
        String whose = Limits.KEY.equals(denied.limits().subject()) ? "this key" : "this key's tenant";
        String message = "Rate limit reached for %s on %s per min (%s): Limit %d. Please try again in %ds."
                .formatted(
                        whose,
                        requests ? "requests" : "tokens",
                        requests ? "RPM" : "TPM",
                        limit,
                        RateLimitHeaders.retryAfterSeconds(denied));
        ErrorCode code = requests ? ErrorCode.RATE_LIMITED_REQUESTS : ErrorCode.RATE_LIMITED_TOKENS;
        return GatewayException.rejected(code, message, RateLimitHeaders.of(verdicts));
    }
}
