-- One row per accounted gateway call: the source of truth for chargeback reports.
-- event_id is minted by the gateway, so a redelivered stream entry hits the primary key instead of billing twice.
create table usage_ledger (
    event_id          uuid           primary key,
    occurred_at       timestamptz    not null,
    recorded_at       timestamptz    not null default now(),
    -- Ids of admin-service rows; no foreign keys, because each service owns its schema and the ledger must keep
    -- history for tenants and keys that are later deleted.
    tenant_id         uuid           not null,
    key_id            uuid           not null,
    model             text           not null,
    provider          text           not null,
    prompt_tokens     bigint         not null check (prompt_tokens >= 0),
    completion_tokens bigint         not null check (completion_tokens >= 0),
    -- Money is exact decimal, never float: ten fractional digits keep per-token prices of fractions of a cent exact.
    cost_usd          numeric(20, 10) not null check (cost_usd >= 0)
);

-- Reports select one tenant over a time range.
create index usage_ledger_tenant_occurred_at on usage_ledger (tenant_id, occurred_at);
