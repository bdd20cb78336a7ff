package dev.tollgate.admin.audit;

import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.Paging;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/** The audit log page, newest first. */
@Controller
class AuditConsoleController {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail trail;

    AuditConsoleController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    Mono<String> list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        return trail.page(caller, new Paging(page, PAGE_SIZE))
                .doOnNext(found -> model.addAttribute("entries", found))
                .thenReturn("audit/list");
    }
}
