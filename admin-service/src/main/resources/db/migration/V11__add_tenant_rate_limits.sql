-- Tenant-wide rate limits, counted across all of a tenant's keys. Null means no limit; 0 refuses every request.
alter table tenant add column rpm_limit integer check (rpm_limit >= 0);
alter table tenant add column tpm_limit integer check (tpm_limit >= 0);

comment on column tenant.rpm_limit is 'requests per minute across all the tenant''s keys; null = unlimited, 0 = deny';
comment on column tenant.tpm_limit is 'tokens per minute across all the tenant''s keys; null = unlimited, 0 = deny';
