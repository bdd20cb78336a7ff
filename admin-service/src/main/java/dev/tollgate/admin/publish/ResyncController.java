package dev.tollgate.admin.publish;

import dev.tollgate.admin.publish.ConfigResync.ResyncResult;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/v1/resync}: rewrite Redis from Postgres now, for operators who flushed or restored Redis. */
@RestController
class ResyncController {

    private final ConfigResync resync;

    ResyncController(ConfigResync resync) {
        this.resync = resync;
    }

    @PostMapping("/api/v1/resync")
    Mono<ResyncResult> resync(@AuthenticationPrincipal Caller caller) {
        caller.require(Role.PLATFORM_ADMIN);
        return resync.run();
    }
}
