-- Issue 7: a name search's time went on reading pages. Every commit (an audit import
-- four times a second, any write) empties each reading handle's page cache, so a
-- search reads almost every page it touches again from the file: about 330 reads of
-- 4 KiB for a common surname on the national set, each a system call.
--
-- The caller's own cases that match any of a word's keys (its one-slip variants
-- included, some 290 keys for a five-letter word) were looked up key by key in the
-- name index, each key a page somewhere in 7 million entries (133 pages for "patel").
-- Keyed by case manager first, a practitioner's own cases' keys lie together: 18 pages,
-- and 4 instead of 37 for the "as you type" prefix.
CREATE INDEX IF NOT EXISTS person_name_keys_by_case_manager
    ON person_name_keys (case_manager_staff_id, current_case, scope_region, name_key, person_id);

-- The ranking reads every candidate's names: with the names in the index, one page per
-- candidate instead of an index page and a table page (115 pages for 100 candidates,
-- 197 before). It serves every lookup the index it replaces served.
CREATE INDEX IF NOT EXISTS person_names_by_person ON person_names (person_id, kind, first_name, last_name);
DROP INDEX person_names_person;
