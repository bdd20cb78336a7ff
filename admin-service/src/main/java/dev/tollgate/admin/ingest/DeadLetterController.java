package dev.tollgate.admin.ingest;

import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/usage/dead-letters}: the reports page's dead-letter table, for automation and alerting. */
@RestController
class DeadLetterController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/api/v1/usage/dead-letters")
    Mono<DeadLetterBacklog> list(
            @AuthenticationPrincipal Caller caller, @RequestParam(required = false) @Nullable Integer limit) {
        if (!DeadLetters.visibleTo(caller)) {
            throw AdminException.forbidden("Dead letters need the role PLATFORM_ADMIN or FINANCE, platform-wide.");
        }
        return deadLetters.newest(checked(limit)).onErrorMap(DeadLetterController::unavailable);
    }

    private static int checked(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AdminException.invalid(Map.of("limit", "must be between 1 and " + MAX_LIMIT));
        }
        return limit;
    }

    private static Throwable unavailable(Throwable failure) {
        log.warn("Reading the usage dead-letter stream from Redis failed: {}", failure.toString());
        return AdminException.unavailable("Redis cannot be read right now, so dead letters cannot be listed.");
    }
}
