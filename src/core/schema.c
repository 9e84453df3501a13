/* schema.c: the schema as ordered migrations. A migration, once
 * released, is never edited: change the schema by appending one. The
 * vocabularies of CONTRACT.md are CHECK constraints so that a file
 * edited with the sqlite3 shell cannot hold a code meerstem does not
 * know; the catalogue (phases, forms) is data, since users extend it. */
#include "config.h"

#include "schema.h"

#define NOW "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
#define ISO_DATE(c) "(" c " IS NULL OR (" c " GLOB " \
	"'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(" c ") = " c "))"
#define VOICES "('vulnerable', 'critical', 'silent_majority', " \
	"'silent_middle', 'established', 'unknown')"
#define DELEGATIONS "('employers', 'employees', 'crown', 'advisory', 'none')"
#define DEGREE "('low', 'medium', 'high')"

static const char v1[] =
"CREATE TABLE phase (\n"
"  id INTEGER PRIMARY KEY,\n"
"  code TEXT NOT NULL UNIQUE,\n"
"  position INTEGER NOT NULL,\n"
"  name_nl TEXT NOT NULL,\n"
"  name_en TEXT NOT NULL,\n"
"  description TEXT NOT NULL DEFAULT ''\n"
");\n"
"CREATE TABLE form (\n"
"  id INTEGER PRIMARY KEY,\n"
"  code TEXT NOT NULL UNIQUE,\n"
"  position INTEGER NOT NULL,\n"
"  name_nl TEXT NOT NULL,\n"
"  name_en TEXT NOT NULL,\n"
"  level TEXT NOT NULL CHECK (level IN ('inform', 'advise', 'codecide', 'decide')),\n"
"  representative TEXT NOT NULL CHECK (representative IN ('yes', 'partly', 'no')),\n"
"  commitment TEXT NOT NULL CHECK (commitment IN " DEGREE "),\n"
"  effort TEXT NOT NULL CHECK (effort IN " DEGREE "),\n"
"  cost TEXT NOT NULL CHECK (cost IN " DEGREE "),\n"
"  purpose TEXT NOT NULL DEFAULT '',\n"
"  pros TEXT NOT NULL DEFAULT '',\n"
"  cons TEXT NOT NULL DEFAULT ''\n"
");\n"
/* Which voices a form reaches well or badly; absent means neither. */
"CREATE TABLE form_reach (\n"
"  form_id INTEGER NOT NULL REFERENCES form(id) ON DELETE CASCADE,\n"
"  voice TEXT NOT NULL CHECK (voice IN " VOICES "),\n"
"  reach TEXT NOT NULL CHECK (reach IN ('good', 'bad')),\n"
"  PRIMARY KEY (form_id, voice)\n"
") WITHOUT ROWID;\n"
/* The phases in which a form can still be organised. */
"CREATE TABLE form_phase (\n"
"  form_id INTEGER NOT NULL REFERENCES form(id) ON DELETE CASCADE,\n"
"  phase_id INTEGER NOT NULL REFERENCES phase(id) ON DELETE CASCADE,\n"
"  PRIMARY KEY (form_id, phase_id)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE trajectory (\n"
"  id INTEGER PRIMARY KEY,\n"
"  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32\n"
"    AND code NOT GLOB '*[^A-Za-z0-9._-]*'),\n"
"  title TEXT NOT NULL CHECK (length(title) > 0),\n"
"  question TEXT NOT NULL DEFAULT '',\n"
"  commission TEXT NOT NULL DEFAULT '',\n"
"  requester TEXT NOT NULL DEFAULT '',\n"
"  phase_id INTEGER NOT NULL REFERENCES phase(id),\n"
"  start_date TEXT CHECK " ISO_DATE("start_date") ",\n"
"  due_date TEXT CHECK " ISO_DATE("due_date") ",\n"
"  status TEXT NOT NULL DEFAULT 'active'\n"
"    CHECK (status IN ('active', 'adopted', 'closed')),\n"
"  version INTEGER NOT NULL DEFAULT 1,\n"
"  created TEXT NOT NULL DEFAULT " NOW ",\n"
"  updated TEXT NOT NULL DEFAULT " NOW "\n"
");\n"
/* The shared register, kept across trajectories. name_key is the name
 * trimmed and case-folded by the core, so matching is Unicode-aware
 * without a collation the sqlite3 shell would not know. */
"CREATE TABLE stakeholder (\n"
"  id INTEGER PRIMARY KEY,\n"
"  name TEXT NOT NULL CHECK (length(name) > 0),\n"
"  name_key TEXT NOT NULL UNIQUE,\n"
"  kind TEXT NOT NULL DEFAULT 'group'\n"
"    CHECK (kind IN ('organisation', 'group', 'person')),\n"
"  category TEXT NOT NULL DEFAULT '',\n"
"  voice TEXT NOT NULL DEFAULT 'unknown' CHECK (voice IN " VOICES "),\n"
"  contact TEXT NOT NULL DEFAULT '',\n"
"  version INTEGER NOT NULL DEFAULT 1,\n"
"  created TEXT NOT NULL DEFAULT " NOW ",\n"
"  updated TEXT NOT NULL DEFAULT " NOW "\n"
");\n"
"CREATE INDEX stakeholder_voice ON stakeholder(voice, name_key);\n"
"CREATE INDEX stakeholder_category ON stakeholder(category, name_key);\n"
/* first_heard is derived (the earliest phase of a held session the
 * stakeholder spoke in) and kept by the triggers below, so that lists
 * of a million rows can filter and sort on it through an index. */
"CREATE TABLE involvement (\n"
"  trajectory_id INTEGER NOT NULL REFERENCES trajectory(id) ON DELETE CASCADE,\n"
"  stakeholder_id INTEGER NOT NULL REFERENCES stakeholder(id),\n"
"  impact INTEGER NOT NULL DEFAULT 0 CHECK (impact BETWEEN 0 AND 3),\n"
"  influence INTEGER NOT NULL DEFAULT 0 CHECK (influence BETWEEN 0 AND 3),\n"
"  represented_by TEXT NOT NULL DEFAULT 'none'\n"
"    CHECK (represented_by IN " DELEGATIONS "),\n"
"  reason TEXT NOT NULL DEFAULT '',\n"
"  first_heard INTEGER REFERENCES phase(id),\n"
"  version INTEGER NOT NULL DEFAULT 1,\n"
"  PRIMARY KEY (trajectory_id, stakeholder_id)\n"
") WITHOUT ROWID;\n"
"CREATE INDEX involvement_stakeholder ON involvement(stakeholder_id);\n"
"CREATE INDEX involvement_impact ON involvement(trajectory_id, impact);\n"
"CREATE INDEX involvement_heard ON involvement(trajectory_id, first_heard);\n"
"CREATE TABLE session (\n"
"  id INTEGER PRIMARY KEY,\n"
"  trajectory_id INTEGER NOT NULL REFERENCES trajectory(id) ON DELETE CASCADE,\n"
"  ref TEXT NOT NULL CHECK (length(ref) > 0),\n"
"  form_id INTEGER NOT NULL REFERENCES form(id),\n"
"  phase_id INTEGER NOT NULL REFERENCES phase(id),\n"
"  title TEXT NOT NULL DEFAULT '',\n"
"  date TEXT CHECK " ISO_DATE("date") ",\n"
"  location TEXT NOT NULL DEFAULT '',\n"
"  participants INTEGER CHECK (participants >= 0),\n"
"  status TEXT NOT NULL DEFAULT 'planned'\n"
"    CHECK (status IN ('planned', 'held', 'cancelled')),\n"
"  findings TEXT NOT NULL DEFAULT '',\n"
"  feedback_date TEXT CHECK " ISO_DATE("feedback_date") ",\n"
"  version INTEGER NOT NULL DEFAULT 1,\n"
"  created TEXT NOT NULL DEFAULT " NOW ",\n"
"  updated TEXT NOT NULL DEFAULT " NOW ",\n"
"  UNIQUE (trajectory_id, ref),\n"
"  UNIQUE (trajectory_id, id)\n"
");\n"
"CREATE INDEX session_date ON session(trajectory_id, date);\n"
"CREATE INDEX session_form ON session(form_id);\n"
"CREATE INDEX session_phase ON session(phase_id);\n"
"CREATE TABLE attendance (\n"
"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,\n"
"  stakeholder_id INTEGER NOT NULL REFERENCES stakeholder(id),\n"
"  role TEXT NOT NULL DEFAULT 'participant'\n"
"    CHECK (role IN ('participant', 'speaker', 'listener')),\n"
"  people INTEGER NOT NULL DEFAULT 1 CHECK (people >= 1),\n"
"  PRIMARY KEY (session_id, stakeholder_id)\n"
") WITHOUT ROWID;\n"
"CREATE INDEX attendance_stakeholder ON attendance(stakeholder_id);\n"
/* Profiles are interned: a dimension (age_band) has categories
 * (18-34), and a profile is the packed ids of its categories, one
 * row per participant. DESIGN.md measured this shape fastest. */
"CREATE TABLE dimension (\n"
"  id INTEGER PRIMARY KEY,\n"
"  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64)\n"
");\n"
"CREATE TABLE category (\n"
"  id INTEGER PRIMARY KEY,\n"
"  dimension_id INTEGER NOT NULL REFERENCES dimension(id),\n"
"  name TEXT NOT NULL CHECK (length(name) > 0),\n"
"  UNIQUE (dimension_id, name)\n"
");\n"
/* profile: category ids as 32-bit little-endian integers. */
"CREATE TABLE participant (\n"
"  session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,\n"
"  seq INTEGER NOT NULL,\n"
"  profile BLOB NOT NULL CHECK (length(profile) % 4 = 0),\n"
"  PRIMARY KEY (session_id, seq)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE benchmark (\n"
"  trajectory_id INTEGER NOT NULL REFERENCES trajectory(id) ON DELETE CASCADE,\n"
"  category_id INTEGER NOT NULL REFERENCES category(id),\n"
"  share REAL NOT NULL CHECK (share >= 0 AND share <= 1),\n"
"  PRIMARY KEY (trajectory_id, category_id)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE member (\n"
"  id INTEGER PRIMARY KEY,\n"
"  trajectory_id INTEGER NOT NULL REFERENCES trajectory(id) ON DELETE CASCADE,\n"
"  name TEXT NOT NULL CHECK (length(name) > 0),\n"
"  name_key TEXT NOT NULL,\n"
"  delegation TEXT NOT NULL CHECK (delegation IN " DELEGATIONS "),\n"
"  version INTEGER NOT NULL DEFAULT 1,\n"
"  UNIQUE (trajectory_id, name_key)\n"
");\n"
/* An input belongs to a session of its own trajectory: the composite
 * key makes that a constraint, not a hope. */
"CREATE TABLE input (\n"
"  id INTEGER PRIMARY KEY,\n"
"  trajectory_id INTEGER NOT NULL REFERENCES trajectory(id) ON DELETE CASCADE,\n"
"  session_id INTEGER NOT NULL,\n"
"  summary TEXT NOT NULL CHECK (length(summary) > 0),\n"
"  disposition TEXT NOT NULL DEFAULT 'open'\n"
"    CHECK (disposition IN ('open', 'adopted', 'partly', 'rejected')),\n"
"  reason TEXT NOT NULL DEFAULT '',\n"
"  reported_date TEXT CHECK " ISO_DATE("reported_date") ",\n"
"  version INTEGER NOT NULL DEFAULT 1,\n"
"  created TEXT NOT NULL DEFAULT " NOW ",\n"
"  updated TEXT NOT NULL DEFAULT " NOW ",\n"
"  UNIQUE (trajectory_id, summary),\n"
"  FOREIGN KEY (trajectory_id, session_id) REFERENCES session(trajectory_id, id)\n"
");\n"
"CREATE INDEX input_session ON input(session_id);\n"
/* Who changed what, when. trajectory is a code, not a key, so the
 * record outlives a deleted trajectory. */
"CREATE TABLE change_log (\n"
"  id INTEGER PRIMARY KEY,\n"
"  at TEXT NOT NULL DEFAULT " NOW ",\n"
"  who TEXT NOT NULL,\n"
"  trajectory TEXT,\n"
"  action TEXT NOT NULL,\n"
"  subject TEXT NOT NULL DEFAULT '',\n"
"  detail TEXT NOT NULL DEFAULT ''\n"
");\n"
"CREATE INDEX change_log_trajectory ON change_log(trajectory, id);\n"
/* One row per time a stakeholder spoke (not only listened) in a held
 * session, with the phase's position for ordering. */
"CREATE VIEW hearing AS\n"
"  SELECT s.trajectory_id, a.stakeholder_id, s.id AS session_id,\n"
"         s.form_id, s.phase_id, p.position AS phase_position\n"
"  FROM attendance a\n"
"  JOIN session s ON s.id = a.session_id\n"
"  JOIN phase p ON p.id = s.phase_id\n"
"  WHERE s.status = 'held' AND a.role <> 'listener';\n"
#define FIRST_HEARD(t, s) \
	"(SELECT phase_id FROM hearing h WHERE h.trajectory_id = " t \
	" AND h.stakeholder_id = " s " ORDER BY phase_position LIMIT 1)"
"CREATE TRIGGER involvement_heard_new AFTER INSERT ON involvement BEGIN\n"
"  UPDATE involvement SET first_heard = " FIRST_HEARD("NEW.trajectory_id", "NEW.stakeholder_id") "\n"
"  WHERE trajectory_id = NEW.trajectory_id AND stakeholder_id = NEW.stakeholder_id;\n"
"END;\n"
/* Attendance changes recompute every involvement of the stakeholder:
 * after a cascaded delete the session row is gone, so its trajectory
 * cannot be looked up, and a stakeholder is in few trajectories. */
#define RECOMPUTE(who) \
	"  UPDATE involvement SET first_heard = " \
	FIRST_HEARD("involvement.trajectory_id", "involvement.stakeholder_id") \
	"\n  WHERE stakeholder_id = " who ";\n"
"CREATE TRIGGER attendance_heard_insert AFTER INSERT ON attendance BEGIN\n"
RECOMPUTE("NEW.stakeholder_id")
"END;\n"
"CREATE TRIGGER attendance_heard_delete AFTER DELETE ON attendance BEGIN\n"
RECOMPUTE("OLD.stakeholder_id")
"END;\n"
"CREATE TRIGGER attendance_heard_update AFTER UPDATE ON attendance BEGIN\n"
RECOMPUTE("OLD.stakeholder_id")
RECOMPUTE("NEW.stakeholder_id")
"END;\n"
"CREATE TRIGGER session_heard AFTER UPDATE OF status, phase_id ON session BEGIN\n"
"  UPDATE involvement SET first_heard = " FIRST_HEARD("involvement.trajectory_id", "involvement.stakeholder_id") "\n"
"  WHERE trajectory_id = NEW.trajectory_id\n"
"    AND stakeholder_id IN (SELECT stakeholder_id FROM attendance WHERE session_id = NEW.id);\n"
"END;\n";

/* v2: indexes that let the interface page through every sort of its
 * lists by keyset (WHERE key > ? ORDER BY key LIMIT n) without sorting:
 * involvement by influence and delegation (impact and first_heard have
 * theirs), the session log newest first with undated sessions last, and
 * inputs with the unanswered ones first. */
static const char v2[] =
"CREATE INDEX involvement_influence ON involvement(trajectory_id, influence);\n"
"CREATE INDEX involvement_delegation ON involvement(trajectory_id, represented_by);\n"
"CREATE INDEX session_log ON session(trajectory_id, ifnull(date, ''));\n"
"CREATE INDEX input_answered ON input(trajectory_id,\n"
"  (disposition <> 'open' AND reported_date IS NOT NULL), session_id);\n";

/* v3: speed of row-by-row writes (imports). SQLite (3.40) evaluates a
 * CHECK (x IN ('a', 'b', 'c')) by building a temporary index of the
 * list for every row written; the same test spelt with OR costs a few
 * comparisons. The constraints are the same, so existing rows still
 * hold and the tables' rows on disk do not change: SQLite's documented
 * way for such a change is to edit the stored CREATE TABLE text
 * (lang_altertable.html, "other kinds of table schema changes"); the
 * trigger changes below bump the schema cookie so that other
 * connections reload it. The tables only the catalogue writes keep
 * their IN lists. The trigger on new involvement skips its lookup (and
 * its rewrite of the row) when the stakeholder never attended a
 * session, as for everyone new to the register. */
#define Q(v) "''" v "''"
#define SWAP(table, from, to) \
	"UPDATE sqlite_schema SET sql = replace(sql, '" from "', '" to "')" \
	" WHERE type = 'table' AND name = '" table "';\n"
static const char v3[] =
"PRAGMA writable_schema = ON;\n"
SWAP("stakeholder",
    "kind IN (" Q("organisation") ", " Q("group") ", " Q("person") ")",
    "kind = " Q("organisation") " OR kind = " Q("group") " OR kind = "
    Q("person"))
SWAP("stakeholder",
    "voice IN (" Q("vulnerable") ", " Q("critical") ", "
    Q("silent_majority") ", " Q("silent_middle") ", " Q("established") ", "
    Q("unknown") ")",
    "voice = " Q("vulnerable") " OR voice = " Q("critical") " OR voice = "
    Q("silent_majority") " OR voice = " Q("silent_middle") " OR voice = "
    Q("established") " OR voice = " Q("unknown"))
SWAP("involvement",
    "represented_by IN (" Q("employers") ", " Q("employees") ", "
    Q("crown") ", " Q("advisory") ", " Q("none") ")",
    "represented_by = " Q("employers") " OR represented_by = "
    Q("employees") " OR represented_by = " Q("crown")
    " OR represented_by = " Q("advisory") " OR represented_by = "
    Q("none"))
SWAP("session",
    "status IN (" Q("planned") ", " Q("held") ", " Q("cancelled") ")",
    "status = " Q("planned") " OR status = " Q("held") " OR status = "
    Q("cancelled"))
SWAP("attendance",
    "role IN (" Q("participant") ", " Q("speaker") ", " Q("listener") ")",
    "role = " Q("participant") " OR role = " Q("speaker") " OR role = "
    Q("listener"))
SWAP("member",
    "delegation IN (" Q("employers") ", " Q("employees") ", " Q("crown")
    ", " Q("advisory") ", " Q("none") ")",
    "delegation = " Q("employers") " OR delegation = " Q("employees")
    " OR delegation = " Q("crown") " OR delegation = " Q("advisory")
    " OR delegation = " Q("none"))
SWAP("input",
    "disposition IN (" Q("open") ", " Q("adopted") ", " Q("partly") ", "
    Q("rejected") ")",
    "disposition = " Q("open") " OR disposition = " Q("adopted")
    " OR disposition = " Q("partly") " OR disposition = " Q("rejected"))
"PRAGMA writable_schema = RESET;\n"
"DROP TRIGGER involvement_heard_new;\n"
"CREATE TRIGGER involvement_heard_new AFTER INSERT ON involvement\n"
"  WHEN NEW.first_heard IS NOT NULL OR EXISTS (SELECT 1 FROM attendance\n"
"    WHERE stakeholder_id = NEW.stakeholder_id) BEGIN\n"
"  UPDATE involvement SET first_heard = " FIRST_HEARD("NEW.trajectory_id", "NEW.stakeholder_id") "\n"
"  WHERE trajectory_id = NEW.trajectory_id AND stakeholder_id = NEW.stakeholder_id;\n"
"END;\n";

const char *const schema_migrations[] = {
	v1,
	v2,
	v3,
};

const int schema_version = sizeof schema_migrations / sizeof schema_migrations[0];
