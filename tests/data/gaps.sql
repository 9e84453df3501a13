-- gaps.sql: a small trajectory in which every rule of the gap check
-- fires at least once, for the golden files of tests/cli/gaps.sh and
-- tests/cli/summary.sh. Apply with the sqlite3 shell to a database made
-- by `meerstem init`; check it with MEERSTEM_TODAY=2024-09-01. Names
-- of people are fictional. name_key is what the core would compute
-- (trimmed, lower case).
.bail on
PRAGMA foreign_keys = ON;
BEGIN;
INSERT INTO trajectory (code, title, question, commission, requester,
    phase_id, start_date)
  SELECT 'GAP-1', 'Werk & zorg <test>', 'Hoe vinden zorg en onderwijs genoeg mensen?',
    'Commissie Arbeidsmarkt', 'Minister van SZW', id, '2024-01-02'
  FROM phase WHERE code = 'options';
-- An empty trajectory, for the silent case.
INSERT INTO trajectory (code, title, phase_id)
  SELECT 'EMPTY', 'Nothing recorded yet', id FROM phase WHERE code = 'orientation';

INSERT INTO stakeholder (name, name_key, kind, voice) VALUES
  ('Schoonmakers in zorginstellingen', 'schoonmakers in zorginstellingen', 'group', 'vulnerable'),
  ('Zzp''ers in de zorg', 'zzp''ers in de zorg', 'group', 'unknown'),
  ('Kritische leraren', 'kritische leraren', 'group', 'critical'),
  ('Thuiszorgmedewerkers', 'thuiszorgmedewerkers', 'group', 'vulnerable'),
  ('Pedagogisch medewerkers', 'pedagogisch medewerkers', 'group', 'silent_middle'),
  ('FNV', 'fnv', 'organisation', 'established'),
  ('MBO Raad', 'mbo raad', 'organisation', 'established'),
  ('Ouders', 'ouders', 'group', 'silent_majority');
WITH v(key, impact, rep) AS (VALUES
    ('schoonmakers in zorginstellingen', 3, 'none'),
    ('zzp''ers in de zorg', 2, 'none'),
    ('kritische leraren', 2, 'none'),
    ('thuiszorgmedewerkers', 3, 'employees'),
    ('pedagogisch medewerkers', 3, 'none'),
    ('fnv', 3, 'employees'),
    ('mbo raad', 2, 'none'),
    ('ouders', 1, 'none'))
INSERT INTO involvement (trajectory_id, stakeholder_id, impact, represented_by)
  SELECT 1, id, v.impact, v.rep FROM stakeholder JOIN v ON v.key = name_key;

WITH v(ref, form, phase, title, date, n, status, fb) AS (VALUES
    ('S1', 'survey', 'diagnosis', 'Enquête onder werkenden', '2024-01-10', 40, 'held', '2024-02-01'),
    ('S2', 'dialogue_table', 'diagnosis', 'Dialoogtafel', '2024-03-01', 12, 'held', NULL),
    ('S3', 'focus_group', 'options', 'Focusgroep kinderopvang', '2024-05-28', 8, 'held', NULL),
    ('S4', 'experience_interview', 'options', 'Gesprekken met schoonmakers', '2024-10-01', NULL, 'planned', NULL),
    ('S5', 'work_visit', 'diagnosis', 'Werkbezoek', '2024-02-15', 6, 'cancelled', NULL))
INSERT INTO session (trajectory_id, ref, form_id, phase_id, title, date,
    participants, status, feedback_date)
  SELECT 1, v.ref, f.id, p.id, v.title, v.date, v.n, v.status, v.fb
  FROM v JOIN form f ON f.code = v.form JOIN phase p ON p.code = v.phase;

WITH v(ref, key, role, people) AS (VALUES
    ('S1', 'thuiszorgmedewerkers', 'participant', 25),
    ('S1', 'ouders', 'participant', 15),
    ('S2', 'fnv', 'speaker', 2),
    ('S2', 'mbo raad', 'listener', 1),
    ('S3', 'pedagogisch medewerkers', 'participant', 8),
    ('S4', 'schoonmakers in zorginstellingen', 'participant', 6))
INSERT INTO attendance (session_id, stakeholder_id, role, people)
  SELECT s.id, k.id, v.role, v.people FROM v
  JOIN session s ON s.ref = v.ref AND s.trajectory_id = 1
  JOIN stakeholder k ON k.name_key = v.key;

WITH v(ref, summary, disposition, reason, reported) AS (VALUES
    ('S2', 'Minder regeldruk in de zorg.', 'open', '', NULL),
    ('S2', 'Vaste roosters voor wie dat wil.', 'adopted', '', NULL),
    ('S1', 'Snuffelstages voor scholieren.', 'partly', '', '2024-02-01'),
    ('S3', '=Meer uren voor deeltijders', 'rejected', 'Past niet bij de vraag.', '2024-06-20'),
    ('S3', '-Minder uren', 'rejected', 'Buiten de vraag.', NULL))
INSERT INTO input (trajectory_id, session_id, summary, disposition, reason,
    reported_date)
  SELECT 1, s.id, v.summary, v.disposition, v.reason, v.reported FROM v
  JOIN session s ON s.ref = v.ref AND s.trajectory_id = 1;

-- Profiles of the survey (representative): 40 people.
INSERT INTO dimension (id, name) VALUES (1, 'education'), (2, 'region'), (3, 'age_band');
INSERT INTO category (id, dimension_id, name) VALUES
  (1, 1, 'laag'), (2, 1, 'middelbaar'), (3, 1, 'hoog'),
  (4, 2, 'noord'), (5, 2, 'zuid'),
  (6, 3, '18-34'), (7, 3, '35+');
INSERT INTO benchmark (trajectory_id, category_id, share) VALUES
  (1, 1, 0.3), (1, 2, 0.4), (1, 3, 0.3),
  (1, 4, 0.2), (1, 5, 0.8),
  (1, 6, 0.3), (1, 7, 0.7);
-- Profiles are category ids, 32-bit little-endian, in the order
-- education, region, age band. The shell joins blobs as text, so every
-- combination is written out.
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 40),
combo(e, r, a, profile) AS (VALUES
  (1, 4, 6, X'010000000400000006000000'),
  (1, 4, 7, X'010000000400000007000000'),
  (1, 5, 6, X'010000000500000006000000'),
  (1, 5, 7, X'010000000500000007000000'),
  (2, 4, 6, X'020000000400000006000000'),
  (2, 4, 7, X'020000000400000007000000'),
  (2, 5, 6, X'020000000500000006000000'),
  (2, 5, 7, X'020000000500000007000000'),
  (3, 4, 6, X'030000000400000006000000'),
  (3, 4, 7, X'030000000400000007000000'),
  (3, 5, 6, X'030000000500000006000000'),
  (3, 5, 7, X'030000000500000007000000'))
INSERT INTO participant (session_id, seq, profile)
  SELECT (SELECT id FROM session WHERE ref = 'S1' AND trajectory_id = 1), i,
    profile FROM k JOIN combo
    ON e = CASE WHEN i <= 4 THEN 1 WHEN i <= 20 THEN 2 ELSE 3 END
    AND r = CASE WHEN i % 5 = 0 THEN 4 ELSE 5 END
    AND a = CASE WHEN i <= 6 THEN 6 ELSE 7 END;

INSERT INTO member (trajectory_id, name, name_key, delegation) VALUES
  (1, 'A. Werkgever (fictief)', 'a. werkgever (fictief)', 'employers'),
  (1, 'B. Werkgever (fictief)', 'b. werkgever (fictief)', 'employers'),
  (1, 'C. Werknemer (fictief)', 'c. werknemer (fictief)', 'employees'),
  (1, 'D. Werknemer (fictief)', 'd. werknemer (fictief)', 'employees'),
  (1, 'E. Werknemer (fictief)', 'e. werknemer (fictief)', 'employees'),
  (1, 'F. Werknemer (fictief)', 'f. werknemer (fictief)', 'employees'),
  (1, 'G. Kroonlid (fictief)', 'g. kroonlid (fictief)', 'crown'),
  (1, 'H. Kroonlid (fictief)', 'h. kroonlid (fictief)', 'crown'),
  (1, 'I. Kroonlid (fictief)', 'i. kroonlid (fictief)', 'crown'),
  (1, 'J. Adviseur (fictief)', 'j. adviseur (fictief)', 'advisory');
COMMIT;
