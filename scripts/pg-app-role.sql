-- Least privilege for the role `onecase serve` connects as, on PostgreSQL.
--
-- onecase's migrations make audit_log append-only with triggers; a role that owns
-- the tables could drop them, so the service should connect as a role that owns
-- nothing: it may read and write the working tables, and only read and append to
-- the audit log. Run migrations (`onecase migrate`) as the owner role, then this
-- script as the owner (or a superuser), once and again after each upgrade that adds
-- tables. It is safe to run repeatedly.
--
--   psql "postgresql://onecase_owner@db/onecase" -v app_role=onecase_app -f scripts/pg-app-role.sql
--
-- The role must exist (CREATE ROLE onecase_app LOGIN PASSWORD '...'); its name is
-- the psql variable app_role (default onecase_app). docs/operations.md explains.
\set ON_ERROR_STOP on
\if :{?app_role}
\else
\set app_role onecase_app
\endif

GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
-- The audit log: read and append only, whatever was granted above.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM :"app_role";
GRANT SELECT, INSERT ON audit_log TO :"app_role";
