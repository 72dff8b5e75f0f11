-- Case-history search indexes (issue 7), second form. Only SQLite changes: see
-- 0014_history_index_reads_sources.sqlite.sql. PostgreSQL's expression indexes on the
-- tables themselves already hold no copy of the text.
SELECT 1;
