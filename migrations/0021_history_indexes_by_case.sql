-- Case-history search indexes keyed by case. Only PostgreSQL changes: see
-- 0021_history_indexes_by_case.postgres.sql.
SELECT 1;
