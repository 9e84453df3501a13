/* trajectory.c: adding, reading, editing and deleting trajectories. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "date.h"
#include "db.h"
#include "error.h"
#include "i18n.h"
#include "trajectory.h"
#include "utf8.h"
#include "vocab.h"

#define SELECT_TRAJECTORY \
    "SELECT t.id, t.code, t.title, t.question, t.commission, t.requester," \
    " p.code, ifnull(t.start_date, ''), ifnull(t.due_date, ''), t.status," \
    " t.version FROM trajectory t JOIN phase p ON p.id = t.phase_id"

static const char sql_get[] = SELECT_TRAJECTORY " WHERE t.code = ?";
static const char sql_code[] = "SELECT code FROM trajectory WHERE id = ?";
static const char sql_id[] = "SELECT id FROM trajectory WHERE code = ?";
static const char sql_each[] = SELECT_TRAJECTORY " ORDER BY t.code";
static const char sql_first_phase[] =
    "SELECT code FROM phase ORDER BY position, id LIMIT 1";
static const char sql_phase_exists[] = "SELECT 1 FROM phase WHERE code = ?";
static const char sql_add[] =
    "INSERT INTO trajectory (code, title, question, commission, requester,"
    " phase_id, start_date, due_date, status)"
    " SELECT ?1, ?2, ?3, ?4, ?5, id, ?7, ?8, ?9 FROM phase WHERE code = ?6"
    " RETURNING id";
static const char sql_code_taken[] = "SELECT 1 FROM trajectory WHERE code = ?";
static const char sql_update[] =
    "UPDATE trajectory SET title = ?3, question = ?4, commission = ?5,"
    " requester = ?6, phase_id = (SELECT id FROM phase WHERE code = ?7),"
    " start_date = ?8, due_date = ?9, status = ?10, version = version + 1,"
    " updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
    " WHERE id = ?1 AND version = ?2";
static const char sql_delete[] = "DELETE FROM trajectory WHERE id = ?";
static const char sql_counts[] =
    "SELECT"
    " (SELECT count(*) FROM involvement WHERE trajectory_id = ?1),"
    " (SELECT count(*) FROM involvement WHERE trajectory_id = ?1"
    "   AND first_heard IS NOT NULL),"
    " (SELECT count(*) FROM session WHERE trajectory_id = ?1 AND status = 'planned'),"
    " (SELECT count(*) FROM session WHERE trajectory_id = ?1 AND status = 'held'),"
    " (SELECT count(*) FROM session WHERE trajectory_id = ?1 AND status = 'cancelled'),"
    " (SELECT count(*) FROM input WHERE trajectory_id = ?1),"
    " (SELECT count(*) FROM input WHERE trajectory_id = ?1 AND disposition = 'open'),"
    " (SELECT count(*) FROM input WHERE trajectory_id = ?1"
    "   AND reported_date IS NULL),"
    " (SELECT count(*) FROM participant p JOIN session s ON s.id = p.session_id"
    "   WHERE s.trajectory_id = ?1),"
    " (SELECT count(*) FROM member WHERE trajectory_id = ?1)";

int
trajectory_check_code(const char *code)
{
	size_t n = strlen(code);

	if (n == 0 || n > 32 || strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789._-") != n)
		return err_set(ST_INPUT, _("bad trajectory code '%s': use 1 to 32 "
		    "letters, digits, '.', '_' or '-'"), code);
	return ST_OK;
}

void
trajectory_free(struct trajectory *t)
{
	free(t->title);
	free(t->question);
	free(t->commission);
	free(t->requester);
	t->title = t->question = t->commission = t->requester = NULL;
}

static void
copy_col(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	snprintf(dst, size, "%s", s != NULL ? (const char *)s : "");
}

static int
from_row(sqlite3_stmt *st, struct trajectory *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	copy_col(t->code, sizeof t->code, st, 1);
	copy_col(t->phase, sizeof t->phase, st, 6);
	copy_col(t->start_date, sizeof t->start_date, st, 7);
	copy_col(t->due_date, sizeof t->due_date, st, 8);
	copy_col(t->status, sizeof t->status, st, 9);
	t->version = sqlite3_column_int(st, 10);
	if ((t->title = db_column_dup(st, 2)) == NULL ||
	    (t->question = db_column_dup(st, 3)) == NULL ||
	    (t->commission = db_column_dup(st, 4)) == NULL ||
	    (t->requester = db_column_dup(st, 5)) == NULL) {
		trajectory_free(t);
		return ST_FAIL;
	}
	return ST_OK;
}

int
trajectory_get(struct db *db, const char *code, struct trajectory *t)
{
	sqlite3_stmt *st = db_stmt(db, sql_get);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "t", code)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = from_row(st, t);
	else if (rc == SQLITE_DONE)
		rc = err_set(ST_INPUT, _("no trajectory '%s'"), code);
	else
		rc = db_fail(db, rc);
	sqlite3_reset(st);
	return rc;
}

int
trajectory_code(struct db *db, sqlite3_int64 id, char *code)
{
	sqlite3_stmt *st = db_stmt(db, sql_code);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", id)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, code, sizeof ((struct trajectory *)0)->code);
		rc = ST_OK;
	} else if (rc == SQLITE_DONE)
		rc = err_set(ST_INPUT, _("no trajectory with id %lld"),
		    (long long)id);
	else
		rc = db_fail(db, rc);
	sqlite3_reset(st);
	return rc;
}

int
trajectory_id(struct db *db, const char *code, sqlite3_int64 *id)
{
	int rc = db_query_int(db, sql_id, id, "t", code);

	if (rc == ST_OK && *id == 0)
		rc = err_set(ST_INPUT, _("no trajectory '%s'"), code);
	return rc;
}

static int
exists(struct db *db, const char *sql, const char *value, int *found)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "t", value)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, rc);
	*found = rc == SQLITE_ROW;
	return ST_OK;
}

/* Fill in defaults and check every field against the contract. */
static int
validate(struct db *db, struct trajectory *t)
{
	sqlite3_stmt *st;
	int rc, found;

	if ((rc = trajectory_check_code(t->code)) != ST_OK)
		return rc;
	if (t->title == NULL || *str_trim(t->title) == '\0')
		return err_set(ST_INPUT, "%s", _("a trajectory needs a title"));
	if (t->phase[0] == '\0') {
		if ((st = db_stmt(db, sql_first_phase)) == NULL)
			return err_status();
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			copy_col(t->phase, sizeof t->phase, st, 0);
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return err_set(ST_DB, "%s", _("the catalogue is not loaded; "
			    "run meerstem init"));
		if (rc != SQLITE_ROW)
			return db_fail(db, rc);
	}
	if ((rc = exists(db, sql_phase_exists, t->phase, &found)) != ST_OK)
		return rc;
	if (!found)
		return err_set(ST_INPUT, _("unknown phase '%s'"), t->phase);
	if (t->status[0] == '\0')
		strcpy(t->status, "active");
	if ((rc = vocab_check(&vocab_trajectory_status, t->status)) != ST_OK)
		return rc;
	if (t->start_date[0] != '\0' && !date_valid(t->start_date))
		return err_set(ST_INPUT, _("bad start date '%s': expected "
		    "YYYY-MM-DD"), t->start_date);
	if (t->due_date[0] != '\0' && !date_valid(t->due_date))
		return err_set(ST_INPUT, _("bad due date '%s': expected "
		    "YYYY-MM-DD"), t->due_date);
	return ST_OK;
}

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

static int
insert(struct db *db, struct trajectory *t)
{
	sqlite3_stmt *st;
	int rc, taken;

	if ((rc = validate(db, t)) != ST_OK)
		return rc;
	if ((rc = exists(db, sql_code_taken, t->code, &taken)) != ST_OK)
		return rc;
	if (taken)
		return err_set(ST_INPUT, _("trajectory '%s' already exists"),
		    t->code);
	if ((st = db_stmt(db, sql_add)) == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "tttttttot", t->code, t->title,
	    or_empty(t->question), or_empty(t->commission),
	    or_empty(t->requester), t->phase, t->start_date[0] ? t->start_date :
	    NULL, t->due_date, t->status)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		t->id = sqlite3_column_int64(st, 0);
		t->version = 1;
		rc = ST_OK;
	} else
		rc = db_fail(db, rc);
	sqlite3_reset(st);
	if (rc == ST_OK)
		rc = changelog_add(db, t->code, "trajectory.add", t->code, "%s",
		    t->title);
	return rc;
}

int
trajectory_add(struct db *db, struct trajectory *t)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = insert(db, t)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
update(struct db *db, struct trajectory *t)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = validate(db, t)) != ST_OK)
		return rc;
	if ((st = db_stmt(db, sql_update)) == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "Iitttttoot", t->id, t->version, t->title,
	    or_empty(t->question), or_empty(t->commission),
	    or_empty(t->requester), t->phase, t->start_date, t->due_date,
	    t->status)) != ST_OK)
		return rc;
	if ((rc = db_step_done(db, st)) != ST_OK)
		return rc;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return err_set(ST_CONFLICT, _("trajectory '%s' was changed or "
		    "deleted by someone else; reload it and try again"), t->code);
	t->version++;
	return changelog_add(db, t->code, "trajectory.update", t->code,
	    "phase %s, status %s", t->phase, t->status);
}

int
trajectory_update(struct db *db, struct trajectory *t)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = update(db, t)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int
trajectory_delete(struct db *db, const char *code)
{
	struct trajectory t;
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = trajectory_get(db, code, &t)) != ST_OK)
		goto fail;
	if ((st = db_stmt(db, sql_delete)) == NULL) {
		rc = err_status();
		goto fail_t;
	}
	if ((rc = db_bind(db, st, "I", t.id)) != ST_OK ||
	    (rc = db_step_done(db, st)) != ST_OK ||
	    (rc = changelog_add(db, t.code, "trajectory.delete", t.code, "%s",
	    t.title)) != ST_OK)
		goto fail_t;
	trajectory_free(&t);
	return db_commit(db);
fail_t:
	trajectory_free(&t);
fail:
	db_rollback(db);
	return rc;
}

int
trajectory_counts(struct db *db, sqlite3_int64 id, struct trajectory_counts *c)
{
	sqlite3_stmt *st = db_stmt(db, sql_counts);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", id)) != ST_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->stakeholders = (long)sqlite3_column_int64(st, 0);
		c->heard = (long)sqlite3_column_int64(st, 1);
		c->sessions_planned = (long)sqlite3_column_int64(st, 2);
		c->sessions_held = (long)sqlite3_column_int64(st, 3);
		c->sessions_cancelled = (long)sqlite3_column_int64(st, 4);
		c->inputs = (long)sqlite3_column_int64(st, 5);
		c->inputs_open = (long)sqlite3_column_int64(st, 6);
		c->inputs_unreported = (long)sqlite3_column_int64(st, 7);
		c->participants = (long)sqlite3_column_int64(st, 8);
		c->members = (long)sqlite3_column_int64(st, 9);
		rc = ST_OK;
	} else
		rc = db_fail(db, rc);
	sqlite3_reset(st);
	return rc;
}

int
trajectory_each(struct db *db, trajectory_fn fn, void *arg)
{
	sqlite3_stmt *st = db_stmt(db, sql_each);
	struct trajectory t;
	int rc, stop = 0;

	if (st == NULL)
		return err_status();
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (from_row(st, &t) != ST_OK) {
			sqlite3_reset(st);
			return ST_FAIL;
		}
		stop = fn(&t, arg);
		trajectory_free(&t);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}
