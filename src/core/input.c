/* input.c: input items that came out of sessions, and their disposition. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "date.h"
#include "db.h"
#include "error.h"
#include "i18n.h"
#include "input.h"
#include "trajectory.h"
#include "utf8.h"
#include "vocab.h"

#define SELECT_INPUT \
    "SELECT i.id, i.trajectory_id, i.session_id, s.ref, i.summary," \
    " i.disposition, i.reason, ifnull(i.reported_date, ''), i.version" \
    " FROM input i JOIN session s ON s.id = i.session_id"

static const char sql_get[] = SELECT_INPUT " WHERE i.id = ?";
static const char sql_find[] =
    SELECT_INPUT " WHERE i.trajectory_id = ? AND i.summary = ?";
static const char sql_each[] =
    SELECT_INPUT " WHERE i.trajectory_id = ?1 ORDER BY i.id";
static const char sql_each_one[] =
    SELECT_INPUT " WHERE i.trajectory_id = ?1 AND i.session_id = ?2"
    " ORDER BY i.id";
static const char sql_session_ok[] =
    "SELECT count(*) FROM session WHERE id = ? AND trajectory_id = ?";
static const char sql_add[] =
    "INSERT INTO input (trajectory_id, session_id, summary, disposition,"
    " reason, reported_date) VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
static const char sql_update[] =
    "UPDATE input SET session_id = ?3, summary = ?4, disposition = ?5,"
    " reason = ?6, reported_date = ?7, version = version + 1,"
    " updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
    " WHERE id = ?1 AND version = ?2";
static const char sql_delete[] = "DELETE FROM input WHERE id = ?";

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

int
input_check(struct db *db, struct input *in)
{
	sqlite3_int64 ok;
	int rc;

	if (in->summary == NULL || *str_trim(in->summary) == '\0')
		return err_set_at("summary", ST_INPUT, "%s",
		    _("an input needs a summary"));
	if (in->reason != NULL)
		str_trim(in->reason);
	if ((rc = vocab_check_field(&vocab_disposition, in->disposition,
	    sizeof in->disposition, "open", "disposition")) != ST_OK ||
	    (rc = date_check(in->reported_date, "reported_date")) != ST_OK)
		return rc;
	if (strcmp(in->disposition, "rejected") == 0 &&
	    (in->reason == NULL || in->reason[0] == '\0'))
		return err_set_at("reason", ST_INPUT, "%s", _("a rejected input "
		    "needs a reason: participants are owed one"));
	if ((rc = db_query_int(db, sql_session_ok, &ok, "II", in->session_id,
	    in->trajectory_id)) != ST_OK)
		return rc;
	if (!ok)
		return err_set_at("session", ST_INPUT, "%s", _("an input needs a "
		    "session of its own trajectory"));
	return ST_OK;
}

void
input_free(struct input *in)
{
	free(in->session_ref);
	free(in->summary);
	free(in->reason);
	in->session_ref = in->summary = in->reason = NULL;
}

static void
view(sqlite3_stmt *st, struct input *in)
{
	memset(in, 0, sizeof *in);
	in->id = sqlite3_column_int64(st, 0);
	in->trajectory_id = sqlite3_column_int64(st, 1);
	in->session_id = sqlite3_column_int64(st, 2);
	in->session_ref = (char *)sqlite3_column_text(st, 3);
	in->summary = (char *)sqlite3_column_text(st, 4);
	db_column_copy(st, 5, in->disposition, sizeof in->disposition);
	in->reason = (char *)sqlite3_column_text(st, 6);
	db_column_copy(st, 7, in->reported_date, sizeof in->reported_date);
	in->version = sqlite3_column_int(st, 8);
}

static int
read_one(struct db *db, sqlite3_stmt *st, struct input *in, int *found)
{
	struct input v;
	int rc = sqlite3_step(st);

	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		view(st, &v);
		*in = v;
		in->session_ref = strdup(or_empty(v.session_ref));
		in->summary = strdup(or_empty(v.summary));
		in->reason = strdup(or_empty(v.reason));
		rc = ST_OK;
		if (in->session_ref == NULL || in->summary == NULL ||
		    in->reason == NULL) {
			input_free(in);
			rc = err_set(ST_FAIL, "%s", _("out of memory"));
		}
	} else
		rc = rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
	sqlite3_reset(st);
	return rc;
}

int
input_get(struct db *db, sqlite3_int64 id, struct input *in)
{
	sqlite3_stmt *st = db_stmt(db, sql_get);
	int rc, found;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", id)) != ST_OK ||
	    (rc = read_one(db, st, in, &found)) != ST_OK)
		return rc;
	return found ? ST_OK : err_set(ST_INPUT, _("no input with id %lld"),
	    (long long)id);
}

static int
lookup(struct db *db, sqlite3_int64 trajectory_id, const char *summary,
    struct input *in, int *found)
{
	sqlite3_stmt *st = db_stmt(db, sql_find);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "It", trajectory_id, summary)) != ST_OK)
		return rc;
	return read_one(db, st, in, found);
}

int
input_find(struct db *db, sqlite3_int64 trajectory_id, const char *summary,
    struct input *in)
{
	char *key = strdup(summary), code[33];
	int rc, found = 0;

	if (key == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	if ((rc = lookup(db, trajectory_id, str_trim(key), in, &found)) ==
	    ST_OK && !found && (rc = trajectory_code(db, trajectory_id,
	    code)) == ST_OK)
		rc = err_set_at("summary", ST_INPUT, _("no input '%s' in %s"),
		    key, code);
	free(key);
	return rc;
}

static int
insert(struct db *db, struct input *in)
{
	sqlite3_stmt *st = db_stmt(db, sql_add);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "IIttto", in->trajectory_id, in->session_id,
	    in->summary, in->disposition, or_empty(in->reason),
	    in->reported_date)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		in->id = sqlite3_column_int64(st, 0);
		in->version = 1;
		rc = ST_OK;
	} else
		rc = db_fail(db, rc);
	sqlite3_reset(st);
	return rc;
}

static int
store(struct db *db, struct input *in)
{
	sqlite3_stmt *st = db_stmt(db, sql_update);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "IiIttto", in->id, in->version,
	    in->session_id, in->summary, in->disposition, or_empty(in->reason),
	    in->reported_date)) != ST_OK ||
	    (rc = db_step_done(db, st)) != ST_OK)
		return rc;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return err_set(ST_CONFLICT, "%s", _("the input was changed or "
		    "deleted by someone else; reload it and try again"));
	in->version++;
	return ST_OK;
}

static int
summary_taken(struct db *db, const struct input *in, const char *code)
{
	struct input other;
	int rc, found;

	if ((rc = lookup(db, in->trajectory_id, in->summary, &other, &found)))
		return rc;
	if (!found)
		return ST_OK;
	found = other.id != in->id;
	input_free(&other);
	if (found)
		return err_set_at("summary", ST_INPUT, _("%s already has an "
		    "input '%s'"), code, in->summary);
	return ST_OK;
}

static int
add(struct db *db, struct input *in)
{
	char code[33];
	int rc;

	in->id = 0;
	if ((rc = input_check(db, in)) != ST_OK ||
	    (rc = trajectory_code(db, in->trajectory_id, code)) != ST_OK ||
	    (rc = summary_taken(db, in, code)) != ST_OK ||
	    (rc = insert(db, in)) != ST_OK)
		return rc;
	return changelog_add(db, code, "input.add", in->summary, "%s",
	    in->disposition);
}

int
input_add(struct db *db, struct input *in)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = add(db, in)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
update(struct db *db, struct input *in)
{
	struct input old;
	struct changelog_diff d;
	char code[33];
	int rc;

	if (input_get(db, in->id, &old) != ST_OK)
		return err_set(ST_CONFLICT, "%s", _("the input was deleted by "
		    "someone else"));
	in->trajectory_id = old.trajectory_id;
	if ((rc = input_check(db, in)) != ST_OK) {
		input_free(&old);
		return rc;
	}
	changelog_diff_init(&d);
	if (old.session_id != in->session_id)
		changelog_diff_text(&d, "session", old.session_ref, "(moved)");
	changelog_diff_text(&d, "summary", old.summary, in->summary);
	changelog_diff_text(&d, "disposition", old.disposition,
	    in->disposition);
	changelog_diff_text(&d, "reason", old.reason, in->reason);
	changelog_diff_text(&d, "reported_date", old.reported_date,
	    in->reported_date);
	input_free(&old);
	if ((rc = trajectory_code(db, in->trajectory_id, code)) != ST_OK ||
	    (rc = summary_taken(db, in, code)) != ST_OK ||
	    (rc = store(db, in)) != ST_OK)
		return rc;
	return changelog_add(db, code, "input.update", in->summary, "%s",
	    changelog_diff_str(&d));
}

int
input_update(struct db *db, struct input *in)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = update(db, in)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
delete(struct db *db, sqlite3_int64 id)
{
	struct input in;
	sqlite3_stmt *st;
	char code[33];
	int rc;

	if ((rc = input_get(db, id, &in)) != ST_OK)
		return rc;
	if ((rc = trajectory_code(db, in.trajectory_id, code)) == ST_OK) {
		if ((st = db_stmt(db, sql_delete)) == NULL)
			rc = err_status();
		else if ((rc = db_bind(db, st, "I", id)) == ST_OK &&
		    (rc = db_step_done(db, st)) == ST_OK)
			rc = changelog_add(db, code, "input.delete", in.summary,
			    "session %s, %s", in.session_ref, in.disposition);
	}
	input_free(&in);
	return rc;
}

int
input_delete(struct db *db, sqlite3_int64 id)
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

int
input_merge(struct db *db, struct input *in, unsigned mask,
    enum merge_outcome *out)
{
	struct input e, m;
	int rc, found;

	if ((rc = input_check(db, in)) != ST_OK ||
	    (rc = lookup(db, in->trajectory_id, in->summary, &e, &found)))
		return rc;
	if (!found) {
		*out = MERGE_ADDED;
		return insert(db, in);
	}
	m = e;
	m.session_id = in->session_id;
	if (mask & INP_DISPOSITION)
		memcpy(m.disposition, in->disposition, sizeof m.disposition);
	if (mask & INP_REASON)
		m.reason = in->reason;
	if (mask & INP_REPORTED_DATE)
		memcpy(m.reported_date, in->reported_date,
		    sizeof m.reported_date);
	*out = MERGE_UNCHANGED;
	if ((rc = input_check(db, &m)) == ST_OK &&
	    (m.session_id != e.session_id ||
	    strcmp(m.disposition, e.disposition) != 0 ||
	    strcmp(or_empty(m.reason), or_empty(e.reason)) != 0 ||
	    strcmp(m.reported_date, e.reported_date) != 0)) {
		*out = MERGE_CHANGED;
		rc = store(db, &m);
	}
	in->id = e.id;
	input_free(&e);
	return rc;
}

int
input_each(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 session_id, input_fn fn, void *arg)
{
	sqlite3_stmt *st = db_stmt(db, session_id != 0 ? sql_each_one :
	    sql_each);
	struct input in;
	int rc, stop = 0;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, session_id != 0 ? "II" : "I", trajectory_id,
	    session_id)) != ST_OK)
		return rc;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		view(st, &in);
		stop = fn(&in, arg);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}
