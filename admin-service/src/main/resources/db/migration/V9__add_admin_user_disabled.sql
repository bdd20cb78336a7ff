-- Users are disabled rather than deleted, so the audit log's actors keep meaning something. A disabled user cannot
-- sign in, their console sessions end and their API tokens stop working.
alter table admin_user add column disabled boolean not null default false;
alter table admin_user add column updated_at timestamptz;

-- Sign-in compares emails without regard to case, so two users must not differ only in case.
create unique index admin_user_email_lower on admin_user (lower(email));
