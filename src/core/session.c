/* session.c: sessions of a trajectory and their attendance. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "date.h"
#include "db.h"
#include "error.h"
#include "i18n.h"
#include "session.h"
#include "trajectory.h"
#include "utf8.h"
#include "vocab.h"

#define SELECT_SESSION \
    "SELECT s.id, s.trajectory_id, s.ref, f.code, p.code, s.title," \
    " ifnull(s.date, ''), s.location, ifnull(s.participants, -1), s.status," \
    " s.findings, ifnull(s.feedback_date, ''), s.version FROM session s" \
    " JOIN form f ON f.id = s.form_id JOIN phase p ON p.id = s.phase_id"

static const char sql_get[] = SELECT_SESSION " WHERE s.id = ?";
static const char sql_find[] =
    SELECT_SESSION " WHERE s.trajectory_id = ? AND s.ref = ?";
static const char sql_each[] =
    SELECT_SESSION " WHERE s.trajectory_id = ? ORDER BY s.id";
static const char sql_each_date[] = SELECT_SESSION
    " WHERE s.trajectory_id = ? ORDER BY s.date IS NULL, s.date, s.ref";
static const char sql_add[] =
    "INSERT INTO session (trajectory_id, ref, form_id, phase_id, title,"
    " date, location, participants, status, findings, feedback_date)"
    " VALUES (?1, ?2, (SELECT id FROM form WHERE code = ?3),"
    " (SELECT id FROM phase WHERE code = ?4), ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    " RETURNING id";
static const char sql_update[] =
    "UPDATE session SET ref = ?2, form_id = (SELECT id FROM form WHERE code = ?3),"
    " phase_id = (SELECT id FROM phase WHERE code = ?4), title = ?5,"
    " date = ?6, location = ?7, participants = ?8, status = ?9,"
    " findings = ?10, feedback_date = ?11, version = version + 1,"
    " updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
    " WHERE id = ?1 AND version = ?12";
static const char sql_delete[] = "DELETE FROM session WHERE id = ?";
static const char sql_inputs[] =
    "SELECT count(*) FROM input WHERE session_id = ?";
static const char sql_contents[] =
    "SELECT (SELECT count(*) FROM attendance WHERE session_id = ?1),"
    " (SELECT count(*) FROM participant WHERE session_id = ?1)";
static const char sql_form_ok[] = "SELECT count(*) FROM form WHERE code = ?";
static const char sql_phase_ok[] = "SELECT count(*) FROM phase WHERE code = ?";
static const char sql_forms[] =
    "SELECT group_concat(code, ', ') FROM (SELECT code FROM form"
    " ORDER BY position, id)";
static const char sql_phases[] =
    "SELECT group_concat(code, ', ') FROM (SELECT code FROM phase"
    " ORDER BY position, id)";
static const char sql_att_get[] =
    "SELECT role, people FROM attendance"
    " WHERE session_id = ? AND stakeholder_id = ?";
static const char sql_att_set[] =
    "INSERT INTO attendance (session_id, stakeholder_id, role, people)"
    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (session_id, stakeholder_id)"
    " DO UPDATE SET role = excluded.role, people = excluded.people";
static const char sql_att_involve[] =
    "INSERT INTO involvement (trajectory_id, stakeholder_id)"
    " SELECT trajectory_id, ?2 FROM session WHERE id = ?1"
    " ON CONFLICT DO NOTHING";
static const char sql_att_delete[] =
    "DELETE FROM attendance WHERE session_id = ? AND stakeholder_id = ?";
static const char sql_att_names[] =
    "SELECT t.code, s.ref, k.name FROM session s"
    " JOIN trajectory t ON t.id = s.trajectory_id, stakeholder k"
    " WHERE s.id = ?1 AND k.id = ?2";
static const char sql_att_each[] =
    "SELECT a.session_id, a.stakeholder_id, a.role, a.people, s.ref, k.name"
    " FROM session s JOIN attendance a ON a.session_id = s.id"
    " JOIN stakeholder k ON k.id = a.stakeholder_id"
    " WHERE s.trajectory_id = ?1 ORDER BY s.id, a.stakeholder_id";
static const char sql_att_each_one[] =
    "SELECT a.session_id, a.stakeholder_id, a.role, a.people, s.ref, k.name"
    " FROM session s JOIN attendance a ON a.session_id = s.id"
    " JOIN stakeholder k ON k.id = a.stakeholder_id"
    " WHERE s.trajectory_id = ?1 AND s.id = ?2 ORDER BY a.stakeholder_id";

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* ---- checking ------------------------------------------------------- */

/* A catalogue code: ST_INPUT listing the known codes when unknown. */
static int
check_catalogue(struct db *db, const char *code, const char *ok_sql,
    const char *list_sql, const char *field, const char *what)
{
	sqlite3_stmt *st;
	sqlite3_int64 n;
	char list[1024] = "";
	int rc;

	if (code[0] == '\0')
		return err_set_at(field, ST_INPUT, _("a session needs a %s"), what);
	if ((rc = db_query_int(db, ok_sql, &n, "t", code)) != ST_OK)
		return rc;
	if (n > 0)
		return ST_OK;
	if ((st = db_stmt(db, list_sql)) == NULL)
		return err_status();
	if (sqlite3_step(st) == SQLITE_ROW)
		db_column_copy(st, 0, list, sizeof list);
	sqlite3_reset(st);
	return err_set_at(field, ST_INPUT, _("unknown %s '%s': expected one of "
	    "%s"), what, code, list);
}

int
session_check(struct db *db, struct session *s)
{
	int rc;

	if (s->ref == NULL || *str_trim(s->ref) == '\0')
		return err_set_at("ref", ST_INPUT, "%s",
		    _("a session needs a ref"));
	if (strpbrk(s->ref, "\r\n\t") != NULL)
		return err_set_at("ref", ST_INPUT, _("bad ref '%s': a ref is one "
		    "line without tabs"), s->ref);
	if (s->title != NULL)
		str_trim(s->title);
	if (s->location != NULL)
		str_trim(s->location);
	if (s->findings != NULL)
		str_trim(s->findings);
	if (s->participants < -1)
		return err_set_at("participants", ST_INPUT, _("bad number of "
		    "participants %d"), s->participants);
	if ((rc = check_catalogue(db, s->form, sql_form_ok, sql_forms, "form",
	    _("form"))) != ST_OK ||
	    (rc = check_catalogue(db, s->phase, sql_phase_ok, sql_phases,
	    "phase", _("phase"))) != ST_OK ||
	    (rc = vocab_check_field(&vocab_session_status, s->status,
	    sizeof s->status, "planned", "status")) != ST_OK ||
	    (rc = date_check(s->date, "date")) != ST_OK ||
	    (rc = date_check(s->feedback_date, "feedback_date")) != ST_OK)
		return rc;
	return ST_OK;
}

/* ---- reading -------------------------------------------------------- */

void
session_free(struct session *s)
{
	free(s->ref);
	free(s->title);
	free(s->location);
	free(s->findings);
	s->ref = s->title = s->location = s->findings = NULL;
}

/* S from a row of SELECT_SESSION; text points into the statement. */
static void
view(sqlite3_stmt *st, struct session *s)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->trajectory_id = sqlite3_column_int64(st, 1);
	s->ref = (char *)sqlite3_column_text(st, 2);
	db_column_copy(st, 3, s->form, sizeof s->form);
	db_column_copy(st, 4, s->phase, sizeof s->phase);
	s->title = (char *)sqlite3_column_text(st, 5);
	db_column_copy(st, 6, s->date, sizeof s->date);
	s->location = (char *)sqlite3_column_text(st, 7);
	s->participants = sqlite3_column_int(st, 8);
	db_column_copy(st, 9, s->status, sizeof s->status);
	s->findings = (char *)sqlite3_column_text(st, 10);
	db_column_copy(st, 11, s->feedback_date, sizeof s->feedback_date);
	s->version = sqlite3_column_int(st, 12);
}

/* Step a one-row lookup into S; *FOUND says whether there was a row. */
static int
read_one(struct db *db, sqlite3_stmt *st, struct session *s, int *found)
{
	struct session v;
	int rc;

	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		view(st, &v);
		*s = v;
		s->ref = strdup(or_empty(v.ref));
		s->title = strdup(or_empty(v.title));
		s->location = strdup(or_empty(v.location));
		s->findings = strdup(or_empty(v.findings));
		rc = ST_OK;
		if (s->ref == NULL || s->title == NULL || s->location == NULL ||
		    s->findings == NULL) {
			session_free(s);
			rc = err_set(ST_FAIL, "%s", _("out of memory"));
		}
	} else if (rc == SQLITE_DONE)
		rc = ST_OK;
	else
		rc = db_fail(db, rc);
	sqlite3_reset(st);
	return rc;
}

int
session_get(struct db *db, sqlite3_int64 id, struct session *s)
{
	sqlite3_stmt *st = db_stmt(db, sql_get);
	int rc, found;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", id)) != ST_OK ||
	    (rc = read_one(db, st, s, &found)) != ST_OK)
		return rc;
	if (!found)
		return err_set(ST_INPUT, _("no session with id %lld"),
		    (long long)id);
	return ST_OK;
}

static int
lookup(struct db *db, sqlite3_int64 trajectory_id, const char *ref,
    struct session *s, int *found)
{
	sqlite3_stmt *st = db_stmt(db, sql_find);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "It", trajectory_id, ref)) != ST_OK)
		return rc;
	return read_one(db, st, s, found);
}

int
session_find(struct db *db, sqlite3_int64 trajectory_id, const char *ref,
    struct session *s)
{
	char code[33];
	int rc, found;

	if ((rc = lookup(db, trajectory_id, ref, s, &found)) != ST_OK)
		return rc;
	if (found)
		return ST_OK;
	if ((rc = trajectory_code(db, trajectory_id, code)) != ST_OK)
		return rc;
	return err_set_at("session", ST_INPUT, _("no session '%s' in %s"),
	    ref, code);
}

/* ---- writing -------------------------------------------------------- */

/* Bind ?1 to FIRST (the trajectory for sql_add, the session for
 * sql_update) and the fields to ?2 to ?11, as both statements have them. */
static int
bind_fields(struct db *db, sqlite3_stmt *st, sqlite3_int64 first,
    const struct session *s)
{
	int rc;

	if ((rc = db_bind(db, st, "Ittttot", first, s->ref, s->form, s->phase,
	    or_empty(s->title), s->date, or_empty(s->location))) != ST_OK)
		return rc;
	rc = s->participants < 0 ? sqlite3_bind_null(st, 8) :
	    sqlite3_bind_int(st, 8, s->participants);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 9, s->status, -1, SQLITE_TRANSIENT);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 10, or_empty(s->findings), -1,
		    SQLITE_TRANSIENT);
	if (rc == SQLITE_OK)
		rc = db_bind_opt(st, 11, s->feedback_date);
	return rc == SQLITE_OK ? ST_OK : db_fail(db, rc);
}

static int
insert(struct db *db, struct session *s)
{
	sqlite3_stmt *st = db_stmt(db, sql_add);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = bind_fields(db, st, s->trajectory_id, s)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		s->id = sqlite3_column_int64(st, 0);
		s->version = 1;
		rc = ST_OK;
	} else
		rc = db_fail(db, rc);
	sqlite3_reset(st);
	return rc;
}

static int
store(struct db *db, struct session *s)
{
	sqlite3_stmt *st = db_stmt(db, sql_update);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = bind_fields(db, st, s->id, s)) != ST_OK)
		return rc;
	if ((rc = sqlite3_bind_int(st, 12, s->version)) != SQLITE_OK)
		return db_fail(db, rc);
	if ((rc = db_step_done(db, st)) != ST_OK)
		return rc;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return err_set(ST_CONFLICT, _("session '%s' was changed or deleted "
		    "by someone else; reload it and try again"), s->ref);
	s->version++;
	return ST_OK;
}

static int
ref_taken(struct db *db, const struct session *s)
{
	struct session other;
	char code[33];
	int rc, found;

	if ((rc = lookup(db, s->trajectory_id, s->ref, &other, &found)) != ST_OK)
		return rc;
	if (!found)
		return ST_OK;
	found = other.id != s->id;
	session_free(&other);
	if (!found)
		return ST_OK;
	if ((rc = trajectory_code(db, s->trajectory_id, code)) != ST_OK)
		return rc;
	return err_set_at("ref", ST_INPUT, _("%s already has a session '%s'"),
	    code, s->ref);
}

static int
add(struct db *db, struct session *s)
{
	char code[33];
	int rc;

	s->id = 0;
	if ((rc = session_check(db, s)) != ST_OK ||
	    (rc = trajectory_code(db, s->trajectory_id, code)) != ST_OK ||
	    (rc = ref_taken(db, s)) != ST_OK ||
	    (rc = insert(db, s)) != ST_OK)
		return rc;
	return changelog_add(db, code, "session.add", s->ref, "%s, %s, %s",
	    s->form, s->phase, s->status);
}

int
session_add(struct db *db, struct session *s)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = add(db, s)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static void
diff(struct changelog_diff *d, const struct session *a,
    const struct session *b)
{
	changelog_diff_init(d);
	changelog_diff_text(d, "ref", a->ref, b->ref);
	changelog_diff_text(d, "form", a->form, b->form);
	changelog_diff_text(d, "phase", a->phase, b->phase);
	changelog_diff_text(d, "title", a->title, b->title);
	changelog_diff_text(d, "date", a->date, b->date);
	changelog_diff_text(d, "location", a->location, b->location);
	changelog_diff_int(d, "participants", a->participants, b->participants);
	changelog_diff_text(d, "status", a->status, b->status);
	changelog_diff_text(d, "findings", a->findings, b->findings);
	changelog_diff_text(d, "feedback_date", a->feedback_date,
	    b->feedback_date);
}

static int
update(struct db *db, struct session *s)
{
	struct session old;
	struct changelog_diff d;
	char code[33];
	int rc;

	if ((rc = session_check(db, s)) != ST_OK)
		return rc;
	if (session_get(db, s->id, &old) != ST_OK)
		return err_set(ST_CONFLICT, _("session '%s' was deleted by "
		    "someone else"), s->ref);
	s->trajectory_id = old.trajectory_id;
	diff(&d, &old, s);
	session_free(&old);
	if ((rc = trajectory_code(db, s->trajectory_id, code)) != ST_OK ||
	    (rc = ref_taken(db, s)) != ST_OK ||
	    (rc = store(db, s)) != ST_OK)
		return rc;
	return changelog_add(db, code, "session.update", s->ref, "%s",
	    changelog_diff_str(&d));
}

int
session_update(struct db *db, struct session *s)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = update(db, s)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
delete(struct db *db, sqlite3_int64 id)
{
	struct session s;
	sqlite3_stmt *st;
	sqlite3_int64 inputs;
	char code[33];
	int rc, attended = 0, profiles = 0;

	if ((rc = session_get(db, id, &s)) != ST_OK)
		return rc;
	if ((rc = trajectory_code(db, s.trajectory_id, code)) != ST_OK ||
	    (rc = db_query_int(db, sql_inputs, &inputs, "I", id)) != ST_OK)
		goto done;
	if (inputs > 0) {
		rc = err_set(ST_INPUT, _("session %s has %lld inputs; delete or "
		    "move them first"), s.ref, (long long)inputs);
		goto done;
	}
	if ((st = db_stmt(db, sql_contents)) == NULL) {
		rc = err_status();
		goto done;
	}
	if ((rc = db_bind(db, st, "I", id)) != ST_OK)
		goto done;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		attended = sqlite3_column_int(st, 0);
		profiles = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		rc = db_fail(db, rc);
		goto done;
	}
	/* Attendance and profiles go with it (ON DELETE CASCADE). */
	if ((st = db_stmt(db, sql_delete)) == NULL)
		rc = err_status();
	else if ((rc = db_bind(db, st, "I", id)) == ST_OK &&
	    (rc = db_step_done(db, st)) == ST_OK)
		rc = changelog_add(db, code, "session.delete", s.ref, "%s; with "
		    "%d attendance records and %d participant profiles",
		    or_empty(s.title), attended, profiles);
done:
	session_free(&s);
	return rc;
}

int
session_delete(struct db *db, sqlite3_int64 id)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = delete(db, id)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

/* ---- merging (import) ----------------------------------------------- */

static int
same(const struct session *a, const struct session *b)
{
	return strcmp(a->form, b->form) == 0 &&
	    strcmp(a->phase, b->phase) == 0 &&
	    strcmp(or_empty(a->title), or_empty(b->title)) == 0 &&
	    strcmp(a->date, b->date) == 0 &&
	    strcmp(or_empty(a->location), or_empty(b->location)) == 0 &&
	    a->participants == b->participants &&
	    strcmp(a->status, b->status) == 0 &&
	    strcmp(or_empty(a->findings), or_empty(b->findings)) == 0 &&
	    strcmp(a->feedback_date, b->feedback_date) == 0;
}

static void
overlay(struct session *e, const struct session *s, unsigned mask)
{
	memcpy(e->form, s->form, sizeof e->form);
	memcpy(e->phase, s->phase, sizeof e->phase);
	if (mask & SES_TITLE)
		e->title = s->title;
	if (mask & SES_DATE)
		memcpy(e->date, s->date, sizeof e->date);
	if (mask & SES_LOCATION)
		e->location = s->location;
	if (mask & SES_PARTICIPANTS)
		e->participants = s->participants;
	if (mask & SES_STATUS)
		memcpy(e->status, s->status, sizeof e->status);
	if (mask & SES_FINDINGS)
		e->findings = s->findings;
	if (mask & SES_FEEDBACK_DATE)
		memcpy(e->feedback_date, s->feedback_date,
		    sizeof e->feedback_date);
}

int
session_merge(struct db *db, struct session *s, unsigned mask,
    enum merge_outcome *out)
{
	struct session e, m;
	int rc, found;

	if ((rc = session_check(db, s)) != ST_OK ||
	    (rc = lookup(db, s->trajectory_id, s->ref, &e, &found)) != ST_OK)
		return rc;
	if (!found) {
		*out = MERGE_ADDED;
		return insert(db, s);
	}
	m = e;
	overlay(&m, s, mask);
	*out = MERGE_UNCHANGED;
	if ((rc = session_check(db, &m)) == ST_OK && !same(&m, &e)) {
		*out = MERGE_CHANGED;
		rc = store(db, &m);
	}
	s->id = e.id;
	session_free(&e);
	return rc;
}

/* ---- listing -------------------------------------------------------- */

int
session_each(struct db *db, sqlite3_int64 trajectory_id, int by_date,
    session_fn fn, void *arg)
{
	sqlite3_stmt *st = db_stmt(db, by_date ? sql_each_date : sql_each);
	struct session s;
	int rc, stop = 0;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", trajectory_id)) != ST_OK)
		return rc;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		view(st, &s);
		stop = fn(&s, arg);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}

/* ---- attendance ----------------------------------------------------- */

static int
att_check(struct attendance *a)
{
	if (a->people == 0)
		a->people = 1;
	if (a->people < 1)
		return err_set_at("people", ST_INPUT, _("bad number of people %d: "
		    "expected 1 or more"), a->people);
	return vocab_check_field(&vocab_role, a->role, sizeof a->role,
	    "participant", "role");
}

/* The stored role and people of an attendance; *FOUND 0 if none. */
static int
att_get(struct db *db, const struct attendance *a, struct attendance *e,
    int *found)
{
	sqlite3_stmt *st = db_stmt(db, sql_att_get);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "II", a->session_id, a->stakeholder_id)))
		return rc;
	*e = *a;
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, e->role, sizeof e->role);
		e->people = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}

static int
att_store(struct db *db, const struct attendance *a)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_stmt(db, sql_att_involve)) == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "II", a->session_id, a->stakeholder_id)) ||
	    (rc = db_step_done(db, st)))
		return rc;
	if ((st = db_stmt(db, sql_att_set)) == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "IIti", a->session_id, a->stakeholder_id,
	    a->role, a->people)) != ST_OK)
		return rc;
	return db_step_done(db, st);
}

/* Trajectory code, session ref and stakeholder name, for messages. */
static int
att_names(struct db *db, const struct attendance *a, char *code, char *ref,
    size_t refsize, char *name, size_t namesize)
{
	sqlite3_stmt *st = db_stmt(db, sql_att_names);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "II", a->session_id, a->stakeholder_id)))
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, code, 33);
		db_column_copy(st, 1, ref, refsize);
		db_column_copy(st, 2, name, namesize);
		rc = ST_OK;
	} else if (rc == SQLITE_DONE)
		rc = err_set(ST_INPUT, "%s", _("no such session or stakeholder"));
	else
		rc = db_fail(db, rc);
	sqlite3_reset(st);
	return rc;
}

static int
attend(struct db *db, struct attendance *a)
{
	struct attendance e;
	char code[33], ref[128], name[256], subject[400];
	int rc, found;

	if ((rc = att_check(a)) != ST_OK ||
	    (rc = att_names(db, a, code, ref, sizeof ref, name,
	    sizeof name)) != ST_OK ||
	    (rc = att_get(db, a, &e, &found)) != ST_OK ||
	    (rc = att_store(db, a)) != ST_OK)
		return rc;
	snprintf(subject, sizeof subject, "%s: %s", ref, name);
	if (!found)
		return changelog_add(db, code, "attendance.add", subject,
		    "%s, %d", a->role, a->people);
	return changelog_add(db, code, "attendance.update", subject,
	    "%s, %d -> %s, %d", e.role, e.people, a->role, a->people);
}

int
session_attend(struct db *db, struct attendance *a)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = attend(db, a)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
att_remove(struct db *db, const struct attendance *a)
{
	struct attendance e;
	sqlite3_stmt *st;
	char code[33], ref[128], name[256], subject[400];
	int rc, found;

	if ((rc = att_names(db, a, code, ref, sizeof ref, name,
	    sizeof name)) != ST_OK ||
	    (rc = att_get(db, a, &e, &found)) != ST_OK)
		return rc;
	if (!found)
		return err_set(ST_INPUT, _("'%s' did not attend session %s"),
		    name, ref);
	if ((st = db_stmt(db, sql_att_delete)) == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "II", a->session_id, a->stakeholder_id)) ||
	    (rc = db_step_done(db, st)))
		return rc;
	snprintf(subject, sizeof subject, "%s: %s", ref, name);
	return changelog_add(db, code, "attendance.delete", subject, "%s, %d",
	    e.role, e.people);
}

int
session_attendance_remove(struct db *db, sqlite3_int64 session_id,
    sqlite3_int64 stakeholder_id)
{
	struct attendance a = { 0 };
	int rc;

	a.session_id = session_id;
	a.stakeholder_id = stakeholder_id;
	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = att_remove(db, &a)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int
session_attendance_merge(struct db *db, struct attendance *a, unsigned mask,
    enum merge_outcome *out)
{
	struct attendance e, m;
	int rc, found;

	if ((rc = att_check(a)) != ST_OK ||
	    (rc = att_get(db, a, &e, &found)) != ST_OK)
		return rc;
	if (!found) {
		*out = MERGE_ADDED;
		m = *a;
		if (!(mask & ATT_ROLE))
			strcpy(m.role, "participant");
		if (!(mask & ATT_PEOPLE))
			m.people = 1;
		return att_store(db, &m);
	}
	m = e;
	if (mask & ATT_ROLE)
		memcpy(m.role, a->role, sizeof m.role);
	if (mask & ATT_PEOPLE)
		m.people = a->people;
	*out = MERGE_UNCHANGED;
	if (strcmp(m.role, e.role) == 0 && m.people == e.people)
		return ST_OK;
	*out = MERGE_CHANGED;
	return att_store(db, &m);
}

int
session_attendance_each(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 session_id, attendance_fn fn, void *arg)
{
	sqlite3_stmt *st = db_stmt(db, session_id != 0 ? sql_att_each_one :
	    sql_att_each);
	struct attendance a;
	int rc, stop = 0;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, session_id != 0 ? "II" : "I", trajectory_id,
	    session_id)) != ST_OK)
		return rc;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&a, 0, sizeof a);
		a.session_id = sqlite3_column_int64(st, 0);
		a.stakeholder_id = sqlite3_column_int64(st, 1);
		db_column_copy(st, 2, a.role, sizeof a.role);
		a.people = sqlite3_column_int(st, 3);
		a.session_ref = (const char *)sqlite3_column_text(st, 4);
		a.stakeholder = (const char *)sqlite3_column_text(st, 5);
		stop = fn(&a, arg);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}
