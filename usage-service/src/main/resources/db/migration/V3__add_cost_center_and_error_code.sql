-- Events now carry the tenant's cost center and the error code the caller got (both optional). The ledger keeps them
-- as they came (null when absent); the rollups key on the cost center so chargeback by cost center can use them.

alter table usage_ledger
    add column cost_center text,
    add column error_code  text;

-- Existing rollup rows were built from events without a cost center: '' is exactly what coalesce(cost_center, '')
-- gives for their ledger rows, so the rollups stay equal to the ledger.
alter table usage_rollup_hour add column cost_center text not null default '';
alter table usage_rollup_hour drop constraint usage_rollup_hour_pkey;
alter table usage_rollup_hour
    add primary key (bucket, tenant_id, key_id, model, provider, end_user, cost_center);

alter table usage_rollup_day add column cost_center text not null default '';
alter table usage_rollup_day drop constraint usage_rollup_day_pkey;
alter table usage_rollup_day
    add primary key (bucket, tenant_id, key_id, model, provider, end_user, cost_center);

-- Platform-wide reports and line-item exports select a time range across tenants; reconciliation sums one key's
-- spend over its budget period.
create index usage_ledger_occurred_at on usage_ledger (occurred_at);
create index usage_ledger_key_occurred_at on usage_ledger (key_id, occurred_at);
create index usage_rollup_hour_bucket on usage_rollup_hour (bucket);
create index usage_rollup_day_bucket on usage_rollup_day (bucket);
