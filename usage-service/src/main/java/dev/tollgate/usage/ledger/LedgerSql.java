package dev.tollgate.usage.ledger;

import static java.util.stream.Collectors.joining;

import dev.tollgate.usage.ledger.UsageLedger.Column;
import java.util.List;

/** The one statement that appends a batch: ledger insert and both rollup upserts as data-modifying CTEs. */
final class LedgerSql {

    // Rolled up from the rows the insert returned, never from the batch: duplicates return nothing.
    // Groups are sorted so two writers lock rollup rows in the same order and cannot deadlock each other.
    private static final String ROLLUP = """
            insert into %1$s as r (bucket, tenant_id, key_id, model, provider, end_user, cost_center, requests,
                                   unpriced_requests, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,
                                   cost_usd)
            select %2$s, tenant_id, key_id, coalesce(model, ''), coalesce(provider, ''), coalesce(end_user, ''),
                   coalesce(cost_center, ''), count(*), count(*) filter (where not priced), sum(prompt_tokens),
                   sum(completion_tokens), sum(cached_tokens), sum(reasoning_tokens), coalesce(sum(cost_usd), 0)
            from inserted
            group by 1, 2, 3, 4, 5, 6, 7
            order by 1, 2, 3, 4, 5, 6, 7
            on conflict (bucket, tenant_id, key_id, model, provider, end_user, cost_center) do update set
                requests = r.requests + excluded.requests,
                unpriced_requests = r.unpriced_requests + excluded.unpriced_requests,
                prompt_tokens = r.prompt_tokens + excluded.prompt_tokens,
                completion_tokens = r.completion_tokens + excluded.completion_tokens,
                cached_tokens = r.cached_tokens + excluded.cached_tokens,
                reasoning_tokens = r.reasoning_tokens + excluded.reasoning_tokens,
                cost_usd = r.cost_usd + excluded.cost_usd
            """;

    private LedgerSql() {}

    static String append(List<Column> columns) {
        String names = columns.stream().map(Column::name).collect(joining(", "));
        String arrays = columns.stream().map(column -> "?::text[]").collect(joining(", "));
        String casts = columns.stream()
                .map(column -> column.name() + "::" + column.type())
                .collect(joining(", "));
        return """
                with incoming (%1$s) as (
                    select * from unnest(%2$s)
                ),
                inserted as (
                    insert into usage_ledger (%1$s)
                    select %3$s from incoming
                    on conflict (event_id) do nothing
                    returning occurred_at, tenant_id, key_id, model, provider, end_user, cost_center, prompt_tokens,
                              completion_tokens, cached_tokens, reasoning_tokens, cost_usd, priced
                ),
                hourly as (
                %4$s),
                daily as (
                %5$s)
                select count(*) from inserted
                """.formatted(
                        names,
                        arrays,
                        casts,
                        ROLLUP.formatted("usage_rollup_hour", "date_trunc('hour', occurred_at, 'UTC')"),
                        ROLLUP.formatted("usage_rollup_day", "(occurred_at at time zone 'UTC')::date"));
    }
}
