-- Case-history search reads a case's contacts in date order from an index. Only
-- SQLite changes: see 0024_history_reads_a_case_in_date_order.sqlite.sql.
SELECT 1;
