-- Issue 9: every audited request, reads included, wrote a page into each of audit_log's
-- five indexes. Two of them, from the foundation, are read by nothing: the audit trail
-- walks (crn, id) and (username, id) newest first (0007, src/access/audit_query.cpp),
-- with a time range as a filter on that walk, and nothing looks entries up by user_id.
-- Counted frame by frame, these two were a sixth of the WAL a contact write made.
DROP INDEX audit_log_crn;
DROP INDEX audit_log_user;
