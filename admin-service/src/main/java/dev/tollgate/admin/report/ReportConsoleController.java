package dev.tollgate.admin.report;

import dev.tollgate.admin.ingest.DeadLetters;
import dev.tollgate.admin.report.ReportView.UsageData;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.tenant.TenantService;
import dev.tollgate.admin.tenant.TenantView;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The console's reports page and its CSV download. The report comes from the usage service and dead-lettered usage
 * events from Redis; when either cannot answer, the page says so in its place rather than failing.
 */
@Controller
class ReportConsoleController {

    private static final Logger log = LoggerFactory.getLogger(ReportConsoleController.class);
    private static final int DRIFT_ROWS = 50;
    private static final int DEAD_LETTER_ROWS = 20;
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final UsageClient usage;
    private final TenantService tenants;
    private final DeadLetters deadLetters;
    private final Clock clock = Clock.systemUTC();

    ReportConsoleController(UsageClient usage, TenantService tenants, DeadLetters deadLetters) {
        this.usage = usage;
        this.tenants = tenants;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/console/reports")
    Mono<String> page(@AuthenticationPrincipal Caller caller, @ModelAttribute("form") ReportForm form, Model model) {
        model.addAttribute("groups", ReportQuery.GROUPS);
        model.addAttribute("seesDrift", ReportQuery.seesDrift(caller));
        model.addAttribute("seesDeadLetters", DeadLetters.visibleTo(caller));
        return tenants.choices(caller)
                .doOnNext(choices -> model.addAttribute("tenants", choices))
                .flatMap(choices -> report(caller, form, slugs(choices), model))
                .then(deadLetters(caller, model))
                .thenReturn("reports/page");
    }

    @GetMapping("/console/reports/chargeback.csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> csv(
            @AuthenticationPrincipal Caller caller, @ModelAttribute("form") ReportForm form) {
        ReportQuery query = ReportQuery.of(caller, form, today());
        return usage.chargebackCsv(caller, query)
                .map(upstream -> download(query, upstream))
                .onErrorResume(failure -> backToPage(query, failure));
    }

    private Mono<Void> report(Caller caller, ReportForm form, Map<String, String> slugs, Model model) {
        ReportQuery query;
        try {
            query = ReportQuery.of(caller, form, today());
        } catch (AdminException invalid) {
            if (invalid.status() != HttpStatus.BAD_REQUEST) {
                throw invalid;
            }
            model.addAttribute("problems", invalid.errors());
            return Mono.empty();
        }
        model.addAttribute("q", query);
        return fetch(caller, query)
                .map(data -> ReportView.of(query, data, slugs))
                .onErrorResume(failure -> Mono.just(unavailable(failure)))
                .doOnNext(view -> model.addAttribute("report", view))
                .then();
    }

    private Mono<UsageData> fetch(Caller caller, ReportQuery query) {
        // zipDelayError: when several calls fail (the service is down), one composite error, none dropped unlogged.
        return Mono.zipDelayError(
                        usage.chargeback(caller, query),
                        usage.daily(caller, query, "tenant"),
                        usage.daily(caller, query, "model"),
                        drift(caller))
                .map(all -> new UsageData(all.getT1(), all.getT2(), all.getT3(), all.getT4()));
    }

    /** Drift is a side table: when only it fails, the report is still worth showing without it. */
    private Mono<List<Drift>> drift(Caller caller) {
        if (!ReportQuery.seesDrift(caller)) {
            return Mono.just(List.of());
        }
        return usage.drift(caller, DRIFT_ROWS).onErrorResume(failure -> {
            log.warn("Reading reconciliation drift failed: {}", failure.toString());
            return Mono.just(List.of());
        });
    }

    /** Dead letters come from Redis, not the usage service: shown (or said to be unreadable) whatever the report did. */
    private Mono<Void> deadLetters(Caller caller, Model model) {
        if (!DeadLetters.visibleTo(caller)) {
            return Mono.empty();
        }
        return deadLetters
                .newest(DEAD_LETTER_ROWS)
                .doOnNext(backlog -> model.addAttribute("deadLetters", backlog))
                .onErrorResume(failure -> deadLettersUnreadable(failure, model))
                .then();
    }

    private static <T> Mono<T> deadLettersUnreadable(Throwable failure, Model model) {
        log.warn("Reading the usage dead-letter stream from Redis failed: {}", failure.toString());
        model.addAttribute("deadLettersUnavailable", true);
        return Mono.empty();
    }

    private static ReportView unavailable(Throwable failure) {
        log.warn("Reading a report from the usage service failed: {}", failure.toString());
        return ReportView.unavailable(UsageFailures.describe(failure));
    }

    private static ResponseEntity<Flux<DataBuffer>> download(
            ReportQuery query, ResponseEntity<Flux<DataBuffer>> upstream) {
        ContentDisposition attachment =
                ContentDisposition.attachment().filename(query.csvFilename()).build();
        return ResponseEntity.ok()
                .contentType(CSV)
                .header("Content-Disposition", attachment.toString())
                .header("Cache-Control", "no-store")
                .body(upstream.getBody());
    }

    /** The download failed before any byte was sent: back to the page, which says why. */
    private static Mono<ResponseEntity<Flux<DataBuffer>>> backToPage(ReportQuery query, Throwable failure) {
        log.warn("Downloading a chargeback CSV from the usage service failed: {}", failure.toString());
        URI page = URI.create("/console/reports?" + query.queryString() + "&csv_failed");
        return Mono.just(
                ResponseEntity.status(HttpStatus.SEE_OTHER).location(page).build());
    }

    private static Map<String, String> slugs(List<TenantView> choices) {
        return choices.stream().collect(Collectors.toMap(tenant -> tenant.id().toString(), TenantView::slug));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
