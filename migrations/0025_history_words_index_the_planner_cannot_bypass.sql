-- Case-history search's PostgreSQL indexes are keyed so that only they can answer it.
-- Only PostgreSQL changes: see 0025_history_words_index_the_planner_cannot_bypass.postgres.sql.
SELECT 1;
