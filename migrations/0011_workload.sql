-- Workload measurement and allocation (docs/workload.md).

-- Weekly contracted minutes; NULL means the grade's full-time week in the workload
-- policy in force. Minutes, not hours, so part-time weeks (22.5 h) stay whole numbers.
ALTER TABLE staff ADD COLUMN contracted_minutes BIGINT;

-- Dated reductions of a staff member's hours for cases, with the reason.
-- reason: training, union_duties, ill_health, other. end_date inclusive, NULL = open.
CREATE TABLE workload_reductions (
    id {{id}},
    staff_id BIGINT NOT NULL REFERENCES staff(id),
    reason TEXT NOT NULL,
    minutes_per_week BIGINT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by_user_id BIGINT,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX workload_reductions_staff ON workload_reductions (staff_id, start_date);

-- Reports and other weighted tasks credited to a staff member (kind: psr_standard,
-- psr_fast, psr_oral, parole_report, breach_report, recall_report, court_duty,
-- upw_supervision), counted for the policy's window of days.
CREATE TABLE workload_tasks (
    id {{id}},
    staff_id BIGINT NOT NULL REFERENCES staff(id),
    kind TEXT NOT NULL,
    task_date TEXT NOT NULL,
    person_id BIGINT REFERENCES people(id),
    created_at TEXT NOT NULL,
    created_by_user_id BIGINT
);
CREATE INDEX workload_tasks_staff ON workload_tasks (staff_id, task_date);

-- The team whose queue an unallocated case waits in (people with no case manager).
ALTER TABLE people ADD COLUMN allocation_team_id BIGINT REFERENCES teams(id);
CREATE INDEX people_allocation_team ON people (allocation_team_id);

-- Every allocation and reallocation: who held the case, who holds it now, who
-- decided and why (a reason is required when going against the ranking or the grade rule).
CREATE TABLE allocations (
    id {{id}},
    person_id BIGINT NOT NULL REFERENCES people(id),
    from_staff_id BIGINT REFERENCES staff(id),
    to_staff_id BIGINT NOT NULL REFERENCES staff(id),
    team_id BIGINT REFERENCES teams(id),
    allocated_at TEXT NOT NULL,
    allocated_by_user_id BIGINT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    candidate_rank BIGINT,
    against_ranking INTEGER NOT NULL DEFAULT 0,
    against_grade_rule INTEGER NOT NULL DEFAULT 0,
    capacity_percent_after TEXT
);
CREATE INDEX allocations_person ON allocations (person_id, id);
CREATE INDEX allocations_to_staff ON allocations (to_staff_id, allocated_at);

-- In-app notifications to a member of staff.
CREATE TABLE notifications (
    id {{id}},
    staff_id BIGINT NOT NULL REFERENCES staff(id),
    kind TEXT NOT NULL,
    crn TEXT,
    message TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX notifications_staff ON notifications (staff_id, id);
