/* member.c: commission members of a trajectory. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "db.h"
#include "error.h"
#include "i18n.h"
#include "member.h"
#include "trajectory.h"
#include "utf8.h"
#include "vocab.h"

#define SELECT_MEMBER \
    "SELECT id, trajectory_id, name, delegation, version FROM member"

static const char sql_get[] = SELECT_MEMBER " WHERE id = ?";
static const char sql_find[] =
    SELECT_MEMBER " WHERE trajectory_id = ? AND name_key = ?";
static const char sql_each[] =
    SELECT_MEMBER " WHERE trajectory_id = ? ORDER BY id";
static const char sql_add[] =
    "INSERT INTO member (trajectory_id, name, name_key, delegation)"
    " VALUES (?, ?, ?, ?) RETURNING id";
static const char sql_update[] =
    "UPDATE member SET name = ?3, name_key = ?4, delegation = ?5,"
    " version = version + 1 WHERE id = ?1 AND version = ?2";
static const char sql_delete[] = "DELETE FROM member WHERE id = ?";

int
member_check(struct member *m)
{
	if (m->name == NULL || *str_trim(m->name) == '\0')
		return err_set_at("name", ST_INPUT, "%s",
		    _("a member needs a name"));
	if (m->delegation[0] == '\0')
		return err_set_at("delegation", ST_INPUT, _("%s needs a "
		    "delegation"), m->name);
	return vocab_check_field(&vocab_delegation, m->delegation,
	    sizeof m->delegation, "", "delegation");
}

void
member_free(struct member *m)
{
	free(m->name);
	m->name = NULL;
}

static void
view(sqlite3_stmt *st, struct member *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	m->trajectory_id = sqlite3_column_int64(st, 1);
	m->name = (char *)sqlite3_column_text(st, 2);
	db_column_copy(st, 3, m->delegation, sizeof m->delegation);
	m->version = sqlite3_column_int(st, 4);
}

static int
read_one(struct db *db, sqlite3_stmt *st, struct member *m, int *found)
{
	int rc = sqlite3_step(st);

	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		view(st, m);
		rc = (m->name = db_column_dup(st, 2)) != NULL ? ST_OK : ST_FAIL;
	} else
		rc = rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
	sqlite3_reset(st);
	return rc;
}

int
member_get(struct db *db, sqlite3_int64 id, struct member *m)
{
	sqlite3_stmt *st = db_stmt(db, sql_get);
	int rc, found;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", id)) != ST_OK ||
	    (rc = read_one(db, st, m, &found)) != ST_OK)
		return rc;
	return found ? ST_OK : err_set(ST_INPUT, _("no member with id %lld"),
	    (long long)id);
}

static int
lookup(struct db *db, sqlite3_int64 trajectory_id, const char *name,
    struct member *m, int *found)
{
	sqlite3_stmt *st = db_stmt(db, sql_find);
	char *key = utf8_key(name);
	int rc;

	if (key == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	if (st == NULL)
		rc = err_status();
	else if ((rc = db_bind(db, st, "It", trajectory_id, key)) == ST_OK)
		rc = read_one(db, st, m, found);
	free(key);
	return rc;
}

int
member_find(struct db *db, sqlite3_int64 trajectory_id, const char *name,
    struct member *m)
{
	char code[33];
	int rc, found;

	if ((rc = lookup(db, trajectory_id, name, m, &found)) != ST_OK)
		return rc;
	if (found)
		return ST_OK;
	if ((rc = trajectory_code(db, trajectory_id, code)) != ST_OK)
		return rc;
	return err_set_at("name", ST_INPUT, _("no member '%s' in the "
	    "commission of %s"), name, code);
}

static int
name_taken(struct db *db, const struct member *m, const char *code)
{
	struct member other;
	int rc, found;

	if ((rc = lookup(db, m->trajectory_id, m->name, &other, &found)))
		return rc;
	if (!found)
		return ST_OK;
	found = other.id != m->id;
	member_free(&other);
	if (found)
		return err_set_at("name", ST_INPUT, _("the commission of %s "
		    "already has a member '%s'"), code, m->name);
	return ST_OK;
}

static int
insert(struct db *db, struct member *m)
{
	sqlite3_stmt *st = db_stmt(db, sql_add);
	char *key = utf8_key(m->name);
	int rc;

	if (key == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	if (st == NULL)
		rc = err_status();
	else if ((rc = db_bind(db, st, "Ittt", m->trajectory_id, m->name, key,
	    m->delegation)) == ST_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			m->id = sqlite3_column_int64(st, 0);
			m->version = 1;
			rc = ST_OK;
		} else
			rc = db_fail(db, rc);
		sqlite3_reset(st);
	}
	free(key);
	return rc;
}

static int
store(struct db *db, struct member *m)
{
	sqlite3_stmt *st = db_stmt(db, sql_update);
	char *key = utf8_key(m->name);
	int rc;

	if (key == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	if (st == NULL)
		rc = err_status();
	else if ((rc = db_bind(db, st, "Iittt", m->id, m->version, m->name, key,
	    m->delegation)) == ST_OK)
		rc = db_step_done(db, st);
	free(key);
	if (rc != ST_OK)
		return rc;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return err_set(ST_CONFLICT, _("member '%s' was changed or deleted "
		    "by someone else; reload it and try again"), m->name);
	m->version++;
	return ST_OK;
}

static int
add(struct db *db, struct member *m)
{
	char code[33];
	int rc;

	m->id = 0;
	if ((rc = member_check(m)) != ST_OK ||
	    (rc = trajectory_code(db, m->trajectory_id, code)) != ST_OK ||
	    (rc = name_taken(db, m, code)) != ST_OK ||
	    (rc = insert(db, m)) != ST_OK)
		return rc;
	return changelog_add(db, code, "member.add", m->name, "%s",
	    m->delegation);
}

int
member_add(struct db *db, struct member *m)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = add(db, m)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
update(struct db *db, struct member *m)
{
	struct member old;
	struct changelog_diff d;
	char code[33];
	int rc;

	if ((rc = member_check(m)) != ST_OK)
		return rc;
	if (member_get(db, m->id, &old) != ST_OK)
		return err_set(ST_CONFLICT, _("member '%s' was deleted by someone "
		    "else"), m->name);
	m->trajectory_id = old.trajectory_id;
	changelog_diff_init(&d);
	changelog_diff_text(&d, "name", old.name, m->name);
	changelog_diff_text(&d, "delegation", old.delegation, m->delegation);
	member_free(&old);
	if ((rc = trajectory_code(db, m->trajectory_id, code)) != ST_OK ||
	    (rc = name_taken(db, m, code)) != ST_OK ||
	    (rc = store(db, m)) != ST_OK)
		return rc;
	return changelog_add(db, code, "member.update", m->name, "%s",
	    changelog_diff_str(&d));
}

int
member_update(struct db *db, struct member *m)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = update(db, m)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
delete(struct db *db, sqlite3_int64 id)
{
	struct member m;
	sqlite3_stmt *st;
	char code[33];
	int rc;

	if ((rc = member_get(db, id, &m)) != ST_OK)
		return rc;
	if ((rc = trajectory_code(db, m.trajectory_id, code)) == ST_OK) {
		if ((st = db_stmt(db, sql_delete)) == NULL)
			rc = err_status();
		else if ((rc = db_bind(db, st, "I", id)) == ST_OK &&
		    (rc = db_step_done(db, st)) == ST_OK)
			rc = changelog_add(db, code, "member.delete", m.name,
			    "%s", m.delegation);
	}
	member_free(&m);
	return rc;
}

int
member_delete(struct db *db, sqlite3_int64 id)
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
member_merge(struct db *db, struct member *m, enum merge_outcome *out)
{
	struct member e;
	int rc, found;

	if ((rc = member_check(m)) != ST_OK ||
	    (rc = lookup(db, m->trajectory_id, m->name, &e, &found)) != ST_OK)
		return rc;
	if (!found) {
		*out = MERGE_ADDED;
		return insert(db, m);
	}
	*out = MERGE_UNCHANGED;
	if (strcmp(e.delegation, m->delegation) != 0) {
		*out = MERGE_CHANGED;
		memcpy(e.delegation, m->delegation, sizeof e.delegation);
		rc = store(db, &e);
	}
	m->id = e.id;
	member_free(&e);
	return rc;
}

int
member_each(struct db *db, sqlite3_int64 trajectory_id, member_fn fn,
    void *arg)
{
	sqlite3_stmt *st = db_stmt(db, sql_each);
	struct member m;
	int rc, stop = 0;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", trajectory_id)) != ST_OK)
		return rc;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		view(st, &m);
		stop = fn(&m, arg);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}
