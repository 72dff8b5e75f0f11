-- Name search takes its candidates from the word-key index alone (docs/search.md).
-- Each key now carries, copied from people and kept by triggers:
--   current_case           the person's;
--   scope_region           the region of their case manager, whose staff may see the
--                          case (access::can_read_case), or 0 for an unallocated case,
--                          which anyone may see;
--   case_manager_staff_id  for the caller's own cases.
-- The candidate statements then ask the index for current cases before old ones, and
-- only for people the caller could be shown, without reading a row of people. Before
-- this a common surname filled the candidate limit in id order, mostly with old cases
-- and cases in other regions that the access check then hid.
ALTER TABLE person_name_keys ADD COLUMN current_case INTEGER NOT NULL DEFAULT 0;
ALTER TABLE person_name_keys ADD COLUMN scope_region BIGINT NOT NULL DEFAULT 0;
ALTER TABLE person_name_keys ADD COLUMN case_manager_staff_id BIGINT;
DROP INDEX person_name_keys_key;
UPDATE person_name_keys SET current_case = p.current_case, case_manager_staff_id = p.case_manager_staff_id
  FROM people p WHERE p.id = person_name_keys.person_id;
UPDATE person_name_keys SET scope_region = d.region_id
  FROM staff s JOIN teams t ON t.id = s.team_id JOIN pdus d ON d.id = t.pdu_id
 WHERE s.id = person_name_keys.case_manager_staff_id;
CREATE INDEX person_name_keys_key
    ON person_name_keys (name_key, current_case, scope_region, case_manager_staff_id, person_id);
