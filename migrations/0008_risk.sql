-- Issue 5: register types as reference data, the registration lifecycle (reviews,
-- de-registration with a reason, history), assessments entered by hand, and the
-- tier's history with its explanation.

-- The kinds of registration (flag). `levels` lists the levels a registration of this
-- type may carry ('|'-separated, '' when it has none); `categories` likewise (MAPPA).
-- `review_months` sets each new registration's review date. `high_signal` types show at
-- the top of every page of the case. `tier_factor` says what the type feeds in the tier
-- rules: rosh, mappa, iom, or a complexity factor code (docs/tiering.md).
CREATE TABLE register_types (
    code TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    levels TEXT NOT NULL DEFAULT '',
    categories TEXT NOT NULL DEFAULT '',
    review_months BIGINT NOT NULL DEFAULT 6,
    high_signal INTEGER NOT NULL DEFAULT 0,
    tier_factor TEXT,
    active INTEGER NOT NULL DEFAULT 1
);

INSERT INTO register_types (code, description, levels, categories, review_months, high_signal, tier_factor) VALUES
  ('ROSH', 'Risk of serious harm', 'Low|Medium|High|Very high', '', 6, 1, 'rosh'),
  ('MAPPA', 'MAPPA', 'Level 1|Level 2|Level 3', 'Category 1|Category 2|Category 3|Category 4', 12, 1, 'mappa'),
  ('VISOR', 'ViSOR nominal', '', '', 12, 1, NULL),
  ('DOMESTIC_ABUSE', 'Domestic abuse perpetrator', '', '', 6, 1, NULL),
  ('CHILD_CONCERNS', 'Child concerns', '', '', 6, 1, 'child_concerns'),
  ('CHILD_PROTECTION', 'Child protection', '', '', 6, 1, 'child_protection'),
  ('RISK_TO_CHILDREN', 'Risk to children', '', '', 6, 1, 'risk_to_children'),
  ('SAFEGUARDING', 'Safeguarding issue (adult)', '', '', 6, 0, 'adult_at_risk'),
  ('RISK_TO_STAFF', 'Risk to staff', '', '', 6, 1, NULL),
  ('WEAPONS', 'Weapons', '', '', 12, 1, NULL),
  ('SELF_HARM', 'Suicide/self-harm', '', '', 3, 1, 'attempted_suicide_or_self_harm'),
  ('HATE_CRIME', 'Hate crime', '', '', 12, 0, NULL),
  ('MENTAL_HEALTH', 'Mental health issues', '', '', 6, 0, 'mental_health'),
  ('VULNERABILITY', 'Vulnerability issue', '', '', 6, 0, 'vulnerability'),
  ('PUBLIC_INTEREST', 'Public interest case', '', '', 12, 0, 'public_interest'),
  ('STREET_GANGS', 'Street gangs', '', '', 6, 0, 'street_gangs'),
  ('TERRORISM', 'Terrorism Act or terrorism-connected offence', '', '', 12, 1, 'terrorism'),
  ('IOM', 'Integrated offender management nominal', '', '', 6, 0, 'iom');

-- The registration lifecycle.
ALTER TABLE registrations ADD COLUMN category TEXT;
ALTER TABLE registrations ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE registrations ADD COLUMN registered_by_user_id BIGINT;
ALTER TABLE registrations ADD COLUMN deregistered_reason TEXT;
ALTER TABLE registrations ADD COLUMN deregistered_by_user_id BIGINT;
ALTER TABLE registrations ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- The demo's MAPPA registrations name their category in the description.
UPDATE registrations SET category = 'Category 1' WHERE type_code = 'MAPPA' AND description LIKE '%category 1%';
UPDATE registrations SET category = 'Category 2' WHERE type_code = 'MAPPA' AND description LIKE '%category 2%';
UPDATE registrations SET category = 'Category 3' WHERE type_code = 'MAPPA' AND description LIKE '%category 3%';
UPDATE registrations SET category = 'Category 4' WHERE type_code = 'MAPPA' AND description LIKE '%category 4%';

-- Each review of a registration: when, by whom, what was noted, the next review date.
CREATE TABLE registration_reviews (
    id {{id}},
    registration_id BIGINT NOT NULL REFERENCES registrations(id),
    reviewed_on TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    next_review_due TEXT,
    reviewed_by_user_id BIGINT,
    created_at TEXT NOT NULL
);
CREATE INDEX registration_reviews_registration ON registration_reviews (registration_id);

-- An assessment of risk and needs, dated. RoSH per group; predictor scores as
-- percentages (bands are derived, docs/tiering.md); needs as JSON
-- {"accommodation":"standard",...}; complete = signed off.
CREATE TABLE assessments (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    assessed_on TEXT NOT NULL,
    assessment_type TEXT NOT NULL DEFAULT 'layer3',
    complete INTEGER NOT NULL DEFAULT 1,
    rosh_overall TEXT,
    rosh_public TEXT,
    rosh_known_adult TEXT,
    rosh_children TEXT,
    rosh_staff TEXT,
    ogrs BIGINT,
    ovp BIGINT,
    osp_c TEXT,
    osp_i TEXT,
    rsr TEXT,
    needs TEXT NOT NULL DEFAULT '{}',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by_user_id BIGINT
);
CREATE INDEX assessments_person ON assessments (person_id, assessed_on);

-- Every tier a case has had: the result with its explanation (tier_result_json) and
-- what made it be calculated (reason).
CREATE TABLE tier_history (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    tier TEXT NOT NULL,
    calculated_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    explanation TEXT NOT NULL,
    calculated_by_user_id BIGINT
);
CREATE INDEX tier_history_person ON tier_history (person_id, id);
