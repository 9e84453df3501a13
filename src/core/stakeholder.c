/* stakeholder.c: the shared register and involvement in trajectories. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "changelog.h"
#include "db.h"
#include "error.h"
#include "i18n.h"
#include "stakeholder.h"
#include "trajectory.h"
#include "utf8.h"
#include "vocab.h"

#define SH_COLS "s.id, s.name, s.name_key, s.kind, s.category, s.voice," \
    " s.contact, s.version"
#define INV_COLS "i.trajectory_id, i.stakeholder_id, i.impact, i.influence," \
    " i.represented_by, i.reason, ifnull(p.code, ''), i.version"
#define SH_INV "SELECT " SH_COLS ", " INV_COLS " FROM involvement i" \
    " JOIN stakeholder s ON s.id = i.stakeholder_id" \
    " LEFT JOIN phase p ON p.id = i.first_heard WHERE i.trajectory_id = ?1"

static const char sql_get[] =
    "SELECT " SH_COLS " FROM stakeholder s WHERE s.id = ?";
static const char sql_find[] =
    "SELECT " SH_COLS " FROM stakeholder s WHERE s.name_key = ?";
static const char sql_add[] =
    "INSERT INTO stakeholder (name, name_key, kind, category, voice, contact)"
    " VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_update[] =
    "UPDATE stakeholder SET name = ?3, name_key = ?4, kind = ?5,"
    " category = ?6, voice = ?7, contact = ?8, version = version + 1,"
    " updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
    " WHERE id = ?1 AND version = ?2";
static const char sql_delete[] = "DELETE FROM stakeholder WHERE id = ?";
static const char sql_involved_in[] =
    "SELECT count(*), group_concat(code, ', ') FROM (SELECT t.code"
    " FROM involvement i JOIN trajectory t ON t.id = i.trajectory_id"
    " WHERE i.stakeholder_id = ?1 ORDER BY t.code)";
static const char sql_attended_any[] =
    "SELECT count(*) FROM attendance WHERE stakeholder_id = ?";
static const char sql_inv_get[] =
    "SELECT " INV_COLS " FROM involvement i"
    " LEFT JOIN phase p ON p.id = i.first_heard"
    " WHERE i.trajectory_id = ? AND i.stakeholder_id = ?";
static const char sql_inv_add[] =
    "INSERT INTO involvement (trajectory_id, stakeholder_id, impact,"
    " influence, represented_by, reason) VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_inv_update[] =
    "UPDATE involvement SET impact = ?4, influence = ?5,"
    " represented_by = ?6, reason = ?7, version = version + 1"
    " WHERE trajectory_id = ?1 AND stakeholder_id = ?2 AND version = ?3";
static const char sql_inv_delete[] =
    "DELETE FROM involvement WHERE trajectory_id = ? AND stakeholder_id = ?";
static const char sql_inv_attended[] =
    "SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id"
    " WHERE s.trajectory_id = ? AND a.stakeholder_id = ?";
static const char sql_reg_fwd[] =
    "SELECT " SH_COLS " FROM stakeholder s WHERE s.name_key > ?2"
    " ORDER BY s.name_key LIMIT ?3";
static const char sql_reg_back[] =
    "SELECT " SH_COLS " FROM stakeholder s WHERE s.name_key < ?2"
    " ORDER BY s.name_key DESC LIMIT ?3";
static const char sql_reg_last[] =
    "SELECT " SH_COLS " FROM stakeholder s"
    " ORDER BY s.name_key DESC LIMIT ?3";
static const char sql_inv_fwd[] =
    SH_INV " AND s.name_key > ?2 ORDER BY s.name_key LIMIT ?3";
static const char sql_inv_back[] =
    SH_INV " AND s.name_key < ?2 ORDER BY s.name_key DESC LIMIT ?3";
static const char sql_inv_last[] =
    SH_INV " ORDER BY s.name_key DESC LIMIT ?3";
static const char sql_each[] = SH_INV " ORDER BY s.id";
static const char sql_count_reg[] = "SELECT count(*) FROM stakeholder";
static const char sql_count_inv[] =
    "SELECT count(*) FROM involvement WHERE trajectory_id = ?";

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* ---- checking ------------------------------------------------------- */

int
stakeholder_check(struct stakeholder *s)
{
	int rc;

	if (s->name == NULL || *str_trim(s->name) == '\0')
		return err_set_at("name", ST_INPUT, "%s",
		    _("a stakeholder needs a name"));
	if (s->category != NULL)
		str_trim(s->category);
	if (s->contact != NULL)
		str_trim(s->contact);
	if ((rc = vocab_check_field(&vocab_kind, s->kind, sizeof s->kind,
	    "group", "kind")) != ST_OK ||
	    (rc = vocab_check_field(&vocab_voice, s->voice, sizeof s->voice,
	    "unknown", "voice")) != ST_OK)
		return rc;
	return ST_OK;
}

/* WHAT is translated only on failure: an import checks every row, and
 * a gettext lookup costs more than the check. */
static int
check_degree(const char *what, int v, const char *field)
{
	if (v < 0 || v > 3)
		return err_set_at(field, ST_INPUT, _("bad %s %d: expected 0 to 3"),
		    i18n_pgettext("field", what), v);
	return ST_OK;
}

int
stakeholder_involvement_check(struct involvement *inv)
{
	int rc;

	/* TRANSLATORS: the noun in "bad impact 7: expected 0 to 3". */
	if ((rc = check_degree(NC_("field", "impact"), inv->impact, "impact")) ||
	    (rc = check_degree(NC_("field", "influence"), inv->influence,
	    "influence")))
		return rc;
	if (inv->reason != NULL)
		str_trim(inv->reason);
	return vocab_check_field(&vocab_delegation, inv->represented_by,
	    sizeof inv->represented_by, "none", "represented_by");
}

/* ---- reading -------------------------------------------------------- */

void
stakeholder_free(struct stakeholder *s)
{
	free(s->name);
	free(s->key);
	free(s->category);
	free(s->contact);
	s->name = s->key = s->category = s->contact = NULL;
}

void
stakeholder_involvement_free(struct involvement *inv)
{
	free(inv->reason);
	inv->reason = NULL;
}

/* Fill S from columns FIRST.. of ST; text points into the statement. */
static void
sh_view(sqlite3_stmt *st, int c, struct stakeholder *s)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, c);
	s->name = (char *)sqlite3_column_text(st, c + 1);
	s->key = (char *)sqlite3_column_text(st, c + 2);
	db_column_copy(st, c + 3, s->kind, sizeof s->kind);
	s->category = (char *)sqlite3_column_text(st, c + 4);
	db_column_copy(st, c + 5, s->voice, sizeof s->voice);
	s->contact = (char *)sqlite3_column_text(st, c + 6);
	s->version = sqlite3_column_int(st, c + 7);
}

static void
inv_view(sqlite3_stmt *st, int c, struct involvement *inv)
{
	memset(inv, 0, sizeof *inv);
	inv->trajectory_id = sqlite3_column_int64(st, c);
	inv->stakeholder_id = sqlite3_column_int64(st, c + 1);
	inv->impact = sqlite3_column_int(st, c + 2);
	inv->influence = sqlite3_column_int(st, c + 3);
	db_column_copy(st, c + 4, inv->represented_by, sizeof inv->represented_by);
	inv->reason = (char *)sqlite3_column_text(st, c + 5);
	db_column_copy(st, c + 6, inv->first_heard, sizeof inv->first_heard);
	inv->version = sqlite3_column_int(st, c + 7);
}

static char *
dup_or_fail(const char *s, int *failed)
{
	char *d = strdup(s != NULL ? s : "");

	if (d == NULL)
		*failed = 1;
	return d;
}

/* Run a one-row lookup and copy the row into S; *FOUND says if any. */
static int
sh_read(struct db *db, sqlite3_stmt *st, struct stakeholder *s, int *found)
{
	struct stakeholder v;
	int rc, failed = 0;

	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		sh_view(st, 0, &v);
		*s = v;
		s->name = dup_or_fail(v.name, &failed);
		s->key = dup_or_fail(v.key, &failed);
		s->category = dup_or_fail(v.category, &failed);
		s->contact = dup_or_fail(v.contact, &failed);
		rc = ST_OK;
		if (failed) {
			stakeholder_free(s);
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
stakeholder_get(struct db *db, sqlite3_int64 id, struct stakeholder *s)
{
	sqlite3_stmt *st = db_stmt(db, sql_get);
	int rc, found;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", id)) != ST_OK ||
	    (rc = sh_read(db, st, s, &found)) != ST_OK)
		return rc;
	if (!found)
		return err_set(ST_INPUT, _("no stakeholder with id %lld"),
		    (long long)id);
	return ST_OK;
}

/* Look up by KEY; ST_OK with *FOUND 0 when there is none. */
static int
find_key(struct db *db, const char *key, struct stakeholder *s, int *found)
{
	sqlite3_stmt *st = db_stmt(db, sql_find);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "t", key)) != ST_OK)
		return rc;
	return sh_read(db, st, s, found);
}

int
stakeholder_find(struct db *db, const char *name, struct stakeholder *s)
{
	char *key = utf8_key(name);
	int rc, found = 0;

	if (key == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	rc = find_key(db, key, s, &found);
	free(key);
	if (rc == ST_OK && !found) {
		char *trimmed = strdup(name);

		rc = err_set(ST_INPUT, _("no stakeholder '%s' in the register"),
		    trimmed != NULL ? str_trim(trimmed) : name);
		free(trimmed);
	}
	return rc;
}

/* The involvement of a stakeholder in a trajectory; *FOUND 0 if none. */
static int
inv_read(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 stakeholder_id, struct involvement *inv, int *found)
{
	sqlite3_stmt *st = db_stmt(db, sql_inv_get);
	struct involvement v;
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "II", trajectory_id, stakeholder_id)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		inv_view(st, 0, &v);
		*inv = v;
		rc = ST_OK;
		if ((inv->reason = strdup(or_empty(v.reason))) == NULL)
			rc = err_set(ST_FAIL, "%s", _("out of memory"));
	} else
		rc = rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
	sqlite3_reset(st);
	return rc;
}

int
stakeholder_involvement_get(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 stakeholder_id, struct involvement *inv)
{
	int rc, found;

	if ((rc = inv_read(db, trajectory_id, stakeholder_id, inv, &found)))
		return rc;
	if (!found)
		return err_set(ST_INPUT, "%s", _("the stakeholder is not involved "
		    "in this trajectory"));
	return ST_OK;
}

/* ---- writing -------------------------------------------------------- */

static int
name_taken(struct db *db, const char *key, sqlite3_int64 self, int *taken)
{
	struct stakeholder other;
	int rc, found;

	if ((rc = find_key(db, key, &other, &found)) != ST_OK)
		return rc;
	*taken = found && other.id != self;
	if (*taken)
		err_set(ST_INPUT, _("the register already has a stakeholder "
		    "named '%s'"), other.name);
	if (found)
		stakeholder_free(&other);
	return ST_OK;
}

/* Insert a checked S with its key; sets S->id and S->version. */
static int
insert(struct db *db, struct stakeholder *s, const char *key)
{
	sqlite3_stmt *st = db_stmt(db, sql_add);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "tttttt", s->name, key, s->kind,
	    or_empty(s->category), s->voice, or_empty(s->contact))) != ST_OK ||
	    (rc = db_insert(db, st, &s->id)) != ST_OK)
		return rc;
	s->version = 1;
	return ST_OK;
}

static int
add(struct db *db, struct stakeholder *s)
{
	char *key;
	int rc, taken = 0;

	if ((rc = stakeholder_check(s)) != ST_OK)
		return rc;
	if ((key = utf8_key(s->name)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	if ((rc = name_taken(db, key, 0, &taken)) != ST_OK || taken ||
	    (rc = insert(db, s, key)) != ST_OK ||
	    (rc = changelog_add(db, NULL, "stakeholder.add", s->name,
	    "%s, %s", s->kind, s->voice)) != ST_OK) {
		free(key);
		return taken ? ST_INPUT : rc;
	}
	free(s->key);
	s->key = key;
	return ST_OK;
}

int
stakeholder_add(struct db *db, struct stakeholder *s)
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

/* Write S over the stored row of version S->version. */
static int
store(struct db *db, struct stakeholder *s, const char *key)
{
	sqlite3_stmt *st = db_stmt(db, sql_update);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "Iitttttt", s->id, s->version, s->name, key,
	    s->kind, or_empty(s->category), s->voice, or_empty(s->contact))) ||
	    (rc = db_step_done(db, st)))
		return rc;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return err_set(ST_CONFLICT, _("stakeholder '%s' was changed or "
		    "deleted by someone else; reload it and try again"), s->name);
	s->version++;
	return ST_OK;
}

static void
sh_diff(struct changelog_diff *d, const struct stakeholder *a,
    const struct stakeholder *b)
{
	changelog_diff_init(d);
	changelog_diff_text(d, "name", a->name, b->name);
	changelog_diff_text(d, "kind", a->kind, b->kind);
	changelog_diff_text(d, "category", a->category, b->category);
	changelog_diff_text(d, "voice", a->voice, b->voice);
	changelog_diff_text(d, "contact", a->contact, b->contact);
}

static int
update(struct db *db, struct stakeholder *s)
{
	struct stakeholder old;
	struct changelog_diff d;
	char *key;
	int rc, taken = 0;

	if ((rc = stakeholder_check(s)) != ST_OK)
		return rc;
	if ((rc = stakeholder_get(db, s->id, &old)) != ST_OK)
		return err_set(ST_CONFLICT, _("stakeholder '%s' was deleted by "
		    "someone else"), s->name);
	if ((key = utf8_key(s->name)) == NULL) {
		stakeholder_free(&old);
		return err_set(ST_FAIL, "%s", _("out of memory"));
	}
	sh_diff(&d, &old, s);
	if ((rc = name_taken(db, key, s->id, &taken)) == ST_OK && !taken &&
	    (rc = store(db, s, key)) == ST_OK)
		rc = changelog_add(db, NULL, "stakeholder.update", s->name, "%s",
		    changelog_diff_str(&d));
	stakeholder_free(&old);
	if (rc != ST_OK || taken) {
		free(key);
		return taken ? ST_INPUT : rc;
	}
	free(s->key);
	s->key = key;
	return ST_OK;
}

int
stakeholder_update(struct db *db, struct stakeholder *s)
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

/* Refuse to delete a stakeholder others refer to. */
static int
check_unused(struct db *db, const struct stakeholder *s)
{
	sqlite3_stmt *st = db_stmt(db, sql_involved_in);
	sqlite3_int64 attended;
	int rc, n = 0;
	char codes[256] = "";

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", s->id)) != ST_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n = sqlite3_column_int(st, 0);
		db_column_copy(st, 1, codes, sizeof codes);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, rc);
	if (n > 0)
		return err_set(ST_INPUT, _("'%s' is involved in %s; remove it "
		    "from %s first"), s->name, codes, n == 1 ?
		    _("that trajectory") : _("those trajectories"));
	if ((rc = db_query_int(db, sql_attended_any, &attended, "I", s->id)))
		return rc;
	if (attended > 0)
		return err_set(ST_INPUT, _("'%s' attended %lld sessions; remove "
		    "the attendance first"), s->name, (long long)attended);
	return ST_OK;
}

int
stakeholder_delete(struct db *db, sqlite3_int64 id)
{
	struct stakeholder s;
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = stakeholder_get(db, id, &s)) != ST_OK)
		goto fail;
	if ((rc = check_unused(db, &s)) == ST_OK) {
		if ((st = db_stmt(db, sql_delete)) == NULL)
			rc = err_status();
		else if ((rc = db_bind(db, st, "I", id)) == ST_OK &&
		    (rc = db_step_done(db, st)) == ST_OK)
			rc = changelog_add(db, NULL, "stakeholder.delete", s.name,
			    "%s", s.kind);
	}
	stakeholder_free(&s);
	if (rc == ST_OK)
		return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}

/* ---- involvement ---------------------------------------------------- */

static int
inv_insert(struct db *db, struct involvement *inv)
{
	sqlite3_stmt *st = db_stmt(db, sql_inv_add);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "IIiitt", inv->trajectory_id,
	    inv->stakeholder_id, inv->impact, inv->influence,
	    inv->represented_by, or_empty(inv->reason))) != ST_OK ||
	    (rc = db_step_done(db, st)) != ST_OK)
		return rc;
	inv->version = 1;
	return ST_OK;
}

static int
inv_store(struct db *db, struct involvement *inv)
{
	sqlite3_stmt *st = db_stmt(db, sql_inv_update);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "IIiiitt", inv->trajectory_id,
	    inv->stakeholder_id, inv->version, inv->impact, inv->influence,
	    inv->represented_by, or_empty(inv->reason))) != ST_OK ||
	    (rc = db_step_done(db, st)) != ST_OK)
		return rc;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return err_set(ST_CONFLICT, "%s", _("the involvement was changed "
		    "or removed by someone else; reload it and try again"));
	inv->version++;
	return ST_OK;
}

/* The trajectory code and stakeholder name for the change log. */
static int
log_names(struct db *db, const struct involvement *inv, char *code,
    struct stakeholder *s)
{
	int rc;

	if ((rc = trajectory_code(db, inv->trajectory_id, code)) != ST_OK)
		return rc;
	return stakeholder_get(db, inv->stakeholder_id, s);
}

static int
involve(struct db *db, struct involvement *inv)
{
	struct stakeholder s;
	struct involvement old;
	char code[33];
	int rc;

	if ((rc = stakeholder_involvement_check(inv)) != ST_OK ||
	    (rc = log_names(db, inv, code, &s)) != ST_OK)
		return rc;
	if (stakeholder_involvement_get(db, inv->trajectory_id,
	    inv->stakeholder_id, &old) == ST_OK) {
		stakeholder_involvement_free(&old);
		rc = err_set(ST_INPUT, _("'%s' is already involved in %s"),
		    s.name, code);
	} else if ((rc = inv_insert(db, inv)) == ST_OK)
		rc = changelog_add(db, code, "involvement.add", s.name,
		    "impact %d, influence %d, represented by %s", inv->impact,
		    inv->influence, inv->represented_by);
	stakeholder_free(&s);
	return rc;
}

int
stakeholder_involve(struct db *db, struct involvement *inv)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = involve(db, inv)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static void
inv_diff(struct changelog_diff *d, const struct involvement *a,
    const struct involvement *b)
{
	changelog_diff_init(d);
	changelog_diff_int(d, "impact", a->impact, b->impact);
	changelog_diff_int(d, "influence", a->influence, b->influence);
	changelog_diff_text(d, "represented_by", a->represented_by,
	    b->represented_by);
	changelog_diff_text(d, "reason", a->reason, b->reason);
}

static int
inv_update(struct db *db, struct involvement *inv)
{
	struct involvement old;
	struct changelog_diff d;
	struct stakeholder s;
	char code[33];
	int rc;

	if ((rc = stakeholder_involvement_check(inv)) != ST_OK)
		return rc;
	if (stakeholder_involvement_get(db, inv->trajectory_id,
	    inv->stakeholder_id, &old) != ST_OK)
		return err_set(ST_CONFLICT, "%s", _("the involvement was removed "
		    "by someone else"));
	inv_diff(&d, &old, inv);
	stakeholder_involvement_free(&old);
	if ((rc = log_names(db, inv, code, &s)) != ST_OK)
		return rc;
	if ((rc = inv_store(db, inv)) == ST_OK)
		rc = changelog_add(db, code, "involvement.update", s.name, "%s",
		    changelog_diff_str(&d));
	stakeholder_free(&s);
	return rc;
}

int
stakeholder_involvement_update(struct db *db, struct involvement *inv)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = inv_update(db, inv)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
withdraw(struct db *db, struct involvement *key)
{
	struct stakeholder s;
	struct involvement inv;
	sqlite3_int64 attended;
	sqlite3_stmt *st;
	char code[33];
	int rc;

	if ((rc = log_names(db, key, code, &s)) != ST_OK)
		return rc;
	if ((rc = stakeholder_involvement_get(db, key->trajectory_id,
	    key->stakeholder_id, &inv)) != ST_OK) {
		err_set(ST_INPUT, _("'%s' is not involved in %s"), s.name, code);
		goto done;
	}
	stakeholder_involvement_free(&inv);
	if ((rc = db_query_int(db, sql_inv_attended, &attended, "II",
	    key->trajectory_id, key->stakeholder_id)) != ST_OK)
		goto done;
	if (attended > 0) {
		rc = err_set(ST_INPUT, _("'%s' attended %lld sessions of %s; "
		    "remove the attendance first"), s.name, (long long)attended,
		    code);
		goto done;
	}
	if ((st = db_stmt(db, sql_inv_delete)) == NULL)
		rc = err_status();
	else if ((rc = db_bind(db, st, "II", key->trajectory_id,
	    key->stakeholder_id)) == ST_OK &&
	    (rc = db_step_done(db, st)) == ST_OK)
		rc = changelog_add(db, code, "involvement.delete", s.name, "%s",
		    "");
done:
	stakeholder_free(&s);
	return rc;
}

int
stakeholder_withdraw(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 stakeholder_id)
{
	struct involvement key = { 0 };
	int rc;

	key.trajectory_id = trajectory_id;
	key.stakeholder_id = stakeholder_id;
	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = withdraw(db, &key)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

/* ---- both halves at once ---------------------------------------------- */

int
stakeholder_add_involved(struct db *db, struct stakeholder *s,
    struct involvement *inv)
{
	int rc;

	if ((rc = stakeholder_involvement_check(inv)) != ST_OK ||
	    (rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = add(db, s)) == ST_OK) {
		inv->stakeholder_id = s->id;
		rc = involve(db, inv);
	}
	if (rc != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int
stakeholder_update_involved(struct db *db, struct stakeholder *s,
    struct involvement *inv)
{
	int rc;

	if ((rc = stakeholder_involvement_check(inv)) != ST_OK ||
	    (rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = update(db, s)) != ST_OK || (rc = inv_update(db, inv)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

/* ---- batches (import) ------------------------------------------------ */

/* Stakeholders new to the register, with their involvement, waiting to
 * be written STAKEHOLDER_BATCH (64) to a statement. Written one by one,
 * each involvement was a statement of its own that SQLite guards with a
 * statement journal (its trigger and foreign keys let it fail halfway):
 * a copy of every page it touched, per row. A batch pays for that once. */
struct pending {
	char *name, *key, *category, *contact, *reason;
	char kind[16], voice[16], represented_by[16];
	int impact, influence;
	size_t hash;
};

struct stakeholder_batch {
	struct db *db;
	sqlite3_int64 trajectory_id;
	int n;
	struct pending v[STAKEHOLDER_BATCH];
};

/* created and updated are bound: SQLite's strftime() default, twice a
 * row, showed as 5% of an import. */
#define SH_ROW "(?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define SH_ROW4 SH_ROW ", " SH_ROW ", " SH_ROW ", " SH_ROW
#define SH_ROW16 SH_ROW4 ", " SH_ROW4 ", " SH_ROW4 ", " SH_ROW4
#define SH_ROW64 SH_ROW16 ", " SH_ROW16 ", " SH_ROW16 ", " SH_ROW16
static const char sql_add_batch[] =
    "INSERT INTO stakeholder (id, name, name_key, kind, category, voice,"
    " contact, created, updated) VALUES " SH_ROW64;
#define INV_ROW "(?, ?, ?, ?, ?, ?)"
#define INV_ROW4 INV_ROW ", " INV_ROW ", " INV_ROW ", " INV_ROW
#define INV_ROW16 INV_ROW4 ", " INV_ROW4 ", " INV_ROW4 ", " INV_ROW4
#define INV_ROW64 INV_ROW16 ", " INV_ROW16 ", " INV_ROW16 ", " INV_ROW16
static const char sql_inv_add_batch[] =
    "INSERT INTO involvement (trajectory_id, stakeholder_id, impact,"
    " influence, represented_by, reason) VALUES " INV_ROW64;
static const char sql_max_id[] = "SELECT ifnull(max(id), 0) FROM stakeholder";

int
stakeholder_batch_new(struct db *db, struct stakeholder_batch **out)
{
	if ((*out = calloc(1, sizeof **out)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	(*out)->db = db;
	return ST_OK;
}

static void
pending_free(struct pending *p)
{
	free(p->name);
	free(p->key);
	free(p->category);
	free(p->contact);
	free(p->reason);
	memset(p, 0, sizeof *p);
}

static void
batch_clear(struct stakeholder_batch *b)
{
	int i;

	for (i = 0; i < b->n; i++)
		pending_free(&b->v[i]);
	b->n = 0;
}

void
stakeholder_batch_free(struct stakeholder_batch *b)
{
	if (b == NULL)
		return;
	batch_clear(b);
	free(b);
}

static int
batch_has(const struct stakeholder_batch *b, const char *key)
{
	size_t h = str_hash(key);
	int i;

	for (i = 0; i < b->n; i++)
		if (b->v[i].hash == h && strcmp(b->v[i].key, key) == 0)
			return 1;
	return 0;
}

/* The time as the schema's defaults write it. */
static void
now_utc(char buf[32])
{
	time_t t = time(NULL);
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, 32, "1970-01-01T00:00:00Z");
}

/* Write a full batch with two statements; the new ids follow the
 * highest one, as SQLite would choose them row by row. */
static int
batch_write(struct stakeholder_batch *b)
{
	sqlite3_stmt *st;
	sqlite3_int64 base;
	struct pending *p;
	char now[32];
	int i, j, k, rc = SQLITE_OK;

	if ((rc = db_query_int(b->db, sql_max_id, &base, "")) != ST_OK)
		return rc;
	if (base > INT64_MAX - STAKEHOLDER_BATCH)
		return stakeholder_batch_flush(b);	/* SQLite picks them */
	if ((st = db_stmt(b->db, sql_add_batch)) == NULL)
		return err_status();
	now_utc(now);
	for (i = 0, rc = SQLITE_OK; i < b->n && rc == SQLITE_OK; i++) {
		const char *text[8];

		p = &b->v[i];
		text[0] = p->name;
		text[1] = p->key;
		text[2] = p->kind;
		text[3] = p->category;
		text[4] = p->voice;
		text[5] = p->contact;
		text[6] = text[7] = now;
		k = 9 * i;
		rc = sqlite3_bind_int64(st, k + 1, base + 1 + i);
		for (j = 0; j < 8 && rc == SQLITE_OK; j++)
			rc = sqlite3_bind_text(st, k + 2 + j, text[j], -1,
			    SQLITE_STATIC);
	}
	if (rc != SQLITE_OK)
		return db_fail(b->db, rc);
	if ((rc = db_step_done(b->db, st)) != ST_OK)
		return rc;
	if ((st = db_stmt(b->db, sql_inv_add_batch)) == NULL)
		return err_status();
	for (i = 0, rc = SQLITE_OK; i < b->n && rc == SQLITE_OK; i++) {
		p = &b->v[i];
		k = 6 * i;
		if ((rc = sqlite3_bind_int64(st, k + 1, b->trajectory_id)) ||
		    (rc = sqlite3_bind_int64(st, k + 2, base + 1 + i)) ||
		    (rc = sqlite3_bind_int(st, k + 3, p->impact)) ||
		    (rc = sqlite3_bind_int(st, k + 4, p->influence)) ||
		    (rc = sqlite3_bind_text(st, k + 5, p->represented_by, -1,
		    SQLITE_STATIC)))
			break;
		rc = sqlite3_bind_text(st, k + 6, p->reason, -1, SQLITE_STATIC);
	}
	if (rc != SQLITE_OK)
		return db_fail(b->db, rc);
	if ((rc = db_step_done(b->db, st)) != ST_OK)
		return rc;
	batch_clear(b);
	return ST_OK;
}

/* A part batch (the end of a file, a name met again) row by row. */
int
stakeholder_batch_flush(struct stakeholder_batch *b)
{
	struct stakeholder s;
	struct involvement inv;
	struct pending *p;
	int i, rc = ST_OK;

	for (i = 0; i < b->n && rc == ST_OK; i++) {
		p = &b->v[i];
		memset(&s, 0, sizeof s);
		memset(&inv, 0, sizeof inv);
		s.name = p->name;
		s.category = p->category;
		s.contact = p->contact;
		memcpy(s.kind, p->kind, sizeof s.kind);
		memcpy(s.voice, p->voice, sizeof s.voice);
		if ((rc = insert(b->db, &s, p->key)) != ST_OK)
			break;
		inv.trajectory_id = b->trajectory_id;
		inv.stakeholder_id = s.id;
		inv.impact = p->impact;
		inv.influence = p->influence;
		memcpy(inv.represented_by, p->represented_by,
		    sizeof inv.represented_by);
		inv.reason = p->reason;
		rc = inv_insert(b->db, &inv);
	}
	batch_clear(b);
	return rc;
}

/* Queue a checked S with its KEY (copied) and involvement INV. */
static int
batch_add(struct stakeholder_batch *b, const struct stakeholder *s,
    const char *key, const struct involvement *inv)
{
	struct pending *p;

	if (b->n > 0 && b->trajectory_id != inv->trajectory_id &&
	    stakeholder_batch_flush(b) != ST_OK)
		return err_status();
	p = &b->v[b->n];
	b->trajectory_id = inv->trajectory_id;
	p->name = strdup(s->name);
	p->key = strdup(key);
	p->category = strdup(or_empty(s->category));
	p->contact = strdup(or_empty(s->contact));
	p->reason = strdup(or_empty(inv->reason));
	b->n++;
	if (p->name == NULL || p->key == NULL || p->category == NULL ||
	    p->contact == NULL || p->reason == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	memcpy(p->kind, s->kind, sizeof p->kind);
	memcpy(p->voice, s->voice, sizeof p->voice);
	memcpy(p->represented_by, inv->represented_by, sizeof p->represented_by);
	p->impact = inv->impact;
	p->influence = inv->influence;
	p->hash = str_hash(key);
	if (b->n == STAKEHOLDER_BATCH)
		return batch_write(b);
	return ST_OK;
}

/* ---- merging (import) ----------------------------------------------- */

static int
sh_same(const struct stakeholder *a, const struct stakeholder *b)
{
	return strcmp(a->kind, b->kind) == 0 &&
	    strcmp(or_empty(a->category), or_empty(b->category)) == 0 &&
	    strcmp(a->voice, b->voice) == 0 &&
	    strcmp(or_empty(a->contact), or_empty(b->contact)) == 0;
}

/* Set the register fields of MASK from S onto E. */
static void
sh_overlay(struct stakeholder *e, const struct stakeholder *s, unsigned mask)
{
	if (mask & SH_KIND)
		memcpy(e->kind, s->kind, sizeof e->kind);
	if (mask & SH_CATEGORY)
		e->category = s->category;
	if (mask & SH_VOICE)
		memcpy(e->voice, s->voice, sizeof e->voice);
	if (mask & SH_CONTACT)
		e->contact = s->contact;
}

/* The register half of a merge: S->id is set; *CHANGED if it was,
 * *ADDED if it is new to the register. With a batch B, a stakeholder
 * new to the register is not written: *PENDING gets its key (the
 * caller's to free) and S->id stays 0. */
static int
merge_register(struct db *db, struct stakeholder_batch *b,
    struct stakeholder *s, unsigned mask, int *changed, int *added,
    char **pending)
{
	struct stakeholder e, m;
	char *key;
	int rc, found;

	*changed = *added = 0;
	*pending = NULL;
	if ((rc = stakeholder_check(s)) != ST_OK)
		return rc;
	if ((key = utf8_key(s->name)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	/* A name met earlier in the file may still wait in the batch. */
	if (b != NULL && batch_has(b, key) &&
	    (rc = stakeholder_batch_flush(b)) != ST_OK) {
		free(key);
		return rc;
	}
	if ((rc = find_key(db, key, &e, &found)) != ST_OK) {
		free(key);
		return rc;
	}
	if (!found) {
		*added = 1;
		if (b != NULL) {
			*pending = key;
			return ST_OK;
		}
		rc = insert(db, s, key);
		free(key);
		return rc;
	}
	free(key);
	m = e;
	sh_overlay(&m, s, mask);
	if ((rc = stakeholder_check(&m)) == ST_OK && !sh_same(&m, &e)) {
		rc = store(db, &m, e.key);
		*changed = 1;
	}
	s->id = e.id;
	stakeholder_free(&e);
	return rc;
}

static int
inv_same(const struct involvement *a, const struct involvement *b)
{
	return a->impact == b->impact && a->influence == b->influence &&
	    strcmp(a->represented_by, b->represented_by) == 0 &&
	    strcmp(or_empty(a->reason), or_empty(b->reason)) == 0;
}

static void
inv_overlay(struct involvement *e, const struct involvement *v, unsigned mask)
{
	if (mask & INV_IMPACT)
		e->impact = v->impact;
	if (mask & INV_INFLUENCE)
		e->influence = v->influence;
	if (mask & INV_REPRESENTED_BY)
		memcpy(e->represented_by, v->represented_by,
		    sizeof e->represented_by);
	if (mask & INV_REASON)
		e->reason = v->reason;
}

static int
merge(struct db *db, struct stakeholder_batch *b,
    sqlite3_int64 trajectory_id, struct stakeholder *s,
    struct involvement *inv, unsigned mask, enum merge_outcome *out)
{
	struct involvement e, m, def = { 0 };
	char *pending;
	int rc, changed, added, found = 0;

	if ((rc = stakeholder_involvement_check(inv)) != ST_OK ||
	    (rc = merge_register(db, b, s, mask, &changed, &added,
	    &pending)) != ST_OK)
		return rc;
	inv->trajectory_id = trajectory_id;
	inv->stakeholder_id = s->id;
	/* A stakeholder new to the register is involved nowhere yet. */
	if (!added && (rc = inv_read(db, trajectory_id, s->id, &e, &found)))
		return rc;
	if (!found) {
		m = def;
		m.trajectory_id = trajectory_id;
		m.stakeholder_id = s->id;
		inv_overlay(&m, inv, mask);
		if ((rc = stakeholder_involvement_check(&m)) == ST_OK)
			rc = pending != NULL ? batch_add(b, s, pending, &m) :
			    inv_insert(db, &m);
		free(pending);
		*out = MERGE_ADDED;
		return rc;
	}
	m = e;
	inv_overlay(&m, inv, mask);
	if ((rc = stakeholder_involvement_check(&m)) == ST_OK &&
	    !inv_same(&m, &e)) {
		rc = inv_store(db, &m);
		changed = 1;
	}
	stakeholder_involvement_free(&e);
	*out = changed ? MERGE_CHANGED : MERGE_UNCHANGED;
	return rc;
}

int
stakeholder_merge(struct db *db, sqlite3_int64 trajectory_id,
    struct stakeholder *s, struct involvement *inv, unsigned mask,
    enum merge_outcome *out)
{
	return merge(db, NULL, trajectory_id, s, inv, mask, out);
}

int
stakeholder_batch_merge(struct stakeholder_batch *b,
    sqlite3_int64 trajectory_id, struct stakeholder *s,
    struct involvement *inv, unsigned mask, enum merge_outcome *out)
{
	return merge(b->db, b, trajectory_id, s, inv, mask, out);
}

/* ---- listing -------------------------------------------------------- */

static int
walk(struct db *db, sqlite3_stmt *st, int with_inv, stakeholder_fn fn,
    void *arg)
{
	struct stakeholder s;
	struct involvement inv;
	int rc, stop = 0;

	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		sh_view(st, 0, &s);
		if (with_inv)
			inv_view(st, 8, &inv);
		stop = fn(&s, with_inv ? &inv : NULL, arg);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}

int
stakeholder_list(struct db *db, const struct stakeholder_page *p,
    stakeholder_fn fn, void *arg)
{
	const char *sql;
	sqlite3_stmt *st;
	int rc, inv = p->trajectory_id != 0;

	if (p->backward)
		sql = p->after == NULL ? (inv ? sql_inv_last : sql_reg_last) :
		    (inv ? sql_inv_back : sql_reg_back);
	else
		sql = inv ? sql_inv_fwd : sql_reg_fwd;
	if ((st = db_stmt(db, sql)) == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "Iti", p->trajectory_id, p->after != NULL ?
	    p->after : "", p->limit > 0 ? p->limit : -1)) != ST_OK)
		return rc;
	return walk(db, st, inv, fn, arg);
}

int
stakeholder_each(struct db *db, sqlite3_int64 trajectory_id,
    stakeholder_fn fn, void *arg)
{
	sqlite3_stmt *st = db_stmt(db, sql_each);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", trajectory_id)) != ST_OK)
		return rc;
	return walk(db, st, 1, fn, arg);
}

int
stakeholder_count(struct db *db, sqlite3_int64 trajectory_id, long *n)
{
	sqlite3_int64 v;
	int rc;

	if (trajectory_id == 0)
		rc = db_query_int(db, sql_count_reg, &v, "");
	else
		rc = db_query_int(db, sql_count_inv, &v, "I", trajectory_id);
	*n = (long)v;
	return rc;
}
