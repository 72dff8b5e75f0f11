-- Search (issue 7): every name a person is known by, and the keys that find them.
--
-- person_names holds the current name (kind 'current', kept in step with people by
-- the people store) and aliases and previous names ('alias', 'previous').
-- search_text is the name's normalised words (people/name_keys.hpp), which the
-- engines' trigram indexes hold; person_name_keys holds the exact-word, sound and
-- sorted-letter keys our code computes at write time. Both are written in the same
-- transaction as the person.
CREATE TABLE person_names (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    kind TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    -- 0 for rows this migration copied from people: the server computes their keys
    -- at start (people::index_pending_names), since SQL cannot.
    keys_written INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE INDEX person_names_person ON person_names (person_id);
CREATE INDEX person_names_pending ON person_names (keys_written);

CREATE TABLE person_name_keys (
    name_id BIGINT NOT NULL REFERENCES person_names(id),
    person_id BIGINT NOT NULL REFERENCES people(id),
    name_key TEXT NOT NULL
);
CREATE INDEX person_name_keys_key ON person_name_keys (name_key, person_id);
CREATE INDEX person_name_keys_name ON person_name_keys (name_id);

-- "Born 3 July 1990" alone is a search.
CREATE INDEX people_date_of_birth ON people (date_of_birth);

INSERT INTO person_names (person_id, kind, first_name, last_name, search_text, keys_written, created_at)
SELECT id, 'current', first_name, last_name, lower(first_name || ' ' || last_name), 0, created_at FROM people;
