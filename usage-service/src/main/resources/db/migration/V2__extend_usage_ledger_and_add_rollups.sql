-- The ledger takes every field of a UsageRecorded event (schema_version 1), and hourly and daily rollups are kept
-- beside it. Nothing wrote usage_ledger before this version, so the column defaults below only satisfy the DDL.

-- model is the public model name the caller asked for; requests that were never routed have none, and no provider.
alter table usage_ledger alter column model drop not null;
alter table usage_ledger alter column provider drop not null;
-- Unpriced requests (no price version in force) have no cost: null, never a made-up zero.
alter table usage_ledger alter column cost_usd drop not null;

alter table usage_ledger
    add column schema_version   integer not null default 1,
    add column request_id       text    not null default '',
    add column end_user         text,
    add column tags             jsonb   not null default '{}',
    add column deployment_id    text,
    add column upstream_model   text,
    add column cached_tokens    bigint  not null default 0 check (cached_tokens >= 0),
    add column reasoning_tokens bigint  not null default 0 check (reasoning_tokens >= 0),
    add column tokens_estimated boolean not null default false,
    add column price_version    text,
    add column priced           boolean not null default true,
    add column status           text    not null default 'success',
    add column http_status      integer not null default 200,
    add column latency_ms       bigint  not null default 0 check (latency_ms >= 0),
    add column ttft_ms          bigint check (ttft_ms >= 0),
    add column stream           boolean not null default false,
    add column retries          integer not null default 0 check (retries >= 0);

-- Rollups hold only rows the ledger actually inserted (see ledger.UsageLedger): a redelivered event adds nothing.
-- Buckets are UTC. Missing model, provider and end user are '' so they can be part of the key.
-- No cost-center column yet: events carry none; it arrives with the admin-side mapping.
create table usage_rollup_hour (
    bucket            timestamptz     not null,
    tenant_id         uuid            not null,
    key_id            uuid            not null,
    model             text            not null,
    provider          text            not null,
    end_user          text            not null,
    requests          bigint          not null,
    unpriced_requests bigint          not null,
    prompt_tokens     bigint          not null,
    completion_tokens bigint          not null,
    cached_tokens     bigint          not null,
    reasoning_tokens  bigint          not null,
    -- Sum over priced requests only; unpriced_requests says how many are missing from it.
    cost_usd          numeric(20, 10) not null,
    primary key (bucket, tenant_id, key_id, model, provider, end_user)
);

create table usage_rollup_day (
    bucket            date            not null,
    tenant_id         uuid            not null,
    key_id            uuid            not null,
    model             text            not null,
    provider          text            not null,
    end_user          text            not null,
    requests          bigint          not null,
    unpriced_requests bigint          not null,
    prompt_tokens     bigint          not null,
    completion_tokens bigint          not null,
    cached_tokens     bigint          not null,
    reasoning_tokens  bigint          not null,
    cost_usd          numeric(20, 10) not null,
    primary key (bucket, tenant_id, key_id, model, provider, end_user)
);

-- Reports select one tenant over a range of buckets.
create index usage_rollup_hour_tenant_bucket on usage_rollup_hour (tenant_id, bucket);
create index usage_rollup_day_tenant_bucket on usage_rollup_day (tenant_id, bucket);
