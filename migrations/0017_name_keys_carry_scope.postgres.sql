-- A case that ends, starts again or changes case manager takes its name keys with it,
-- and so do a case manager's cases when they move team.
CREATE FUNCTION people_scope_to_name_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE person_name_keys
       SET current_case = NEW.current_case, case_manager_staff_id = NEW.case_manager_staff_id,
           scope_region = coalesce((SELECT d.region_id FROM staff s JOIN teams t ON t.id = s.team_id
                                      JOIN pdus d ON d.id = t.pdu_id WHERE s.id = NEW.case_manager_staff_id), 0)
     WHERE name_id IN (SELECT id FROM person_names WHERE person_id = NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER people_scope_to_name_keys AFTER UPDATE OF current_case, case_manager_staff_id ON people
    FOR EACH ROW WHEN (OLD.current_case IS DISTINCT FROM NEW.current_case
                       OR OLD.case_manager_staff_id IS DISTINCT FROM NEW.case_manager_staff_id)
    EXECUTE FUNCTION people_scope_to_name_keys();

CREATE FUNCTION staff_scope_to_name_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE person_name_keys
       SET scope_region = (SELECT d.region_id FROM teams t JOIN pdus d ON d.id = t.pdu_id WHERE t.id = NEW.team_id)
     WHERE name_id IN (SELECT n.id FROM person_names n JOIN people p ON p.id = n.person_id
                        WHERE p.case_manager_staff_id = NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER staff_scope_to_name_keys AFTER UPDATE OF team_id ON staff
    FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id)
    EXECUTE FUNCTION staff_scope_to_name_keys();

-- The UPDATEs above leave a dead copy of every key; clear them before serving, so
-- that name search reads the index alone (migrations.hpp, tables_to_vacuum_after).
-- onecase: vacuum-after person_name_keys
