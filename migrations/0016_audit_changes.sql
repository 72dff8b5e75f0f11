-- Issue 8: every change audited with before and after. A change's audit row holds the
-- fields it touched as a JSON array [{"field":..,"before":..,"after":..}] (NULL for a
-- read or a refusal), written in the change's own transaction (src/access/audit_changes.hpp).
-- Adding a column keeps the append-only triggers of 0007 and the table grants of
-- scripts/pg-app-role.sql (SELECT and INSERT only) as they were.
ALTER TABLE audit_log ADD COLUMN changes TEXT;
