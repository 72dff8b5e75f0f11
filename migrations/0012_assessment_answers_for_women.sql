-- The OASys answers the tier rules use only for women (docs/tiering.md): 6.9 parenting
-- responsibilities (0/1), 11.2 impulsivity and 11.4 temper control (0-2). NULL when not
-- answered.
ALTER TABLE assessments ADD COLUMN parenting_responsibilities INTEGER;
ALTER TABLE assessments ADD COLUMN impulsivity BIGINT;
ALTER TABLE assessments ADD COLUMN temper_control BIGINT;
