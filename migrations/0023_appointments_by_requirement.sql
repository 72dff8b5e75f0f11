-- A case page shows each active RAR requirement's days used, reading the appointments
-- booked against it (appointments::rar_activities). Nothing indexed them by
-- requirement, so every case page with a RAR read the whole appointments table: on the
-- national set 200-450 ms a page, all of it this one statement. Most appointments
-- count towards no requirement, so only those that do are indexed.
CREATE INDEX IF NOT EXISTS appointments_requirement ON appointments (requirement_id) WHERE requirement_id IS NOT NULL;
