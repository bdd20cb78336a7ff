-- A/B tests of prompts: a label may share its traffic between published versions by weight. While a label has a split,
-- the gateway draws among its versions; prompt_label.version stays the label's main version (and the one shown).
create table prompt_label_split (
    template_id uuid        not null,
    label       text        not null,
    version     integer     not null,
    weight      integer     not null check (weight between 1 and 10000),
    updated_at  timestamptz not null default now(),
    primary key (template_id, label, version),
    foreign key (template_id, label) references prompt_label (template_id, label) on delete cascade,
    foreign key (template_id, version) references prompt_version (template_id, version) on delete cascade
);

-- The parameters a client may override, per version; immutable once published like the rest of the version.
alter table prompt_version
    add column overridable text[] not null default '{}' check (cardinality(overridable) <= 32);

create or replace function prompt_version_refuse_published_change() returns trigger
    language plpgsql as
$$
begin
    if old.status = 'published' and (new.messages, new.model, new.parameters, new.variables, new.overridable,
                                     new.status, new.published_at, new.version, new.template_id)
        is distinct from (old.messages, old.model, old.parameters, old.variables, old.overridable,
                          old.status, old.published_at, old.version, old.template_id) then
        raise exception 'prompt version % of template % is published and cannot change', old.version, old.template_id
            using errcode = 'integrity_constraint_violation';
    end if;
    return new;
end;
$$;
