package dev.tollgate.usage.report;

import java.util.List;

/**
 * One column of the line-item export: its name, the SQL reading it from the ledger as text, and how JSON writes it.
 */
record LineItemColumn(String name, String sql, Kind kind) {

    enum Kind {
        /** Free text from callers or config: quoted in JSON, defused in CSV. */
        TEXT,
        /** An id or a fixed-format value: quoted in JSON, as is in CSV. */
        ID,
        /** A number or boolean: bare in JSON. */
        LITERAL,
        /** A JSON value (the tags object): embedded as is in JSON, as text in CSV. */
        JSON,
        /** {@code occurred_at}, printed in the report's time zone. */
        TIME
    }

    /** Every column, in export order; documented in docs/reports.md. */
    static final List<LineItemColumn> ALL = List.of(
            new LineItemColumn("event_id", "event_id::text", Kind.ID),
            new LineItemColumn("occurred_at", "occurred_at", Kind.TIME),
            new LineItemColumn("tenant", "tenant_id::text", Kind.ID),
            new LineItemColumn("cost_center", "cost_center", Kind.TEXT),
            new LineItemColumn("key", "key_id::text", Kind.ID),
            new LineItemColumn("end_user", "end_user", Kind.TEXT),
            new LineItemColumn("model", "model", Kind.TEXT),
            new LineItemColumn("provider", "provider", Kind.TEXT),
            new LineItemColumn("upstream_model", "upstream_model", Kind.TEXT),
            new LineItemColumn("status", "status", Kind.ID),
            new LineItemColumn("http_status", "http_status::text", Kind.LITERAL),
            new LineItemColumn("error_code", "error_code", Kind.TEXT),
            new LineItemColumn("prompt_tokens", "prompt_tokens::text", Kind.LITERAL),
            new LineItemColumn("completion_tokens", "completion_tokens::text", Kind.LITERAL),
            new LineItemColumn("cached_tokens", "cached_tokens::text", Kind.LITERAL),
            new LineItemColumn("reasoning_tokens", "reasoning_tokens::text", Kind.LITERAL),
            new LineItemColumn("tokens_estimated", "tokens_estimated::text", Kind.LITERAL),
            new LineItemColumn("priced", "priced::text", Kind.LITERAL),
            // numeric(20,10) prints all ten fractional digits: the same fixed scale as chargeback amounts.
            new LineItemColumn("cost", "cost_usd::text", Kind.ID),
            new LineItemColumn("currency", "'" + ChargebackDocument.CURRENCY + "'", Kind.ID),
            new LineItemColumn("price_version", "price_version", Kind.ID),
            new LineItemColumn("request_id", "request_id", Kind.TEXT),
            new LineItemColumn("latency_ms", "latency_ms::text", Kind.LITERAL),
            new LineItemColumn("tags", "tags::text", Kind.JSON));
}
