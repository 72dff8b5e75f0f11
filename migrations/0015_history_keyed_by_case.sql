-- Case-history search keyed by case (issue 7), third form. Only SQLite changes: see
-- 0015_history_keyed_by_case.sqlite.sql. PostgreSQL searches a case's rows through
-- the person_id index and its expression indexes.
SELECT 1;
