-- Versioned prompt templates. A version is a draft until published; published versions never change, and labels
-- (production, staging, …) point at one of them, so a rollback moves a label instead of editing a version.
create table prompt_template (
    id         uuid        primary key default gen_random_uuid(),
    -- null: platform-wide, usable by every tenant
    tenant_id  uuid        references tenant (id) on delete cascade,
    name       text        not null check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
    created_by text        not null,
    created_at timestamptz not null default now()
);

-- unique (tenant_id, name) treats nulls as distinct, so platform-wide names need their own partial index.
create unique index prompt_template_tenant_name_idx on prompt_template (tenant_id, name) where tenant_id is not null;
create unique index prompt_template_global_name_idx on prompt_template (name) where tenant_id is null;

create table prompt_version (
    template_id  uuid        not null references prompt_template (id) on delete cascade,
    version      integer     not null check (version > 0),
    -- [{"role": "system", "content": "… {{variable}} …"}]
    messages     jsonb       not null check (jsonb_typeof(messages) = 'array'),
    model        text        not null check (length(btrim(model)) between 1 and 200),
    parameters   jsonb       not null default '{}' check (jsonb_typeof(parameters) = 'object'),
    -- [{"name", "type": string|number|integer|boolean, "required", "default"}]
    variables    jsonb       not null default '[]' check (jsonb_typeof(variables) = 'array'),
    status       text        not null default 'draft' check (status in ('draft', 'published')),
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    primary key (template_id, version),
    check ((status = 'published') = (published_at is not null))
);

-- The service refuses to change a published version; this makes the database refuse it too, whoever asks.
create function prompt_version_refuse_published_change() returns trigger
    language plpgsql as
$$
begin
    if old.status = 'published' and (new.messages, new.model, new.parameters, new.variables, new.status,
                                     new.published_at, new.version, new.template_id)
        is distinct from (old.messages, old.model, old.parameters, old.variables, old.status,
                          old.published_at, old.version, old.template_id) then
        raise exception 'prompt version % of template % is published and cannot change', old.version, old.template_id
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;

create trigger prompt_version_immutable_once_published
    before update
    on prompt_version
    for each row
execute function prompt_version_refuse_published_change();

-- One version per label for now; weight is kept for a later weighted (A/B) split between versions.
create table prompt_label (
    template_id uuid        not null,
    label       text        not null check (label ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    version     integer     not null,
    weight      integer     not null default 100 check (weight between 0 and 100),
    updated_at  timestamptz not null default now(),
    primary key (template_id, label),
    foreign key (template_id, version) references prompt_version (template_id, version) on delete cascade
);
