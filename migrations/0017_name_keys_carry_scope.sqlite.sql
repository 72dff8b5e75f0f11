-- A case that ends, starts again or changes case manager takes its name keys with it,
-- and so do a case manager's cases when they move team.
CREATE TRIGGER people_scope_to_name_keys AFTER UPDATE OF current_case, case_manager_staff_id ON people BEGIN
    UPDATE person_name_keys
       SET current_case = new.current_case, case_manager_staff_id = new.case_manager_staff_id,
           scope_region = coalesce((SELECT d.region_id FROM staff s JOIN teams t ON t.id = s.team_id
                                      JOIN pdus d ON d.id = t.pdu_id WHERE s.id = new.case_manager_staff_id), 0)
     WHERE name_id IN (SELECT id FROM person_names WHERE person_id = new.id);
END;
CREATE TRIGGER staff_scope_to_name_keys AFTER UPDATE OF team_id ON staff BEGIN
    UPDATE person_name_keys
       SET scope_region = (SELECT d.region_id FROM teams t JOIN pdus d ON d.id = t.pdu_id WHERE t.id = new.team_id)
     WHERE name_id IN (SELECT n.id FROM person_names n JOIN people p ON p.id = n.person_id
                        WHERE p.case_manager_staff_id = new.id);
END;
