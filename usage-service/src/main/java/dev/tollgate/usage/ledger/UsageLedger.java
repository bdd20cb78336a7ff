package dev.tollgate.usage.ledger;

import dev.tollgate.model.usage.UsageRecorded;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends usage events to the ledger and adds them to the hourly and daily rollups, all in one statement and so in
 * one transaction: when {@link #append} returns, the batch is committed, and when it throws, nothing of it is.
 *
 * <p>Idempotent by {@code event_id}: the insert skips events already in the ledger ({@code on conflict do nothing}),
 * and the rollups add up only the rows it returned, so a redelivered event never counts twice.
 */
public class UsageLedger {

    // Every column travels as one text[] through unnest (one round trip for the whole batch) and is cast on insert.
    private static final List<Column> COLUMNS = List.of(
            new Column("event_id", "uuid", UsageRecorded::eventId),
            new Column("schema_version", "integer", event -> String.valueOf(event.schemaVersion())),
            new Column("request_id", "text", UsageRecorded::requestId),
            new Column("occurred_at", "timestamptz", event -> event.timestamp().toString()),
            new Column("tenant_id", "uuid", UsageRecorded::tenantId),
            new Column("key_id", "uuid", UsageRecorded::keyId),
            new Column("end_user", "text", UsageRecorded::endUser),
            new Column("tags", "jsonb", event -> JsonMapper.shared().writeValueAsString(new TreeMap<>(event.tags()))),
            new Column("model", "text", UsageRecorded::requestedModel),
            new Column("deployment_id", "text", UsageRecorded::deploymentId),
            new Column("provider", "text", UsageRecorded::provider),
            new Column("upstream_model", "text", UsageRecorded::upstreamModel),
            new Column("prompt_tokens", "bigint", event -> String.valueOf(event.promptTokens())),
            new Column("completion_tokens", "bigint", event -> String.valueOf(event.completionTokens())),
            new Column("cached_tokens", "bigint", event -> String.valueOf(event.cachedTokens())),
            new Column("cache_write_tokens", "bigint", event -> String.valueOf(event.cacheWriteTokens())),
            new Column("reasoning_tokens", "bigint", event -> String.valueOf(event.reasoningTokens())),
            new Column("tokens_estimated", "boolean", event -> String.valueOf(event.tokensEstimated())),
            new Column("cost_usd", "numeric", event -> plain(event.costUsd())),
            new Column("price_version", "text", UsageRecorded::priceVersion),
            new Column("priced", "boolean", event -> String.valueOf(event.priced())),
            new Column("status", "text", event -> event.status().wire()),
            new Column("http_status", "integer", event -> String.valueOf(event.httpStatus())),
            new Column("latency_ms", "bigint", event -> String.valueOf(event.latencyMs())),
            new Column("ttft_ms", "bigint", event -> event.ttftMs() == null ? null : String.valueOf(event.ttftMs())),
            new Column("stream", "boolean", event -> String.valueOf(event.stream())),
            new Column("retries", "integer", event -> String.valueOf(event.retries())),
            new Column("cost_center", "text", UsageRecorded::costCenter),
            new Column("error_code", "text", UsageRecorded::errorCode),
            new Column(
                    "template_name",
                    "text",
                    event -> event.template() == null ? null : event.template().name()),
            new Column("template_version", "integer", UsageLedger::templateVersion),
            new Column(
                    "template_label",
                    "text",
                    event -> event.template() == null ? null : event.template().label()),
            new Column(
                    "cache_hit",
                    "text",
                    event -> event.cache() == null ? null : event.cache().kind()),
            new Column(
                    "cache_saved_usd",
                    "numeric",
                    event -> event.cache() == null ? null : plain(event.cache().savedUsd())),
            new Column("fallbacks", "integer", UsageLedger::fallbacks),
            new Column(
                    "served_model",
                    "text",
                    event -> event.routing() == null ? null : event.routing().servedModel()),
            new Column(
                    "guardrail_action",
                    "text",
                    event ->
                            event.guardrail() == null ? null : event.guardrail().action()),
            new Column("guardrail_hits", "text[]", UsageLedger::guardrailHits));

    private static final String APPEND = LedgerSql.append(COLUMNS);

    private final JdbcTemplate jdbc;

    UsageLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes {@code events} and their rollups in one transaction.
     *
     * @return how many were new; the rest were already in the ledger
     * @throws org.springframework.dao.DataAccessException when the batch was not committed, none of it
     */
    public int append(List<UsageRecorded> events) {
        if (events.isEmpty()) {
            return 0;
        }
        Integer inserted = jdbc.query(connection -> prepare(connection, events), result -> {
            result.next();
            return result.getInt(1);
        });
        return inserted == null ? 0 : inserted;
    }

    private static PreparedStatement prepare(Connection connection, List<UsageRecorded> events) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(APPEND);
        for (int i = 0; i < COLUMNS.size(); i++) {
            statement.setArray(i + 1, textArray(connection, events, COLUMNS.get(i)));
        }
        return statement;
    }

    private static Array textArray(Connection connection, List<UsageRecorded> events, Column column)
            throws SQLException {
        String[] values = events.stream().map(column.value()).toArray(String[]::new);
        return connection.createArrayOf("text", values);
    }

    private static @Nullable String templateVersion(UsageRecorded event) {
        return event.template() == null ? null : String.valueOf(event.template().version());
    }

    private static @Nullable String fallbacks(UsageRecorded event) {
        return event.routing() == null ? null : String.valueOf(event.routing().fallbacks());
    }

    // A Postgres array literal: detector names are [a-z0-9._-], so they need no quoting.
    private static @Nullable String guardrailHits(UsageRecorded event) {
        return event.guardrail() == null
                ? null
                : "{" + String.join(",", event.guardrail().hits()) + "}";
    }

    private static @Nullable String plain(@Nullable BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /** One ledger column: its name, its SQL type and how an event fills it (as text, or {@code null}). */
    record Column(String name, String type, Function<UsageRecorded, @Nullable String> value) {}
}
