-- Case-history search's live indexes are written once per transaction, at its commit.
-- Only SQLite changes: see 0026_history_live_index_written_at_commit.sqlite.sql.
SELECT 1;
