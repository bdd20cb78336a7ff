package dev.tollgate.usage.problem;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders {@link UsageException} as problem+json. Ordered before Boot's error handler, which still answers for
 * anything else (without a stack trace: {@code server.error.include-stacktrace} stays {@code never}).
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (!(failure instanceof UsageException refused)
                || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        return ProblemResponses.write(exchange, refused.status(), refused.getMessage(), refused.parameter());
    }
}
