-- Case-history search: a base index for what was loaded and a live one for what users
-- write. Only SQLite changes: see 0019_history_base_and_live_indexes.sqlite.sql.
SELECT 1;
