-- A provider account: where the gateway sends requests and the credential it sends them with.
create table provider (
    id                    uuid        primary key default gen_random_uuid(),
    name                  text        not null unique check (length(btrim(name)) between 1 and 200),
    type                  text        not null
        check (type in ('openai', 'azure-openai', 'anthropic', 'gemini', 'openai-compatible', 'mock')),
    base_url              text,
    settings              jsonb       not null default '{}',
    -- The API key sealed with AES-256-GCM under the master key credential_key_id; all four null when none.
    credential_key_id     text,
    credential_nonce      text,
    credential_ciphertext text,
    credential_last4      text,
    created_at            timestamptz not null default now(),
    check ((credential_key_id is null) = (credential_ciphertext is null))
);
