-- read tokens may only call GET routes. Tokens that existed before scopes keep the rights they had.
alter table api_token add column scope text not null default 'write' check (scope in ('read', 'write'));
-- Revoked tokens are kept, not deleted, so their owners can see what was revoked and when.
alter table api_token add column revoked_at timestamptz;
-- Refreshed at most once a minute per token, so a busy script does not turn every read into a write.
alter table api_token add column last_used_at timestamptz;

create index api_token_user on api_token (user_id, created_at desc);
