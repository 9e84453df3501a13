/* listing.c: keyset pagination over the interface's lists. A sort is a
 * sequence of groups (the values of a small vocabulary, in contract
 * order) and, within a group, a unique key that an index delivers in
 * order; a page is one index seek per group it touches. Four statements
 * per sort: after a key, before a key, from the first row, from the
 * last. Parameters: ?1 owner, ?2 group value, ?3-?5 key, ?6 limit,
 * ?7 voice, ?8 category, ?9 not heard only, ?10 search text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "error.h"
#include "i18n.h"
#include "listing.h"
#include "utf8.h"
#include "vocab.h"

#define MAX_KEYS 3
#define MAX_GROUPS 40	/* phases: the catalogue allows 32, plus "none" */

enum groups {
	G_NONE,
	G_VOICE,		/* voice codes in contract order */
	G_DELEGATION,		/* delegation codes in contract order */
	G_DEGREE,		/* 3, 2, 1, 0 */
	G_HEARD_LAST,		/* phases in order, then not heard */
	G_UNHEARD_FIRST		/* not heard, then phases in order */
};

struct sort {
	int column;
	enum groups groups;
	int nkeys;
	/* after, before, first, last; [1] drives from the register for
	 * stakeholder sorts on register columns (see choose_driver). */
	const char *sql[2][4];
};

struct kind {
	const struct listing_column *cols;
	int ncols;
	const struct sort *sorts;
	int nsorts;
	const char *count_sql, *count_filtered_sql;
	int filters;		/* takes the stakeholder filters */
	int fold_search;	/* search with fold() rather than name_key */
};

struct listing_key {
	int group;
	int nkeys;
	sqlite3_value *v[MAX_KEYS];
};

struct listing {
	struct db *db;
	const struct kind *kind;
	sqlite3_int64 owner;
	const struct sort *sort;
	int reverse;
	int from_register;	/* drive stakeholder sorts from the register */
	char *filter[LF_COUNT];
	sqlite3_int64 phases[MAX_GROUPS];	/* phase ids in order */
	int nphases;
};

/* ---- the statements ------------------------------------------------- */

/* The four statements of a sort: SEL selects the id and the cells; KEYS
 * the key columns, PH their parameters; NEXT the comparison that goes
 * forward ("<" for a list in descending order); ASC and DESC the
 * forward and backward ORDER BY. */
#define SORT4(sel, from, where, filt, keys, ph, next, prev, asc, desc) { \
	sel ", " keys from " WHERE " where " AND (" keys ") " next " (" ph ")" \
	    filt " ORDER BY " asc " LIMIT ?6", \
	sel ", " keys from " WHERE " where " AND (" keys ") " prev " (" ph ")" \
	    filt " ORDER BY " desc " LIMIT ?6", \
	sel ", " keys from " WHERE " where filt " ORDER BY " asc " LIMIT ?6", \
	sel ", " keys from " WHERE " where filt " ORDER BY " desc " LIMIT ?6" }

#define SH_FILTER \
	" AND (?7 IS NULL OR s.voice = ?7) AND (?8 IS NULL OR s.category = ?8)" \
	" AND (?9 = 0 OR i.first_heard IS NULL)" \
	" AND (?10 IS NULL OR instr(s.name_key, ?10) > 0)"
#define SH_SEL "SELECT s.id, s.name, s.category, s.voice, i.impact," \
	" i.influence, i.represented_by, i.first_heard IS NOT NULL," \
	" ifnull(p.code, '')"
#define SH_BY_INV " FROM involvement i CROSS JOIN stakeholder s" \
	" ON s.id = i.stakeholder_id LEFT JOIN phase p ON p.id = i.first_heard"
#define SH_BY_REG " FROM stakeholder s CROSS JOIN involvement i" \
	" ON i.stakeholder_id = s.id AND i.trajectory_id = ?1" \
	" LEFT JOIN phase p ON p.id = i.first_heard"
#define SH_WHERE "i.trajectory_id = ?1"

/* A sort on a register column, in both drivers. */
#define SH_REG_SORT(where, keys, ph, asc, desc) { \
	SORT4(SH_SEL, SH_BY_INV, where, SH_FILTER, keys, ph, ">", "<", asc, desc), \
	SORT4(SH_SEL, SH_BY_REG, where, SH_FILTER, keys, ph, ">", "<", asc, desc) }
/* A sort on an involvement column: within a group, register order. */
#define SH_INV_SORT(where) { \
	SORT4(SH_SEL, SH_BY_INV, where, SH_FILTER, "i.stakeholder_id", "?3", \
	    ">", "<", "i.stakeholder_id", "i.stakeholder_id DESC") }

static const struct listing_column sh_cols[] = {
	{ "name", N_("name"), LT_TEXT, NULL, 1 },
	{ "category", N_("category"), LT_TEXT, NULL, 1 },
	{ "voice", N_("voice"), LT_VOCAB, &vocab_voice, 1 },
	{ "impact", N_("impact"), LT_INT, NULL, 1 },
	{ "influence", N_("infl."), LT_INT, NULL, 1 },
	{ "represented_by", N_("delegation"), LT_VOCAB, &vocab_delegation, 1 },
	{ "heard", N_("heard"), LT_BOOL, NULL, 1 },
	{ "first_heard", N_("heard in"), LT_PHASE, NULL, 1 },
};

static const struct sort sh_sorts[] = {
	{ 0, G_NONE, 1, SH_REG_SORT(SH_WHERE, "s.name_key", "?3",
	    "s.name_key", "s.name_key DESC") },
	{ 1, G_NONE, 2, SH_REG_SORT(SH_WHERE, "s.category, s.name_key",
	    "?3, ?4", "s.category, s.name_key",
	    "s.category DESC, s.name_key DESC") },
	{ 2, G_VOICE, 1, SH_REG_SORT(SH_WHERE " AND s.voice = ?2",
	    "s.name_key", "?3", "s.name_key", "s.name_key DESC") },
	{ 3, G_DEGREE, 1, SH_INV_SORT(SH_WHERE " AND i.impact = ?2") },
	{ 4, G_DEGREE, 1, SH_INV_SORT(SH_WHERE " AND i.influence = ?2") },
	{ 5, G_DELEGATION, 1, SH_INV_SORT(SH_WHERE " AND i.represented_by = ?2") },
	{ 6, G_UNHEARD_FIRST, 1, SH_INV_SORT(SH_WHERE " AND i.first_heard IS ?2") },
	{ 7, G_HEARD_LAST, 1, SH_INV_SORT(SH_WHERE " AND i.first_heard IS ?2") },
};

#define SEARCH(expr) " AND (?10 IS NULL OR instr(fold(" expr "), ?10) > 0)"

static const struct listing_column reg_cols[] = {
	{ "name", N_("name"), LT_TEXT, NULL, 1 },
	{ "category", N_("category"), LT_TEXT, NULL, 0 },
	{ "voice", N_("voice"), LT_VOCAB, &vocab_voice, 0 },
	{ "involved", N_("involved"), LT_BOOL, NULL, 0 },
};

static const struct sort reg_sorts[] = {
	{ 0, G_NONE, 1, { SORT4("SELECT s.id, s.name, s.category, s.voice,"
	    " i.stakeholder_id IS NOT NULL", " FROM stakeholder s LEFT JOIN"
	    " involvement i ON i.stakeholder_id = s.id AND i.trajectory_id = ?1",
	    "1", " AND (?10 IS NULL OR instr(s.name_key, ?10) > 0)",
	    "s.name_key", "?3", ">", "<", "s.name_key", "s.name_key DESC") } },
};

static const struct listing_column ses_cols[] = {
	{ "date", N_("date"), LT_DATE, NULL, 0 },
	{ "ref", N_("ref"), LT_TEXT, NULL, 0 },
	{ "form", N_("form"), LT_FORM, NULL, 0 },
	{ "phase", N_("phase"), LT_PHASE, NULL, 0 },
	{ "status", N_("status"), LT_VOCAB, &vocab_session_status, 0 },
	{ "attendance", N_("attended"), LT_INT, NULL, 0 },
	{ "feedback_date", N_("feedback"), LT_DATE, NULL, 0 },
	{ "title", N_("title"), LT_TEXT, NULL, 0 },
};

/* Newest first; undated (planned) sessions after the dated ones. */
static const struct sort ses_sorts[] = {
	{ 0, G_NONE, 2, { SORT4("SELECT s.id, ifnull(s.date, ''), s.ref,"
	    " f.code, p.code, s.status, (SELECT count(*) FROM attendance a"
	    " WHERE a.session_id = s.id), ifnull(s.feedback_date, ''), s.title",
	    " FROM session s CROSS JOIN form f ON f.id = s.form_id"
	    " CROSS JOIN phase p ON p.id = s.phase_id", "s.trajectory_id = ?1",
	    SEARCH("s.ref || ' ' || s.title"), "ifnull(s.date, ''), s.id",
	    "?3, ?4", "<", ">", "ifnull(s.date, '') DESC, s.id DESC",
	    "ifnull(s.date, ''), s.id") } },
};

static const struct listing_column inp_cols[] = {
	{ "session", N_("session"), LT_TEXT, NULL, 0 },
	{ "disposition", N_("disposition"), LT_VOCAB, &vocab_disposition, 0 },
	{ "reported_date", N_("reported"), LT_DATE, NULL, 0 },
	{ "summary", N_("summary"), LT_TEXT, NULL, 0 },
	{ "reason", N_("reason"), LT_TEXT, NULL, 0 },
};

/* The expression must be the one of the input_answered index. */
#define ANSWERED "(n.disposition <> 'open' AND n.reported_date IS NOT NULL)"

static const struct sort inp_sorts[] = {
	{ 0, G_NONE, 3, { SORT4("SELECT n.id, se.ref, n.disposition,"
	    " ifnull(n.reported_date, ''), n.summary, n.reason",
	    " FROM input n CROSS JOIN session se ON se.id = n.session_id",
	    "n.trajectory_id = ?1", SEARCH("se.ref || ' ' || n.summary"),
	    ANSWERED ", n.session_id, n.id", "?3, ?4, ?5", ">", "<",
	    ANSWERED ", n.session_id, n.id",
	    ANSWERED " DESC, n.session_id DESC, n.id DESC") } },
};

static const struct listing_column traj_cols[] = {
	{ "code", N_("code"), LT_TEXT, NULL, 0 },
	{ "title", N_("title"), LT_TEXT, NULL, 0 },
	{ "phase", N_("phase"), LT_PHASE, NULL, 0 },
	{ "status", N_("status"), LT_VOCAB, &vocab_trajectory_status, 0 },
};

static const struct sort traj_sorts[] = {
	{ 0, G_NONE, 1, { SORT4("SELECT t.id, t.code, t.title, p.code, t.status",
	    " FROM trajectory t CROSS JOIN phase p ON p.id = t.phase_id", "1",
	    SEARCH("t.code || ' ' || t.title"), "t.code", "?3", ">", "<",
	    "t.code", "t.code DESC") } },
};

#define N(a) (int)(sizeof a / sizeof a[0])

static const struct kind kinds[] = {
	[LISTING_TRAJECTORIES] = { traj_cols, N(traj_cols), traj_sorts,
	    N(traj_sorts), "SELECT count(*) FROM trajectory", NULL, 0, 1 },
	[LISTING_STAKEHOLDERS] = { sh_cols, N(sh_cols), sh_sorts, N(sh_sorts),
	    "SELECT count(*) FROM involvement WHERE trajectory_id = ?1",
	    "SELECT count(*)" SH_BY_INV " WHERE " SH_WHERE SH_FILTER, 1, 0 },
	[LISTING_REGISTER] = { reg_cols, N(reg_cols), reg_sorts, N(reg_sorts),
	    "SELECT count(*) FROM stakeholder", NULL, 0, 0 },
	[LISTING_SESSIONS] = { ses_cols, N(ses_cols), ses_sorts, N(ses_sorts),
	    "SELECT count(*) FROM session WHERE trajectory_id = ?1", NULL, 0, 1 },
	[LISTING_INPUTS] = { inp_cols, N(inp_cols), inp_sorts, N(inp_sorts),
	    "SELECT count(*) FROM input WHERE trajectory_id = ?1", NULL, 0, 1 },
};

static const char sql_phases[] = "SELECT id FROM phase ORDER BY position, id";
static const char sql_register_top[] =
    "SELECT ifnull(max(id), 0) FROM stakeholder";
static const char sql_next_category[] =
    "SELECT category FROM stakeholder WHERE category > ?1"
    " ORDER BY category LIMIT 1";

/* ---- fold(): the matching key of any text, for searches ------------ */

static void
fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *s = sqlite3_value_text(argv[0]);
	char *key;

	if (s == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if ((key = utf8_key((const char *)s)) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, key, -1, free);
}

/* ---- opening and settings ------------------------------------------- */

static int
read_phases(struct listing *l)
{
	sqlite3_stmt *st = db_stmt(l->db, sql_phases);
	int rc;

	if (st == NULL)
		return err_status();
	l->nphases = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && l->nphases < MAX_GROUPS - 1)
		l->phases[l->nphases++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(l->db, rc);
}

int
listing_open(struct listing **out, struct db *db, enum listing_kind kind,
    sqlite3_int64 owner)
{
	struct listing *l;
	int rc;

	*out = NULL;
	if ((l = calloc(1, sizeof *l)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	l->db = db;
	l->kind = &kinds[kind];
	l->owner = owner;
	l->sort = &l->kind->sorts[0];
	rc = sqlite3_create_function_v2(db_sqlite(db), "fold", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, fold_fn, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		free(l);
		return db_fail(db, rc);
	}
	if ((rc = read_phases(l)) != ST_OK) {
		free(l);
		return rc;
	}
	*out = l;
	return ST_OK;
}

void
listing_close(struct listing *l)
{
	int i;

	if (l == NULL)
		return;
	for (i = 0; i < LF_COUNT; i++)
		free(l->filter[i]);
	free(l);
}

const struct listing_column *
listing_columns(const struct listing *l, int *n)
{
	*n = l->kind->ncols;
	return l->kind->cols;
}

int
listing_sort(struct listing *l, int col, int reverse)
{
	int i;

	for (i = 0; i < l->kind->nsorts; i++)
		if (l->kind->sorts[i].column == col) {
			l->sort = &l->kind->sorts[i];
			l->reverse = reverse != 0;
			return ST_OK;
		}
	return err_set(ST_INPUT, _("this list cannot be sorted by %s"),
	    col >= 0 && col < l->kind->ncols ? _(l->kind->cols[col].label) : "?");
}

int
listing_sorted_by(const struct listing *l, int *reverse)
{
	*reverse = l->reverse;
	return l->sort->column;
}

int
listing_filter(struct listing *l, enum listing_filter f, const char *value)
{
	char *copy = NULL;

	if (!l->kind->filters || f < 0 || f >= LF_COUNT)
		return err_set(ST_INPUT, "%s", _("this list has no filters"));
	if (value != NULL && (copy = strdup(value)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	free(l->filter[f]);
	l->filter[f] = copy;
	return ST_OK;
}

const char *
listing_filter_value(const struct listing *l, enum listing_filter f)
{
	return f >= 0 && f < LF_COUNT ? l->filter[f] : NULL;
}

/* ---- keys ----------------------------------------------------------- */

void
listing_key_free(struct listing_key *k)
{
	int i;

	if (k == NULL)
		return;
	for (i = 0; i < k->nkeys; i++)
		sqlite3_value_free(k->v[i]);
	free(k);
}

struct listing_key *
listing_key_dup(const struct listing_key *k)
{
	struct listing_key *d;
	int i;

	if ((d = calloc(1, sizeof *d)) == NULL) {
		err_set(ST_FAIL, "%s", _("out of memory"));
		return NULL;
	}
	d->group = k->group;
	for (i = 0; i < k->nkeys; i++) {
		if ((d->v[i] = sqlite3_value_dup(k->v[i])) == NULL) {
			listing_key_free(d);
			err_set(ST_FAIL, "%s", _("out of memory"));
			return NULL;
		}
		d->nkeys = i + 1;
	}
	return d;
}

/* ---- fetching ------------------------------------------------------- */

static int
ngroups(const struct listing *l)
{
	switch (l->sort->groups) {
	case G_NONE:
		return 1;
	case G_VOICE:
		return vocab_count(&vocab_voice);
	case G_DELEGATION:
		return vocab_count(&vocab_delegation);
	case G_DEGREE:
		return 4;
	case G_HEARD_LAST:
	case G_UNHEARD_FIRST:
		return l->nphases + 1;
	}
	return 1;
}

static int
bind_group(const struct listing *l, sqlite3_stmt *st, int g)
{
	int p;

	switch (l->sort->groups) {
	case G_NONE:
		return SQLITE_OK;
	case G_VOICE:
		return sqlite3_bind_text(st, 2, vocab_voice.codes[g], -1,
		    SQLITE_STATIC);
	case G_DELEGATION:
		return sqlite3_bind_text(st, 2, vocab_delegation.codes[g], -1,
		    SQLITE_STATIC);
	case G_DEGREE:
		return sqlite3_bind_int(st, 2, 3 - g);
	case G_HEARD_LAST:
	case G_UNHEARD_FIRST:
		p = l->sort->groups == G_HEARD_LAST ? g : g - 1;
		if (p < 0 || p >= l->nphases)
			return sqlite3_bind_null(st, 2);
		return sqlite3_bind_int64(st, 2, l->phases[p]);
	}
	return SQLITE_OK;
}

/* Bind what the statement takes of the owner, the filters and SEARCH. */
static int
bind_common(struct listing *l, sqlite3_stmt *st, const char *search)
{
	int n = sqlite3_bind_parameter_count(st), rc = SQLITE_OK;

	if (n >= 1)
		rc = sqlite3_bind_int64(st, 1, l->owner);
	if (rc == SQLITE_OK && n >= 9) {
		rc = db_bind_text(st, 7, l->filter[LF_VOICE]);
		if (rc == SQLITE_OK)
			rc = db_bind_text(st, 8, l->filter[LF_CATEGORY]);
		if (rc == SQLITE_OK)
			rc = sqlite3_bind_int(st, 9, l->filter[LF_UNHEARD] != NULL);
	}
	if (rc == SQLITE_OK && n >= 10)
		rc = db_bind_text(st, 10, search);
	return rc == SQLITE_OK ? ST_OK : db_fail(l->db, rc);
}

/* Read up to LIMIT rows of group G after (or before) KEY, or from the
 * group's edge when KEY is NULL. */
static int
fetch_group(struct listing *l, int g, const struct listing_key *key,
    int natural, int limit, const char *search, listing_fn fn, void *arg,
    int *got, int *stop)
{
	const struct sort *s = l->sort;
	const char *sql = s->sql[l->from_register][(key == NULL ? 2 : 0) +
	    (natural > 0 ? 0 : 1)];
	struct listing_key rk;
	struct listing_row row;
	sqlite3_stmt *st;
	int i, rc, ncols = l->kind->ncols;

	if (sql == NULL)
		sql = s->sql[0][(key == NULL ? 2 : 0) + (natural > 0 ? 0 : 1)];
	if ((st = db_stmt(l->db, sql)) == NULL)
		return err_status();
	if ((rc = bind_common(l, st, search)) != ST_OK)
		return rc;
	rc = bind_group(l, st, g);
	for (i = 0; rc == SQLITE_OK && key != NULL && i < key->nkeys; i++)
		rc = sqlite3_bind_value(st, 3 + i, key->v[i]);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int(st, 6, limit);
	if (rc != SQLITE_OK) {
		sqlite3_reset(st);
		return db_fail(l->db, rc);
	}
	rk.group = g;
	rk.nkeys = s->nkeys;
	while (!*stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&row, 0, sizeof row);
		row.id = sqlite3_column_int64(st, 0);
		for (i = 0; i < ncols; i++) {
			const unsigned char *t = sqlite3_column_text(st, 1 + i);

			row.cell[i] = t != NULL ? (const char *)t : "";
		}
		for (i = 0; i < s->nkeys; i++)
			rk.v[i] = sqlite3_column_value(st, 1 + ncols + i);
		row.key = &rk;
		(*got)++;
		*stop = fn(&row, arg);
	}
	sqlite3_reset(st);
	if (*stop)
		return ST_OK;
	return rc == SQLITE_DONE ? ST_OK : db_fail(l->db, rc);
}

static int
walk(struct listing *l, const struct listing_key *from, int dir, int n,
    const char *search, listing_fn fn, void *arg, int *got)
{
	int natural = l->reverse ? -dir : dir;
	int g, count = 0, stop = 0, rc = ST_OK, groups = ngroups(l);
	const struct listing_key *key = from;

	if (n <= 0)
		n = -1;
	g = from != NULL ? from->group : natural > 0 ? 0 : groups - 1;
	for (; g >= 0 && g < groups && !stop && n != 0; g += natural) {
		int before = count;

		rc = fetch_group(l, g, key, natural, n, search, fn, arg, &count,
		    &stop);
		if (rc != ST_OK)
			break;
		if (n > 0)
			n -= count - before;
		key = NULL;
	}
	if (got != NULL)
		*got = count;
	return rc;
}

int
listing_fetch(struct listing *l, const struct listing_key *from, int dir,
    int n, listing_fn fn, void *arg, int *got)
{
	return walk(l, from, dir, n, NULL, fn, arg, got);
}

static int
stop_first(const struct listing_row *row, void *arg)
{
	struct { listing_fn fn; void *arg; } *c = arg;

	c->fn(row, c->arg);
	return 1;
}

int
listing_find(struct listing *l, const struct listing_key *from, int dir,
    const char *text, listing_fn fn, void *arg, int *found)
{
	struct { listing_fn fn; void *arg; } c = { fn, arg };
	char *key;
	int rc;

	*found = 0;
	if ((key = utf8_key(text)) == NULL)
		return err_set(ST_FAIL, "%s", _("out of memory"));
	rc = walk(l, from, dir, 1, key, stop_first, &c, found);
	free(key);
	return rc;
}

/* ---- counting --------------------------------------------------------- */

static int
filtered(const struct listing *l)
{
	int i;

	for (i = 0; i < LF_COUNT; i++)
		if (l->filter[i] != NULL)
			return 1;
	return 0;
}

/* Drive a stakeholder sort from the register when the trajectory holds
 * enough of it that scanning the register's index finds a page sooner
 * than sorting the trajectory's stakeholders would (N^2 > 64 R). */
static int
choose_driver(struct listing *l, long n)
{
	sqlite3_int64 top;
	int rc;

	if (l->kind != &kinds[LISTING_STAKEHOLDERS])
		return ST_OK;
	if ((rc = db_query_int(l->db, sql_register_top, &top, "")) != ST_OK)
		return rc;
	l->from_register = (double)n * n > 64.0 * (double)top;
	return ST_OK;
}

int
listing_count(struct listing *l, long *n)
{
	const char *sql = l->kind->count_sql;
	sqlite3_stmt *st;
	long total;
	int rc;

	if (filtered(l) && l->kind->count_filtered_sql != NULL)
		sql = l->kind->count_filtered_sql;
	if ((st = db_stmt(l->db, sql)) == NULL)
		return err_status();
	if ((rc = bind_common(l, st, NULL)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	total = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_fail(l->db, rc);
	*n = total;
	if (sql == l->kind->count_sql)
		return choose_driver(l, total);
	return ST_OK;
}

int
listing_next_category(struct db *db, const char *after, char *buf,
    size_t size, int *found)
{
	sqlite3_stmt *st = db_stmt(db, sql_next_category);
	int rc;

	*found = 0;
	if (st == NULL)
		return err_status();
	if ((rc = db_bind(db, st, "t", after)) != ST_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, 0, buf, size);
		*found = 1;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ST_OK : db_fail(db, rc);
}
