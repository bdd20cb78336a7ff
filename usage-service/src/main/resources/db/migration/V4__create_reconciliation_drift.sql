-- Each difference the reconciliation job found between a live spend counter in Redis and the ledger: what it saw and
-- what it did. Read by the console (GET /api/v1/reconciliation/drift); append-only.
create table reconciliation_drift (
    id             bigserial       primary key,
    found_at       timestamptz     not null default now(),
    budget_id      text            not null,
    period_id      text            not null,
    scope          text            not null,
    scope_id       text            not null,
    -- Nano-dollars, as the counter holds them; counter_missing when the key was gone (Redis lost it).
    counter_nanos  bigint          not null,
    counter_missing boolean        not null,
    ledger_nanos   bigint          not null,
    ledger_usd     numeric(20, 10) not null,
    -- raised: the counter was below the ledger and was raised to it; recorded: above it by more than the in-flight
    -- tolerance, left alone.
    action         text            not null check (action in ('raised', 'recorded'))
);

create index reconciliation_drift_found_at on reconciliation_drift (found_at desc, id desc);
-- The job compares each finding with the latest one for the same budget and period (see DriftRepository.record).
create index reconciliation_drift_budget_period on reconciliation_drift (budget_id, period_id, id desc);
