/* participant.c: participant profiles, their dimensions and categories,
 * and benchmarks. Decoding profiles goes through a small cache of
 * category names, so that reading a million profiles costs a few
 * hundred lookups and memory stays the same for any number of rows. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changelog.h"
#include "db.h"
#include "error.h"
#include "i18n.h"
#include "participant.h"
#include "trajectory.h"
#include "utf8.h"

#define CACHE_SLOTS 1024	/* power of two */
#define SHARE_TOLERANCE 0.01

static const char sql_dim_get[] = "SELECT id FROM dimension WHERE name = ?";
static const char sql_dim_add[] =
    "INSERT INTO dimension (name) VALUES (?) RETURNING id";
static const char sql_cat_get[] =
    "SELECT id FROM category WHERE dimension_id = ? AND name = ?";
static const char sql_cat_add[] =
    "INSERT INTO category (dimension_id, name) VALUES (?, ?) RETURNING id";
static const char sql_cat_name[] =
    "SELECT c.dimension_id, d.name, c.name FROM category c"
    " JOIN dimension d ON d.id = c.dimension_id WHERE c.id = ?";
static const char sql_dim_name[] = "SELECT name FROM dimension WHERE id = ?";
static const char sql_clear[] = "DELETE FROM participant WHERE session_id = ?";
static const char sql_insert[] =
    "INSERT INTO participant (session_id, seq, profile) VALUES (?, ?, ?)";
static const char sql_next_seq[] =
    "SELECT ifnull(max(seq), 0) + 1 FROM participant WHERE session_id = ?";
static const char sql_replace[] =
    "UPDATE participant SET profile = ?3 WHERE session_id = ?1 AND seq = ?2";
static const char sql_delete[] =
    "DELETE FROM participant WHERE session_id = ? AND seq = ?";
static const char sql_names[] =
    "SELECT t.code, s.ref FROM session s"
    " JOIN trajectory t ON t.id = s.trajectory_id WHERE s.id = ?";
static const char sql_each[] =
    "SELECT s.ref, p.seq, p.profile FROM session s"
    " JOIN participant p ON p.session_id = s.id"
    " WHERE s.trajectory_id = ?1 ORDER BY s.id, p.seq";
static const char sql_each_one[] =
    "SELECT s.ref, p.seq, p.profile FROM session s"
    " JOIN participant p ON p.session_id = s.id"
    " WHERE s.trajectory_id = ?1 AND s.id = ?2 ORDER BY p.seq";
static const char sql_tally[] =
    "SELECT NULL, 0, p.profile FROM session s JOIN form f ON f.id = s.form_id"
    " JOIN participant p ON p.session_id = s.id WHERE s.trajectory_id = ?1"
    " AND (?2 = 0 OR f.representative <> 'no')";
static const char sql_bm_get[] =
    "SELECT share FROM benchmark WHERE trajectory_id = ? AND category_id = ?";
static const char sql_bm_set[] =
    "INSERT INTO benchmark (trajectory_id, category_id, share)"
    " VALUES (?1, ?2, ?3) ON CONFLICT (trajectory_id, category_id)"
    " DO UPDATE SET share = excluded.share";
static const char sql_bm_delete[] =
    "DELETE FROM benchmark WHERE trajectory_id = ? AND category_id = ?";
static const char sql_bm_check[] =
    "SELECT c.dimension_id, d.name, sum(b.share) FROM benchmark b"
    " JOIN category c ON c.id = b.category_id"
    " JOIN dimension d ON d.id = c.dimension_id WHERE b.trajectory_id = ?"
    " GROUP BY c.dimension_id HAVING abs(sum(b.share) - 1) > ?"
    " ORDER BY c.dimension_id LIMIT 1";
static const char sql_bm_each[] =
    "SELECT d.id, c.id, d.name, c.name, b.share FROM benchmark b"
    " JOIN category c ON c.id = b.category_id"
    " JOIN dimension d ON d.id = c.dimension_id WHERE b.trajectory_id = ?"
    " ORDER BY d.id, c.id";

/* ---- names ---------------------------------------------------------- */

static int
has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

int
participant_check_dimension(char *name)
{
	size_t n = strlen(str_trim(name));

	if (n == 0)
		return err_set_at("dimension", ST_INPUT, "%s",
		    _("a dimension needs a name"));
	if (n > PARTICIPANT_MAX_NAME || has_control(name))
		return err_set_at("dimension", ST_INPUT, _("bad dimension '%s': "
		    "use 1 to %d characters on one line"), name,
		    PARTICIPANT_MAX_NAME);
	if (strcmp(name, "session") == 0)
		return err_set_at("dimension", ST_INPUT, "%s", _("a dimension "
		    "cannot be called 'session'"));
	return ST_OK;
}

int
participant_check_category(char *name)
{
	if (*str_trim(name) == '\0')
		return err_set_at("category", ST_INPUT, "%s",
		    _("a category needs a name"));
	if (has_control(name))
		return err_set_at("category", ST_INPUT, _("bad category '%s': "
		    "use one line"), name);
	return ST_OK;
}

/* Look up a name's id with GET (bound to TYPES), or add it with ADD. */
static int
intern(struct db *db, const char *get, const char *add, sqlite3_int64 parent,
    const char *name, int create, sqlite3_int64 *id)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = parent != 0 ? db_query_int(db, get, id, "It", parent, name) :
	    db_query_int(db, get, id, "t", name)) != ST_OK)
		return rc;
	if (*id != 0 || !create)
		return ST_OK;
	if ((st = db_stmt(db, add)) == NULL)
		return err_status();
	if ((rc = parent != 0 ? db_bind(db, st, "It", parent, name) :
	    db_bind(db, st, "t", name)) != ST_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}

int
participant_dimension_id(struct db *db, const char *name, int create,
    sqlite3_int64 *id)
{
	int rc = intern(db, sql_dim_get, sql_dim_add, 0, name, create, id);

	if (rc == ST_OK && *id == 0)
		return err_set_at("dimension", ST_INPUT, _("no dimension '%s'"),
		    name);
	return rc;
}

int
participant_category_id(struct db *db, sqlite3_int64 dimension_id,
    const char *name, int create, sqlite3_int64 *id)
{
	int rc = intern(db, sql_cat_get, sql_cat_add, dimension_id, name,
	    create, id);

	if (rc == ST_OK && *id == 0)
		return err_set_at("category", ST_INPUT, _("no category '%s'"),
		    name);
	return rc;
}

/* ---- decoding ------------------------------------------------------- */

struct cache_slot {
	sqlite3_int64 id, dimension_id;
	unsigned long gen;	/* last decode that used it: pinned until the next */
	char dimension[PARTICIPANT_MAX_NAME + 1];
	char *category;
};

struct decoder {
	struct db *db;
	struct cache_slot *slots;
	struct profile_value v[PARTICIPANT_MAX_DIMENSIONS];
	int n;
	unsigned long gen;
};

static int
decoder_init(struct decoder *d, struct db *db)
{
	d->db = db;
	d->n = 0;
	d->gen = 1;
	if ((d->slots = calloc(CACHE_SLOTS, sizeof *d->slots)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	return ST_OK;
}

static void
decoder_free(struct decoder *d)
{
	size_t i;

	for (i = 0; i < CACHE_SLOTS; i++)
		free(d->slots[i].category);
	free(d->slots);
}

/* A category's names through the cache. A slot used since the last
 * d->gen++ is not evicted, so the names of one profile stay valid
 * together: a probe window one longer than a profile can be always has
 * a free slot. */
static int
lookup_category(struct decoder *d, sqlite3_int64 id, struct cache_slot **out)
{
	size_t home = (size_t)id * 2654435761u, i;
	struct cache_slot *c = NULL, *s;
	sqlite3_stmt *st;
	int rc;

	for (i = 0; i <= PARTICIPANT_MAX_DIMENSIONS; i++) {
		s = &d->slots[(home + i) & (CACHE_SLOTS - 1)];
		if (s->id == id) {
			s->gen = d->gen;
			*out = s;
			return ST_OK;
		}
		if (c == NULL && s->gen != d->gen)
			c = s;
	}
	*out = c;
	if ((st = db_stmt(d->db, sql_cat_name)) == NULL)
		return err_status();
	if ((rc = db_bind(d->db, st, "I", id)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		free(c->category);
		c->id = id;
		c->gen = d->gen;
		c->dimension_id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, c->dimension, sizeof c->dimension);
		if ((c->category = db_column_dup(st, 2)) == NULL)
			c->id = 0;
		rc = c->category != NULL ? ST_OK : ST_FAIL;
	} else if (rc == SQLITE_DONE)
		rc = err_set(ST_DB, _("a participant profile refers to category "
		    "%lld, which does not exist; run meerstem check"),
		    (long long)id);
	else
		rc = db_fail(d->db, rc);
	sqlite3_reset(st);
	return rc;
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

/* Decode a profile blob into D->v, ordered by dimension. */
static int
decode(struct decoder *d, const unsigned char *blob, int bytes)
{
	struct cache_slot *c;
	struct profile_value t;
	int i, j, rc, n = bytes / 4;

	if (n > PARTICIPANT_MAX_DIMENSIONS)
		return err_set(ST_DB, "%s", _("a participant profile has more "
		    "values than meerstem allows; run meerstem check"));
	d->gen++;
	for (i = 0; i < n; i++) {
		if ((rc = lookup_category(d, get32(blob + 4 * i), &c)) != ST_OK)
			return rc;
		t.dimension_id = c->dimension_id;
		t.category_id = c->id;
		t.dimension = c->dimension;
		t.category = c->category;
		for (j = i; j > 0 && d->v[j - 1].dimension_id > t.dimension_id; j--)
			d->v[j] = d->v[j - 1];
		d->v[j] = t;
	}
	d->n = n;
	return ST_OK;
}

/* ---- profiles for the interface -------------------------------------- */

static int
session_names(struct db *db, sqlite3_int64 session_id, char *code, char *ref,
    size_t refsize)
{
	sqlite3_stmt *st = db_stmt(db, sql_names);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", session_id)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, code, 33);
		db_column_copy(st, 1, ref, refsize);
		rc = ST_OK;
	} else if (rc == SQLITE_DONE)
		rc = err_set(ST_INPUT, _("no session with id %lld"),
		    (long long)session_id);
	else
		rc = db_fail(db, rc);
	sqlite3_reset(st);
	return rc;
}

/* Intern V's names into category ids and a log detail. */
static int
encode(struct db *db, const struct profile_value *v, int n, uint32_t *ids,
    char *detail, size_t size)
{
	sqlite3_int64 dim[PARTICIPANT_MAX_DIMENSIONS], cat;
	char dname[PARTICIPANT_MAX_NAME * 4 + 1], *cname;
	size_t len = 0;
	int i, j, rc;

	if (n > PARTICIPANT_MAX_DIMENSIONS)
		return err_set(ST_INPUT, _("a profile has at most %d values"),
		    PARTICIPANT_MAX_DIMENSIONS);
	detail[0] = '\0';
	for (i = 0; i < n; i++) {
		snprintf(dname, sizeof dname, "%s", v[i].dimension != NULL ?
		    v[i].dimension : "");
		if ((cname = strdup(v[i].category != NULL ? v[i].category :
		    "")) == NULL)
			return err_set(ST_FAIL, "%s", _("out of memory"));
		if ((rc = participant_check_dimension(dname)) != ST_OK ||
		    (rc = participant_check_category(cname)) != ST_OK ||
		    (rc = participant_dimension_id(db, dname, 1, &dim[i])) ||
		    (rc = participant_category_id(db, dim[i], cname, 1, &cat))) {
			free(cname);
			return rc;
		}
		for (j = 0; j < i; j++)
			if (dim[j] == dim[i]) {
				free(cname);
				return err_set_at("dimension", ST_INPUT, _("two "
				    "values for dimension '%s'"), dname);
			}
		ids[i] = (uint32_t)cat;
		if (len < size)
			len += (size_t)snprintf(detail + len, size - len, "%s%s=%s",
			    i > 0 ? ", " : "", dname, cname);
		free(cname);
	}
	return ST_OK;
}

static int
bind_profile(struct db *db, sqlite3_stmt *st, int idx, const uint32_t *ids,
    int n, unsigned char *buf)
{
	int i, rc;

	for (i = 0; i < n; i++)
		put32(buf + 4 * i, ids[i]);
	rc = sqlite3_bind_blob(st, idx, buf, 4 * n, SQLITE_STATIC);
	return rc == SQLITE_OK ? ST_OK : db_fail(db, rc);
}

int
participant_insert(struct db *db, sqlite3_int64 session_id, long seq,
    const uint32_t *categories, int n)
{
	unsigned char buf[4 * PARTICIPANT_MAX_DIMENSIONS];
	sqlite3_stmt *st = db_stmt(db, sql_insert);
	int rc;

	if (st == NULL)
		return err_status();
	if (n > PARTICIPANT_MAX_DIMENSIONS)
		return err_set(ST_INPUT, _("a profile has at most %d values"),
		    PARTICIPANT_MAX_DIMENSIONS);
	if ((rc = sqlite3_bind_int64(st, 1, session_id)) != SQLITE_OK ||
	    (rc = sqlite3_bind_int64(st, 2, seq)) != SQLITE_OK)
		return db_fail(db, rc);
	if ((rc = bind_profile(db, st, 3, categories, n, buf)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}

int
participant_replace_begin(struct db *db, sqlite3_int64 session_id,
    long *removed)
{
	sqlite3_stmt *st = db_stmt(db, sql_clear);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", session_id)) != ST_OK ||
	    (rc = db_step_done(db, st)) != ST_OK)
		return rc;
	*removed = (long)sqlite3_changes(db_sqlite(db));
	return ST_OK;
}

static int
add(struct db *db, sqlite3_int64 session_id, const struct profile_value *v,
    int n, long *seq)
{
	uint32_t ids[PARTICIPANT_MAX_DIMENSIONS];
	char code[33], ref[128], detail[512];
	sqlite3_int64 next;
	int rc;

	if ((rc = session_names(db, session_id, code, ref, sizeof ref)) ||
	    (rc = encode(db, v, n, ids, detail, sizeof detail)) ||
	    (rc = db_query_int(db, sql_next_seq, &next, "I", session_id)) ||
	    (rc = participant_insert(db, session_id, (long)next, ids, n)))
		return rc;
	*seq = (long)next;
	return changelog_add(db, code, "participant.add", ref, "%ld: %s", *seq,
	    detail);
}

int
participant_add(struct db *db, sqlite3_int64 session_id,
    const struct profile_value *v, int n, long *seq)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = add(db, session_id, v, n, seq)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
update(struct db *db, sqlite3_int64 session_id, long seq,
    const struct profile_value *v, int n)
{
	unsigned char buf[4 * PARTICIPANT_MAX_DIMENSIONS];
	uint32_t ids[PARTICIPANT_MAX_DIMENSIONS];
	char code[33], ref[128], detail[512];
	sqlite3_stmt *st;
	int rc;

	if ((rc = session_names(db, session_id, code, ref, sizeof ref)) ||
	    (rc = encode(db, v, n, ids, detail, sizeof detail)))
		return rc;
	if ((st = db_stmt(db, sql_replace)) == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "II", session_id, (sqlite3_int64)seq)) ||
	    (rc = bind_profile(db, st, 3, ids, n, buf)) ||
	    (rc = db_step_done(db, st)))
		return rc;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return err_set(ST_CONFLICT, _("profile %ld of session %s was "
		    "deleted by someone else"), seq, ref);
	return changelog_add(db, code, "participant.update", ref, "%ld: %s",
	    seq, detail);
}

int
participant_update(struct db *db, sqlite3_int64 session_id, long seq,
    const struct profile_value *v, int n)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = update(db, session_id, seq, v, n)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
delete(struct db *db, sqlite3_int64 session_id, long seq)
{
	char code[33], ref[128];
	sqlite3_stmt *st;
	long removed;
	int rc;

	if ((rc = session_names(db, session_id, code, ref, sizeof ref)))
		return rc;
	if (seq == 0) {
		if ((rc = participant_replace_begin(db, session_id, &removed)))
			return rc;
		return changelog_add(db, code, "participant.clear", ref,
		    "%ld profiles", removed);
	}
	if ((st = db_stmt(db, sql_delete)) == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "II", session_id, (sqlite3_int64)seq)) ||
	    (rc = db_step_done(db, st)))
		return rc;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return err_set(ST_INPUT, _("session %s has no profile %ld"), ref,
		    seq);
	return changelog_add(db, code, "participant.delete", ref, "%ld", seq);
}

int
participant_delete(struct db *db, sqlite3_int64 session_id, long seq)
{
	int rc;

	if (seq <= 0)
		return err_set(ST_INPUT, _("no profile %ld"), seq);
	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = delete(db, session_id, seq)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int
participant_clear(struct db *db, sqlite3_int64 session_id)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = delete(db, session_id, 0)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

/* ---- reading -------------------------------------------------------- */

/* Step ST's rows (ref, seq, profile), decoding each into D for FN. */
static int
walk(struct decoder *d, sqlite3_stmt *st,
    int (*fn)(struct decoder *, const char *, long, void *), void *arg)
{
	int rc, stop = 0;

	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *blob = sqlite3_column_blob(st, 2);
		int bytes = sqlite3_column_bytes(st, 2);

		if ((rc = decode(d, blob, bytes)) != ST_OK) {
			sqlite3_reset(st);
			return rc;
		}
		stop = fn(d, (const char *)sqlite3_column_text(st, 0),
		    (long)sqlite3_column_int64(st, 1), arg);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? ST_OK : db_fail(d->db, rc);
}

struct each {
	profile_fn fn;
	void *arg;
};

static int
each_one(struct decoder *d, const char *ref, long seq, void *arg)
{
	struct each *e = arg;

	return e->fn(ref, seq, d->v, d->n, e->arg);
}

static int
run_walk(struct db *db, sqlite3_int64 trajectory_id, sqlite3_int64 session_id,
    const char *sql, int (*fn)(struct decoder *, const char *, long, void *),
    void *arg)
{
	struct decoder d;
	sqlite3_stmt *st;
	int rc;

	if ((st = db_stmt(db, sql)) == NULL)
		return err_status();
	/* sql_each has no ?2; the others take a session or a flag there. */
	if ((rc = sqlite3_bind_parameter_count(st) > 1 ?
	    db_bind(db, st, "II", trajectory_id, session_id) :
	    db_bind(db, st, "I", trajectory_id)) != ST_OK)
		return rc;
	if ((rc = decoder_init(&d, db)) != ST_OK) {
		sqlite3_reset(st);
		return rc;
	}
	rc = walk(&d, st, fn, arg);
	decoder_free(&d);
	return rc;
}

int
participant_each(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 session_id, profile_fn fn, void *arg)
{
	struct each e = { fn, arg };

	return run_walk(db, trajectory_id, session_id, session_id != 0 ?
	    sql_each_one : sql_each, each_one, &e);
}

/* A set of ids that grows with the number of categories (never with
 * the number of profiles), counting how often each was added. */
struct counts {
	sqlite3_int64 *id;
	long *n;
	size_t len, cap;	/* cap: a power of two, or 0 */
};

static int
counts_add(struct counts *c, sqlite3_int64 id, long by)
{
	size_t i, mask;

	if (2 * (c->len + 1) > c->cap) {
		struct counts g = { 0 };
		size_t cap = c->cap > 0 ? 2 * c->cap : 64;

		g.cap = cap;
		g.id = calloc(cap, sizeof *g.id);
		g.n = calloc(cap, sizeof *g.n);
		if (g.id == NULL || g.n == NULL) {
			free(g.id);
			free(g.n);
			return err_set(ST_FAIL, "%s", _("out of memory"));
		}
		for (i = 0; i < c->cap; i++)
			if (c->id[i] != 0 && counts_add(&g, c->id[i], c->n[i]))
				return ST_FAIL;
		free(c->id);
		free(c->n);
		*c = g;
	}
	mask = c->cap - 1;
	for (i = (size_t)id * 2654435761u & mask; c->id[i] != 0 &&
	    c->id[i] != id; i = (i + 1) & mask)
		;
	if (c->id[i] == 0) {
		c->id[i] = id;
		c->len++;
	}
	c->n[i] += by;
	return ST_OK;
}

static long
counts_get(const struct counts *c, sqlite3_int64 id)
{
	size_t i, mask = c->cap - 1;

	if (c->cap == 0)
		return 0;
	for (i = (size_t)id * 2654435761u & mask; c->id[i] != 0;
	    i = (i + 1) & mask)
		if (c->id[i] == id)
			return c->n[i];
	return 0;
}

static void
counts_free(struct counts *c)
{
	free(c->id);
	free(c->n);
}

static int
cmp_id(const void *a, const void *b)
{
	sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;

	return x < y ? -1 : x > y;
}

/* The ids of C in rising order, in a new array of C->len. */
static sqlite3_int64 *
counts_sorted(const struct counts *c)
{
	sqlite3_int64 *ids = malloc((c->len > 0 ? c->len : 1) * sizeof *ids);
	size_t i, n = 0;

	if (ids == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	for (i = 0; i < c->cap; i++)
		if (c->id[i] != 0)
			ids[n++] = c->id[i];
	qsort(ids, n, sizeof *ids, cmp_id);
	return ids;
}

struct tally {
	struct counts dims, cats;
};

static int
tally_one(struct decoder *d, const char *ref, long seq, void *arg)
{
	struct tally *t = arg;
	int i;

	for (i = 0; i < d->n; i++)
		if (counts_add(&t->dims, d->v[i].dimension_id, 1) ||
		    counts_add(&t->cats, d->v[i].category_id, 1))
			return ST_FAIL;
	return 0;
}

static int
tally(struct db *db, sqlite3_int64 trajectory_id, sqlite3_int64 session_id,
    int representative_only, struct tally *t)
{
	if (session_id != 0)
		return run_walk(db, trajectory_id, session_id, sql_each_one,
		    tally_one, t);
	return run_walk(db, trajectory_id, representative_only, sql_tally,
	    tally_one, t);
}

int
participant_dimensions(struct db *db, sqlite3_int64 trajectory_id,
    dimension_fn fn, void *arg)
{
	struct tally t = { { 0 }, { 0 } };
	sqlite3_int64 *ids = NULL;
	char name[PARTICIPANT_MAX_NAME + 1];
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if ((rc = tally(db, trajectory_id, 0, 0, &t)) != ST_OK ||
	    (ids = counts_sorted(&t.dims)) == NULL)
		goto done;
	for (i = 0; rc == ST_OK && i < t.dims.len; i++) {
		if ((st = db_stmt(db, sql_dim_name)) == NULL) {
			rc = err_status();
			break;
		}
		if ((rc = db_bind(db, st, "I", ids[i])) != ST_OK)
			break;
		name[0] = '\0';
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			db_column_copy(st, 0, name, sizeof name);
		sqlite3_reset(st);
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK :
		    db_fail(db, rc);
		if (rc == ST_OK)
			rc = fn(ids[i], name, arg);
	}
done:
	if (ids == NULL && rc == ST_OK)
		rc = err_status();
	free(ids);
	counts_free(&t.dims);
	counts_free(&t.cats);
	return rc;
}

static int
cmp_value(const void *a, const void *b)
{
	const struct profile_value *x = a, *y = b;

	if (x->dimension_id != y->dimension_id)
		return x->dimension_id < y->dimension_id ? -1 : 1;
	return x->category_id < y->category_id ? -1 :
	    x->category_id > y->category_id;
}

int
participant_tally(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 session_id, int representative_only, tally_fn fn,
    void *arg)
{
	struct tally t = { { 0 }, { 0 } };
	struct profile_value *v = NULL;
	struct cache_slot *c;
	struct decoder d;
	sqlite3_int64 *ids = NULL;
	size_t i;
	int rc;

	if ((rc = tally(db, trajectory_id, session_id, representative_only,
	    &t)) != ST_OK)
		goto done;
	if ((rc = decoder_init(&d, db)) != ST_OK)
		goto done;
	if ((ids = counts_sorted(&t.cats)) == NULL ||
	    (v = calloc(t.cats.len + 1, sizeof *v)) == NULL) {
		rc = ids == NULL ? err_status() :
		    err_set(ST_FAIL, "%s", _("out of memory"));
		decoder_free(&d);
		goto done;
	}
	/* Names stay in the cache while a category is looked up once. */
	for (i = 0; rc == ST_OK && i < t.cats.len; i++) {
		d.gen++;
		if ((rc = lookup_category(&d, ids[i], &c)) != ST_OK)
			break;
		v[i].dimension_id = c->dimension_id;
		v[i].category_id = c->id;
	}
	if (rc == ST_OK)
		qsort(v, t.cats.len, sizeof *v, cmp_value);
	for (i = 0; rc == ST_OK && i < t.cats.len; i++) {
		d.gen++;
		if ((rc = lookup_category(&d, v[i].category_id, &c)) != ST_OK)
			break;
		v[i].dimension = c->dimension;
		v[i].category = c->category;
		rc = fn(&v[i], counts_get(&t.cats, v[i].category_id),
		    counts_get(&t.dims, v[i].dimension_id), arg);
	}
	decoder_free(&d);
done:
	free(v);
	free(ids);
	counts_free(&t.dims);
	counts_free(&t.cats);
	return rc;
}

/* ---- benchmarks ----------------------------------------------------- */

int
participant_check_share(double share)
{
	if (!isfinite(share) || share < 0 || share > 1)
		return err_set_at("share", ST_INPUT, _("bad share %g: expected a "
		    "number from 0 to 1"), share);
	return ST_OK;
}

/* The category id of DIMENSION and CATEGORY, checked and interned. */
static int
bm_category(struct db *db, const char *dimension, const char *category,
    int create, sqlite3_int64 *id, char *dname, char **cname)
{
	sqlite3_int64 dim;
	int rc;

	snprintf(dname, PARTICIPANT_MAX_NAME * 4 + 1, "%s", dimension);
	if ((*cname = strdup(category)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	if ((rc = participant_check_dimension(dname)) != ST_OK ||
	    (rc = participant_check_category(*cname)) != ST_OK ||
	    (rc = participant_dimension_id(db, dname, create, &dim)) != ST_OK ||
	    (rc = participant_category_id(db, dim, *cname, create, id)) != ST_OK) {
		free(*cname);
		*cname = NULL;
	}
	return rc;
}

/* The stored share, or -1 when there is none. */
static int
bm_get(struct db *db, sqlite3_int64 trajectory_id, sqlite3_int64 category_id,
    double *share)
{
	sqlite3_stmt *st = db_stmt(db, sql_bm_get);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "II", trajectory_id, category_id)) != ST_OK)
		return rc;
	*share = -1;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*share = sqlite3_column_double(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}

static int
bm_store(struct db *db, sqlite3_int64 trajectory_id, sqlite3_int64 category_id,
    double share)
{
	sqlite3_stmt *st = db_stmt(db, sql_bm_set);
	int rc;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "IId", trajectory_id, category_id, share)))
		return rc;
	return db_step_done(db, st);
}

int
participant_benchmark_merge(struct db *db, sqlite3_int64 trajectory_id,
    const char *dimension, const char *category, double share,
    enum merge_outcome *out)
{
	char dname[PARTICIPANT_MAX_NAME * 4 + 1], *cname;
	sqlite3_int64 cat;
	double old;
	int rc;

	if ((rc = participant_check_share(share)) != ST_OK ||
	    (rc = bm_category(db, dimension, category, 1, &cat, dname,
	    &cname)) != ST_OK)
		return rc;
	free(cname);
	if ((rc = bm_get(db, trajectory_id, cat, &old)) != ST_OK)
		return rc;
	*out = old < 0 ? MERGE_ADDED : old != share ? MERGE_CHANGED :
	    MERGE_UNCHANGED;
	if (*out == MERGE_UNCHANGED)
		return ST_OK;
	return bm_store(db, trajectory_id, cat, share);
}

static int
bm_set(struct db *db, sqlite3_int64 trajectory_id, const char *dimension,
    const char *category, double share)
{
	char dname[PARTICIPANT_MAX_NAME * 4 + 1], *cname, code[33], subject[400];
	sqlite3_int64 cat;
	double old;
	int rc;

	if ((rc = participant_check_share(share)) != ST_OK ||
	    (rc = trajectory_code(db, trajectory_id, code)) != ST_OK ||
	    (rc = bm_category(db, dimension, category, 1, &cat, dname,
	    &cname)) != ST_OK)
		return rc;
	snprintf(subject, sizeof subject, "%s=%s", dname, cname);
	free(cname);
	if ((rc = bm_get(db, trajectory_id, cat, &old)) != ST_OK ||
	    (rc = bm_store(db, trajectory_id, cat, share)) != ST_OK)
		return rc;
	if (old < 0)
		return changelog_add(db, code, "benchmark.add", subject, "%g",
		    share);
	return changelog_add(db, code, "benchmark.update", subject,
	    "%g -> %g", old, share);
}

int
participant_benchmark_set(struct db *db, sqlite3_int64 trajectory_id,
    const char *dimension, const char *category, double share)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = bm_set(db, trajectory_id, dimension, category, share))) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static int
bm_remove(struct db *db, sqlite3_int64 trajectory_id, const char *dimension,
    const char *category)
{
	char dname[PARTICIPANT_MAX_NAME * 4 + 1], *cname, code[33], subject[400];
	sqlite3_stmt *st;
	sqlite3_int64 cat;
	double old;
	int rc;

	if ((rc = trajectory_code(db, trajectory_id, code)) != ST_OK ||
	    (rc = bm_category(db, dimension, category, 0, &cat, dname,
	    &cname)) != ST_OK)
		return rc;
	snprintf(subject, sizeof subject, "%s=%s", dname, cname);
	free(cname);
	if ((rc = bm_get(db, trajectory_id, cat, &old)) != ST_OK)
		return rc;
	if (old < 0)
		return err_set(ST_INPUT, _("%s has no benchmark for %s"), code,
		    subject);
	if ((st = db_stmt(db, sql_bm_delete)) == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "II", trajectory_id, cat)) != ST_OK ||
	    (rc = db_step_done(db, st)) != ST_OK)
		return rc;
	return changelog_add(db, code, "benchmark.delete", subject, "%g", old);
}

int
participant_benchmark_remove(struct db *db, sqlite3_int64 trajectory_id,
    const char *dimension, const char *category)
{
	int rc;

	if ((rc = db_begin(db)) != ST_OK)
		return rc;
	if ((rc = bm_remove(db, trajectory_id, dimension, category)) != ST_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int
participant_benchmark_check(struct db *db, sqlite3_int64 trajectory_id,
    sqlite3_int64 *bad_dimension)
{
	sqlite3_stmt *st = db_stmt(db, sql_bm_check);
	char name[PARTICIPANT_MAX_NAME + 1];
	double sum;
	int rc;

	*bad_dimension = 0;
	if (st == NULL)
		return err_status();
	/* A hair over the tolerance, so that sums that are 0.01 off in
	 * decimal but not quite in binary pass. */
	if ((rc = db_bind(db, st, "Id", trajectory_id,
	    SHARE_TOLERANCE + 1e-9)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*bad_dimension = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, name, sizeof name);
		sum = sqlite3_column_double(st, 2);
		sqlite3_reset(st);
		return err_set_at("share", ST_INPUT, _("dimension '%s': the "
		    "shares add up to %.4g; they must add up to 1 (within %g)"),
		    name, sum, SHARE_TOLERANCE);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}

int
participant_benchmark_each(struct db *db, sqlite3_int64 trajectory_id,
    benchmark_fn fn, void *arg)
{
	sqlite3_stmt *st = db_stmt(db, sql_bm_each);
	struct profile_value v;
	int rc, stop = 0;

	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "I", trajectory_id)) != ST_OK)
		return rc;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		v.dimension_id = sqlite3_column_int64(st, 0);
		v.category_id = sqlite3_column_int64(st, 1);
		v.dimension = (const char *)sqlite3_column_text(st, 2);
		v.category = (const char *)sqlite3_column_text(st, 3);
		stop = fn(&v, sqlite3_column_double(st, 4), arg);
	}
	sqlite3_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}
