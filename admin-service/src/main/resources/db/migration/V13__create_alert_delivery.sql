-- One budget alert read from tollgate:budget:alerts, and how delivering it to the tenant's webhook went. The stream
-- may carry the same alert more than once; alert_id ({budget_id}:{period_id}:{threshold}) keeps one row per alert.
create table alert_delivery (
    id               bigint      generated always as identity primary key,
    alert_id         text        not null unique,
    -- Null only for a malformed stream entry that names no usable tenant.
    tenant_id        uuid,
    -- The webhook body (without signature), or for a malformed entry the raw stream fields.
    payload          jsonb       not null,
    status           text        not null check (status in ('pending', 'delivered', 'failed', 'skipped')),
    attempts         integer     not null default 0 check (attempts >= 0),
    -- When a worker may next try; a worker that claims the row pushes it forward by its lease.
    next_attempt_at  timestamptz,
    last_status_code integer,
    -- What went wrong last, for people; never holds the signing secret or the signature.
    last_error       text,
    delivered_at     timestamptz,
    stream_entry_id  text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create index alert_delivery_due_idx on alert_delivery (next_attempt_at) where status = 'pending';
create index alert_delivery_tenant_idx on alert_delivery (tenant_id, created_at desc);
create index alert_delivery_recent_idx on alert_delivery (created_at desc);
