-- A virtual key is what an application presents to the gateway. Its secret is never stored: only keyed hashes of it
-- (HMAC-SHA-256 under TOLLGATE_KEY_HASH_SECRET) live in key_secret.
create table virtual_key (
    id             uuid        primary key default gen_random_uuid(),
    tenant_id      uuid        not null references tenant (id) on delete cascade,
    name           text        not null check (length(btrim(name)) between 1 and 200),
    owner          text        check (length(owner) <= 320),
    -- The visible start of the secret (sk-tg-xxxx), enough to recognise a key in logs, never enough to use it.
    prefix         text        not null,
    allowed_models text[]      not null default '{}',
    rpm_limit      integer     check (rpm_limit >= 0),
    tpm_limit      integer     check (tpm_limit >= 0),
    max_tokens     integer     check (max_tokens > 0),
    expires_at     timestamptz,
    status         text        not null default 'active' check (status in ('active', 'revoked')),
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    last_used_at   timestamptz
);

create index virtual_key_tenant_idx on virtual_key (tenant_id, created_at);

-- One row per secret that may still be used. A rotated key has two rows until the old one's grace period ends.
create table key_secret (
    key_id      uuid        not null references virtual_key (id) on delete cascade,
    hash        text        not null unique,
    -- null for the current secret; the end of the grace period for a secret replaced by a rotation
    valid_until timestamptz,
    created_at  timestamptz not null default now()
);

create index key_secret_key_idx on key_secret (key_id);

-- Makes a rotation safe to retry: the new secret is kept sealed (AES-256-GCM under the master key, never in plain)
-- for the grace window, so a retry with the same Idempotency-Key gets the same secret instead of a third one.
create table key_rotation (
    key_id          uuid        not null references virtual_key (id) on delete cascade,
    idempotency_key text        not null check (length(idempotency_key) between 1 and 200),
    sealed_key_id   text        not null,
    nonce           text        not null,
    ciphertext      text        not null,
    expires_at      timestamptz not null,
    created_at      timestamptz not null default now(),
    primary key (key_id, idempotency_key)
);
