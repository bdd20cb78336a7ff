package dev.tollgate.usage.reconcile;

import dev.tollgate.model.budget.SpendKeys;
import dev.tollgate.usage.access.Callers;
import dev.tollgate.usage.problem.UsageException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/reconciliation/drift?limit=}: the latest drift found, for platform-wide admins and finance. */
class DriftHandler {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private final DriftRepository repository;

    DriftHandler(DriftRepository repository) {
        this.repository = repository;
    }

    Mono<ServerResponse> drift(ServerRequest request) {
        return Callers.current()
                .doOnNext(caller -> caller.requirePlatformWideReader())
                .map(caller -> limit(request))
                .flatMap(limit ->
                        repository.latest(limit).map(DriftHandler::toJson).collectList())
                .flatMap(drift -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("drift", drift)));
    }

    private static Map<String, Object> toJson(Drift drift) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("found_at", drift.foundAt().toString());
        json.put("budget_id", drift.budgetId());
        json.put("period_id", drift.periodId());
        json.put("scope", drift.scope());
        json.put("scope_id", drift.scopeId());
        json.put(
                "counter_usd",
                drift.counterMissing()
                        ? null
                        : SpendKeys.usd(drift.counterNanos()).toPlainString());
        json.put("ledger_usd", drift.ledgerUsd().toPlainString());
        json.put("ledger_counter_usd", SpendKeys.usd(drift.ledgerNanos()).toPlainString());
        json.put("action", drift.action());
        return json;
    }

    private static int limit(ServerRequest request) {
        String value = request.queryParam("limit").orElse(String.valueOf(DEFAULT_LIMIT));
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw UsageException.badParameter("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }
}
