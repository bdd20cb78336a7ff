-- Who changed what, when and from where. Secrets are elided before a row is written.
create table audit_log (
    id             bigserial   primary key,
    at             timestamptz not null default now(),
    actor          text        not null,
    action         text        not null,
    target_type    text        not null,
    target_id      text,
    remote_address text,
    before         jsonb,
    after          jsonb
);

create index audit_log_target_idx on audit_log (target_type, target_id, at);

-- Append-only. The owner of a table cannot revoke its own UPDATE and DELETE rights, so a trigger refuses them.
create function audit_log_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_log_append_only
    before update or delete or truncate
    on audit_log
    for each statement
execute function audit_log_refuse_change();
