-- How the gateway's response cache treats a key's requests, over its route's settings (shared-model CacheSettings as
-- JSON: mode, ttl_seconds, per_key, semantic, similarity_threshold). Null: the key has no settings of its own.
alter table virtual_key
    add column cache jsonb check (cache is null or jsonb_typeof(cache) = 'object');
